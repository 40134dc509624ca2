import { ConfigValidationError, validateEnv } from './validate-env';

function problemsOf(env: Record<string, string>): ConfigValidationError['problems'] {
  try {
    validateEnv(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected validateEnv to throw');
}

describe('validateEnv', () => {
  it('applies the defaults when nothing is set', () => {
    const config = validateEnv({});
    expect({ ...config }).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    });
  });

  it('reads and converts the variables it knows', () => {
    const config = validateEnv({ PORT: '8080', HOST: '::1', LOG_LEVEL: 'debug', NODE_ENV: 'production' });
    expect({ ...config }).toEqual({ PORT: 8080, HOST: '::1', LOG_LEVEL: 'debug', NODE_ENV: 'production' });
  });

  it('keeps only its own variables, so the rest of the environment is not copied around', () => {
    expect(Object.keys(validateEnv({ PATH: '/usr/bin', HOME: '/root' })).sort()).toEqual([
      'HOST',
      'LOG_LEVEL',
      'NODE_ENV',
      'PORT',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(validateEnv({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
  });

  it.each(['localhost', '127.0.0.1', '0.0.0.0', '::', 'gateway.city.local'])('accepts HOST=%s', (host) => {
    expect(validateEnv({ HOST: host }).HOST).toBe(host);
  });

  it.each([
    ['PORT', 'abc', 'must be an integer number'],
    ['PORT', '3000.5', 'must be an integer number'],
    ['PORT', '0', 'must not be less than 1'],
    ['PORT', '65536', 'must not be greater than 65535'],
    ['HOST', 'bad host', 'must be a hostname or an IP address'],
    ['LOG_LEVEL', 'verbose', 'must be one of the following values: error, warn, info, debug'],
    ['NODE_ENV', 'staging', 'must be one of the following values: development, production, test'],
  ])('refuses %s=%s with one problem naming the variable', (variable, value, message) => {
    expect(problemsOf({ [variable]: value })).toEqual([{ variable, message }]);
  });

  it('reports every bad variable at once, in one readable line without the values', () => {
    let caught: unknown;
    try {
      validateEnv({ PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    expect((caught as Error).message).toBe(
      'Invalid configuration: PORT must be an integer number; ' +
        'LOG_LEVEL must be one of the following values: error, warn, info, debug',
    );
    expect((caught as Error).message).not.toContain('loud');
  });
});
