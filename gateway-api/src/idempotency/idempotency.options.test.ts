import { idempotencyLeaseSeconds } from './idempotency.options';

describe('idempotencyLeaseSeconds', () => {
  it('covers every Fabric deadline of the first attempt and each retry, plus a margin', () => {
    expect(
      idempotencyLeaseSeconds({
        endorseMs: 15_000,
        submitMs: 5_000,
        commitStatusMs: 60_000,
        commitRetries: 3,
      }),
    ).toBe(330);
    expect(
      idempotencyLeaseSeconds({
        endorseMs: 10_000,
        submitMs: 5_000,
        commitStatusMs: 20_000,
        commitRetries: 0,
      }),
    ).toBe(45);
  });
});
