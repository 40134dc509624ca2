import { findChaincodeError } from './chaincode-error';

describe('findChaincodeError', () => {
  it('finds the object after the prefix the peer adds', () => {
    const text =
      'chaincode response 500, {"code":"VALIDATION_FAILED","details":[{"field":"key","message":"bad {key}"}],"message":"invalid"}';
    expect(findChaincodeError(text)).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'invalid',
      details: [{ field: 'key', message: 'bad {key}' }],
    });
  });

  it('copes with braces and escaped quotes inside strings, and text after the object', () => {
    const text = 'x {"code":"CONFLICT","details":[],"message":"name \\"A}{\\" taken"} trailing }';
    expect(findChaincodeError(text)).toEqual({ code: 'CONFLICT', message: 'name "A}{" taken', details: [] });
  });

  it('skips a malformed candidate and takes a later well-formed one', () => {
    const text =
      '{"code":"NOPE","details":[],"message":"a"} then {"code":"NOT_FOUND","details":[],"message":"b"}';
    expect(findChaincodeError(text)).toEqual({ code: 'NOT_FOUND', message: 'b', details: [] });
  });

  it.each([
    ['no object at all', 'chaincode response 500, TypeError: boom'],
    ['an unknown code', '{"code":"TEAPOT","details":[],"message":"x"}'],
    ['a message that is not a string', '{"code":"CONFLICT","details":[],"message":1}'],
    ['details that are not an array', '{"code":"CONFLICT","details":{},"message":"x"}'],
    ['a detail without a message', '{"code":"CONFLICT","details":[{"field":"a"}],"message":"x"}'],
    [
      'a detail with a non-string field',
      '{"code":"CONFLICT","details":[{"field":1,"message":"m"}],"message":"x"}',
    ],
    ['an object cut short', '{"code":"CONFLICT","details":[],"message":"x"'],
    ['invalid JSON', '{"code":"CONFLICT",details:[],"message":"x"}'],
  ])('answers undefined for %s', (_label, text) => {
    expect(findChaincodeError(text)).toBeUndefined();
  });
});
