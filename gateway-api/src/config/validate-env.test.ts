import * as path from 'node:path';

import { ConfigValidationError, validateEnv } from './validate-env';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

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
    const config = validateEnv({}, false);
    expect({ ...config }).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      NODE_ENV: 'development',
      GATEWAY_DEPARTMENTS: ['RegistryMSP', 'TaxMSP', 'MarketMSP', 'UrbanMSP'],
      GOVTRACE_CONNECTION_PROFILE: path.join(repoRoot, '.govtrace', 'gateway', 'connection.json'),
      GOVTRACE_IDENTITIES: path.join(repoRoot, '.govtrace', 'gateway', 'identities.json'),
      HOLDER_LOOKUP_KEY_FILE: path.join(repoRoot, '.govtrace', 'gateway', 'holder-lookup.key'),
      HOLDER_LOOKUP_KEY_CREATE: false,
      FABRIC_SERVICE_USER: 'ledger-reader',
      FABRIC_HOLDER_VERIFIER_USER: 'holder-verifier',
      FABRIC_EVALUATE_TIMEOUT_MS: 5000,
      FABRIC_ENDORSE_TIMEOUT_MS: 15000,
      FABRIC_SUBMIT_TIMEOUT_MS: 5000,
      FABRIC_COMMIT_STATUS_TIMEOUT_MS: 60000,
      FABRIC_COMMIT_RETRIES: 3,
      METRICS_ALLOW_REMOTE: false,
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(repoRoot, '.govtrace', 'gateway', 'index.sqlite'),
      IDEMPOTENCY_TTL_SECONDS: 86400,
      BUSINESS_UTC_OFFSET_MINUTES: 480,
      BUSINESS_WORKING_PERIODS: '09:00-12:00,13:30-18:00',
      BUSINESS_WORKING_WEEKDAYS: '1,2,3,4,5',
      BUSINESS_HOLIDAYS: '',
      BUSINESS_EXTRA_WORKING_DAYS: '',
      PUBLIC_BASE_URL: '',
      VERIFY_RATE_LIMIT: 120,
      VERIFY_RATE_WINDOW_MS: 60000,
      VERIFY_CACHE_TTL_MS: 2000,
      VERIFY_MAX_CONCURRENT_READS: 8,
      VERIFY_MAX_QUEUED_READS: 200,
      VERIFY_HOLDER_CHECK_MAX_FAILURES: 5,
      VERIFY_PROOF_BUNDLE_MAX_CONCURRENT: 2,
      TRUSTED_PROXIES: '',
    });
  });

  it('reads the public verification settings and refuses a base URL with a path', () => {
    expect({
      ...validateEnv({ PUBLIC_BASE_URL: 'https://verify.example.gov.cn:8443', VERIFY_CACHE_TTL_MS: '0' }),
    }).toMatchObject({ PUBLIC_BASE_URL: 'https://verify.example.gov.cn:8443', VERIFY_CACHE_TTL_MS: 0 });
    expect(() => validateEnv({ PUBLIC_BASE_URL: 'https://verify.example.gov.cn/verify' })).toThrow(
      /PUBLIC_BASE_URL/,
    );
    expect(() => validateEnv({ VERIFY_MAX_CONCURRENT_READS: '0' })).toThrow(/VERIFY_MAX_CONCURRENT_READS/);
  });

  it('writes pretty log lines by default only when stdout is a terminal, and as LOG_FORMAT says', () => {
    expect(validateEnv({}, true).LOG_FORMAT).toBe('pretty');
    expect(validateEnv({}, false).LOG_FORMAT).toBe('json');
    expect(validateEnv({ LOG_FORMAT: 'json' }, true).LOG_FORMAT).toBe('json');
    expect(validateEnv({ LOG_FORMAT: 'pretty' }, false).LOG_FORMAT).toBe('pretty');
    expect(validateEnv({ LOG_FORMAT: '' }, true).LOG_FORMAT).toBe('pretty');
    expect(problemsOf({ LOG_FORMAT: 'text' })).toEqual([
      { variable: 'LOG_FORMAT', message: expect.stringContaining('json, pretty') as unknown },
    ]);
  });

  it('reads and converts the variables it knows', () => {
    const config = validateEnv({ PORT: '8080', HOST: '::1', LOG_LEVEL: 'debug', NODE_ENV: 'production' });
    expect({ ...config }).toMatchObject({
      PORT: 8080,
      HOST: '::1',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
    });
  });

  it('reads the Fabric and metrics settings', () => {
    const config = validateEnv({
      GOVTRACE_CONNECTION_PROFILE: '/etc/govtrace/connection.json',
      GOVTRACE_IDENTITIES: 'run/identities.json',
      FABRIC_SERVICE_USER: 'registry-clerk',
      FABRIC_EVALUATE_TIMEOUT_MS: '2000',
      FABRIC_ENDORSE_TIMEOUT_MS: '30000',
      FABRIC_SUBMIT_TIMEOUT_MS: '4000',
      FABRIC_COMMIT_STATUS_TIMEOUT_MS: '90000',
      FABRIC_COMMIT_RETRIES: '0',
      METRICS_ALLOW_REMOTE: 'true',
    });
    expect({ ...config }).toMatchObject({
      GOVTRACE_CONNECTION_PROFILE: '/etc/govtrace/connection.json',
      // relative to the working directory at start-up
      GOVTRACE_IDENTITIES: path.resolve('run/identities.json'),
      FABRIC_SERVICE_USER: 'registry-clerk',
      FABRIC_EVALUATE_TIMEOUT_MS: 2000,
      FABRIC_ENDORSE_TIMEOUT_MS: 30000,
      FABRIC_SUBMIT_TIMEOUT_MS: 4000,
      FABRIC_COMMIT_STATUS_TIMEOUT_MS: 90000,
      FABRIC_COMMIT_RETRIES: 0,
      METRICS_ALLOW_REMOTE: true,
    });
  });

  it('finds the runtime files under GOVTRACE_HOME when it is set, as the scripts do', () => {
    const config = validateEnv({ GOVTRACE_HOME: '/srv/govtrace' });
    expect(config.GOVTRACE_CONNECTION_PROFILE).toBe('/srv/govtrace/gateway/connection.json');
    expect(config.GOVTRACE_IDENTITIES).toBe('/srv/govtrace/gateway/identities.json');
    expect(config.HOLDER_LOOKUP_KEY_FILE).toBe('/srv/govtrace/gateway/holder-lookup.key');
    expect(validateEnv({ HOLDER_LOOKUP_KEY_FILE: 'run/pepper.key' }).HOLDER_LOOKUP_KEY_FILE).toBe(
      path.resolve('run/pepper.key'),
    );
    expect(
      validateEnv({ GOVTRACE_HOME: '/srv/govtrace', GOVTRACE_IDENTITIES: '/x.json' }).GOVTRACE_IDENTITIES,
    ).toBe('/x.json');
  });

  it('reads the database and idempotency settings', () => {
    expect(
      validateEnv({
        DATABASE_TYPE: 'postgres',
        DATABASE_URL: 'postgresql://gov:secret@127.0.0.1:5432/govtrace',
        IDEMPOTENCY_TTL_SECONDS: '3600',
      }),
    ).toMatchObject({
      DATABASE_TYPE: 'postgres',
      DATABASE_URL: 'postgresql://gov:secret@127.0.0.1:5432/govtrace',
      IDEMPOTENCY_TTL_SECONDS: 3600,
    });
    expect(validateEnv({ DATABASE_PATH: 'data/index.sqlite' }).DATABASE_PATH).toBe(
      path.resolve('data/index.sqlite'),
    );
    expect(validateEnv({ DATABASE_PATH: ':memory:' }).DATABASE_PATH).toBe(':memory:');
    expect(validateEnv({ GOVTRACE_HOME: '/srv/govtrace' }).DATABASE_PATH).toBe(
      '/srv/govtrace/gateway/index.sqlite',
    );
  });

  it('needs DATABASE_URL only for PostgreSQL, and never repeats it in the message', () => {
    expect(validateEnv({ DATABASE_URL: 'not a url' }).DATABASE_TYPE).toBe('sqlite');
    expect(problemsOf({ DATABASE_TYPE: 'postgres' })).toEqual([
      {
        variable: 'DATABASE_URL',
        message: 'must be a postgres:// or postgresql:// URL when DATABASE_TYPE is postgres',
      },
    ]);
    const problems = problemsOf({ DATABASE_TYPE: 'postgres', DATABASE_URL: 'mysql://gov:secret@db/x' });
    expect(JSON.stringify(problems)).not.toContain('secret');
  });

  it('keeps only its own variables, so the rest of the environment is not copied around', () => {
    expect(Object.keys(validateEnv({ PATH: '/usr/bin', HOME: '/root' })).sort()).toEqual([
      'BUSINESS_EXTRA_WORKING_DAYS',
      'BUSINESS_HOLIDAYS',
      'BUSINESS_UTC_OFFSET_MINUTES',
      'BUSINESS_WORKING_PERIODS',
      'BUSINESS_WORKING_WEEKDAYS',
      'DATABASE_PATH',
      'DATABASE_TYPE',
      'DATABASE_URL', // known but unset: present as undefined
      'FABRIC_COMMIT_RETRIES',
      'FABRIC_COMMIT_STATUS_TIMEOUT_MS',
      'FABRIC_ENDORSE_TIMEOUT_MS',
      'FABRIC_EVALUATE_TIMEOUT_MS',
      'FABRIC_HOLDER_VERIFIER_USER',
      'FABRIC_SERVICE_USER',
      'FABRIC_SUBMIT_TIMEOUT_MS',
      'GATEWAY_DEPARTMENTS',
      'GOVTRACE_CONNECTION_PROFILE',
      'GOVTRACE_IDENTITIES',
      'HOLDER_LOOKUP_KEY_CREATE',
      'HOLDER_LOOKUP_KEY_FILE',
      'HOST',
      'IDEMPOTENCY_TTL_SECONDS',
      'LOG_FORMAT',
      'LOG_LEVEL',
      'METRICS_ALLOW_REMOTE',
      'NODE_ENV',
      'PORT',
      'PUBLIC_BASE_URL',
      'TRUSTED_PROXIES',
      'VERIFY_CACHE_TTL_MS',
      'VERIFY_HOLDER_CHECK_MAX_FAILURES',
      'VERIFY_MAX_CONCURRENT_READS',
      'VERIFY_MAX_QUEUED_READS',
      'VERIFY_PROOF_BUNDLE_MAX_CONCURRENT',
      'VERIFY_RATE_LIMIT',
      'VERIFY_RATE_WINDOW_MS',
    ]);
  });

  it('creates no holder lookup key unless told exactly `true`; a 1 ms commit-status deadline is allowed', () => {
    expect(validateEnv({ HOLDER_LOOKUP_KEY_CREATE: 'true' }).HOLDER_LOOKUP_KEY_CREATE).toBe(true);
    expect(validateEnv({ HOLDER_LOOKUP_KEY_CREATE: 'false' }).HOLDER_LOOKUP_KEY_CREATE).toBe(false);
    expect(validateEnv({ FABRIC_COMMIT_STATUS_TIMEOUT_MS: '1' }).FABRIC_COMMIT_STATUS_TIMEOUT_MS).toBe(1);
  });

  it.each(['loopback', '127.0.0.1', '127.0.0.0/8, ::1', 'loopback,uniquelocal,10.1.0.0/16', 'fe80::/10'])(
    'accepts TRUSTED_PROXIES=%s',
    (proxies) => {
      expect(validateEnv({ TRUSTED_PROXIES: proxies }).TRUSTED_PROXIES).toBe(proxies);
    },
  );

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
    ['FABRIC_ENDORSE_TIMEOUT_MS', '50', 'must not be less than 100'],
    ['FABRIC_COMMIT_RETRIES', '11', 'must not be greater than 10'],
    ['FABRIC_SERVICE_USER', 'a b', 'must be a user name'],
    ['FABRIC_HOLDER_VERIFIER_USER', 'a b', 'must be a user name'],
    ['VERIFY_HOLDER_CHECK_MAX_FAILURES', '0', 'must not be less than 1'],
    ['VERIFY_HOLDER_CHECK_MAX_FAILURES', '101', 'must not be greater than 100'],
    ['METRICS_ALLOW_REMOTE', 'yes', 'must be a boolean value'],
    ['HOLDER_LOOKUP_KEY_CREATE', '1', 'must be a boolean value'],
    ['FABRIC_COMMIT_STATUS_TIMEOUT_MS', '0', 'must not be less than 1'],
    ['DATABASE_TYPE', 'mysql', 'must be one of the following values: sqlite, postgres'],
    ['IDEMPOTENCY_TTL_SECONDS', '0', 'must not be less than 1'],
    ['IDEMPOTENCY_TTL_SECONDS', '1.5', 'must be an integer number'],
    ['VERIFY_PROOF_BUNDLE_MAX_CONCURRENT', '0', 'must not be less than 1'],
    [
      'TRUSTED_PROXIES',
      'proxy.city.local',
      'must be a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal',
    ],
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
