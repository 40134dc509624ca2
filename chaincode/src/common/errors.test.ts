import {
  type ChaincodeError,
  ConflictError,
  ErrorCodes,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  UnavailableError,
  ValidationError,
  chaincodeErrorFromPayload,
  formatChaincodeErrorMessage,
  parseChaincodeErrorMessage,
} from './errors';

describe('ChaincodeError subclasses', () => {
  it.each<[string, ChaincodeError, string]>([
    [
      'ValidationError',
      new ValidationError('bad input', [{ field: 'key', message: 'too long' }]),
      'VALIDATION_FAILED',
    ],
    ['ForbiddenError', new ForbiddenError('requires role hauler'), 'FORBIDDEN'],
    ['NotFoundError', new NotFoundError('smoke value not found'), 'NOT_FOUND'],
    ['ConflictError', new ConflictError('certificate number taken'), 'CONFLICT'],
    [
      'RuleViolationError',
      new RuleViolationError('unit is seized', [{ message: 'seizure 42' }]),
      'RULE_VIOLATION',
    ],
    ['UnavailableError', new UnavailableError('not yet readable here'), 'UNAVAILABLE'],
  ])('%s carries its code in the message and round-trips', (name, error, code) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(parseChaincodeErrorMessage(error.message)).toEqual(error.toPayload());
  });

  it.each(Object.values(ErrorCodes))('rebuilds a %s error from its wire payload, class included', (code) => {
    const payload = { code, message: 'from another chaincode', details: [{ field: 'f', message: 'm' }] };
    const rebuilt = chaincodeErrorFromPayload(payload);
    expect(rebuilt.code).toBe(code);
    expect(rebuilt.toPayload()).toEqual(payload);
    expect(rebuilt.constructor).toBe(chaincodeErrorFromPayload(rebuilt.toPayload()).constructor);
    expect(rebuilt.name).toMatch(/Error$/);
  });

  it('serialises as canonical JSON with code, details and message', () => {
    const error = new ValidationError('invalid smoke value', [
      { field: 'key', message: 'must match [A-Za-z0-9_.-]{1,64}' },
      { message: 'no field' },
    ]);
    expect(error.message).toBe(
      '{"code":"VALIDATION_FAILED","details":[{"field":"key","message":"must match [A-Za-z0-9_.-]{1,64}"},' +
        '{"message":"no field"}],"message":"invalid smoke value"}',
    );
    expect(error.reason).toBe('invalid smoke value');
  });

  it('keeps quotes, braces and non-ASCII text in reasons intact', () => {
    const error = new ConflictError('名称 "广州{某}公司" 已被使用', [
      { field: 'name', message: '} {"code":"FORBIDDEN"' },
    ]);
    expect(parseChaincodeErrorMessage(error.message)).toEqual({
      code: 'CONFLICT',
      message: '名称 "广州{某}公司" 已被使用',
      details: [{ field: 'name', message: '} {"code":"FORBIDDEN"' }],
    });
  });
});

describe('parseChaincodeErrorMessage', () => {
  const wire = formatChaincodeErrorMessage({
    code: ErrorCodes.NotFound,
    message: 'smoke value not found',
    details: [],
  });

  it('finds the payload behind the prefixes the peer and gateway add', () => {
    const texts = [
      wire,
      `chaincode response 500, ${wire}`,
      `10 ABORTED: evaluate call to endorser returned error: chaincode response 500, ${wire}`,
      `${wire} (trailing text)`,
    ];
    for (const text of texts) {
      expect(parseChaincodeErrorMessage(text)).toEqual({
        code: 'NOT_FOUND',
        message: 'smoke value not found',
        details: [],
      });
    }
  });

  it.each([
    ['free text', 'transaction returned with failure: Error: boom'],
    ['an empty string', ''],
    ['an unknown code', '{"code":"TEAPOT","details":[],"message":"x"}'],
    ['a missing message', '{"code":"NOT_FOUND","details":[]}'],
    ['missing details', '{"code":"NOT_FOUND","message":"x"}'],
    ['malformed details', '{"code":"NOT_FOUND","details":[{"field":1,"message":"x"}],"message":"x"}'],
    ['truncated JSON', '{"code":"NOT_FOUND","details":[],"message":"x'],
  ])('returns undefined for %s', (_name, text) => {
    expect(parseChaincodeErrorMessage(text)).toBeUndefined();
  });

  it('skips a non-matching candidate and finds the real payload after it', () => {
    expect(parseChaincodeErrorMessage(`{"code":"bogus"} then ${wire}`)?.code).toBe('NOT_FOUND');
  });
});
