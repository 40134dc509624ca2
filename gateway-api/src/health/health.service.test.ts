import { Injectable, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { UnavailableError } from '../common/errors';
import { HealthModule } from './health.module';
import { CHECK_TIMEOUT_MS, HealthService } from './health.service';
import { ProcessCheck } from './process.check';
import { type CheckOutcome, type ReadinessCheck } from './readiness-check';

const check = (name: string, outcome: () => Promise<CheckOutcome>): ReadinessCheck => ({
  name,
  check: outcome,
});
const up = (name: string): ReadinessCheck => check(name, () => Promise.resolve({ up: true }));

async function unavailable(promise: Promise<unknown>): Promise<UnavailableError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UnavailableError) return error;
    throw error;
  }
  throw new Error('expected UnavailableError');
}

describe('HealthService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is live without checking anything', () => {
    expect(new HealthService([]).live()).toEqual({ status: 'ok' });
  });

  it('is ready when every check is up', async () => {
    const readiness = await new HealthService([up('process'), up('fabric')]).ready();
    expect(readiness).toEqual({
      status: 'ready',
      departments: [], // no configuration in this bare service
      checks: [
        { name: 'process', status: 'up', durationMs: expect.any(Number) as unknown },
        { name: 'fabric', status: 'up', durationMs: expect.any(Number) as unknown },
      ],
    });
  });

  it('answers UNAVAILABLE listing every check when one is down', async () => {
    const lagging = check('index', () => Promise.resolve({ up: false, message: 'index 12 blocks behind' }));
    const error = await unavailable(new HealthService([up('process'), lagging]).ready());
    expect(error.getStatus()).toBe(503);
    expect(error.message).toBe('Not ready: index');
    expect(error.details).toEqual([
      { check: 'process', status: 'up', message: 'up' },
      { check: 'index', status: 'down', message: 'index 12 blocks behind' },
    ]);
  });

  it('counts a throwing check as down, logging its error instead of answering with it', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const broken = check('database', () =>
      Promise.reject(new Error('password authentication failed for "gov"')),
    );
    const error = await unavailable(new HealthService([broken]).ready());
    expect(error.details).toEqual([{ check: 'database', status: 'down', message: 'check failed' }]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('password authentication failed'));
  });

  it('gives up on a check that does not answer in time', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.useFakeTimers();
    try {
      const hanging = check('fabric', () => new Promise<CheckOutcome>(() => undefined));
      const result = unavailable(new HealthService([hanging]).ready());
      await jest.advanceTimersByTimeAsync(CHECK_TIMEOUT_MS);
      expect((await result).details).toEqual([
        { check: 'fabric', status: 'down', message: `no answer within ${CHECK_TIMEOUT_MS} ms` },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('HealthModule.register', () => {
  @Injectable()
  class FailingCheck implements ReadinessCheck {
    readonly name = 'ledger';
    check(): Promise<CheckOutcome> {
      return Promise.resolve({ up: false, message: 'no peer endorsed' });
    }
  }

  @Module({ providers: [FailingCheck], exports: [FailingCheck] })
  class LedgerModule {}

  it('runs the process check plus the checks exported by the modules it is given', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HealthModule.register({ imports: [LedgerModule], checks: [FailingCheck] })],
    }).compile();
    const error = await unavailable(moduleRef.get(HealthService).ready());
    expect(error.details.map((d) => `${d.check}:${d.status}`)).toEqual(['process:up', 'ledger:down']);
  });

  it('reports the process down once shutdown begins, so traffic drains', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [HealthModule.register()] }).compile();
    await expect(moduleRef.get(HealthService).ready()).resolves.toMatchObject({ status: 'ready' });
    moduleRef.get(ProcessCheck).beforeApplicationShutdown();
    const error = await unavailable(moduleRef.get(HealthService).ready());
    expect(error.details).toEqual([{ check: 'process', status: 'down', message: 'shutting down' }]);
  });
});
