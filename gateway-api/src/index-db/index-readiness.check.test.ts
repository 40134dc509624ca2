import { Logger } from '@nestjs/common';

import { type Database } from './database/database';
import { IndexReadinessCheck } from './index-readiness.check';
import { type IndexListener } from './listener/index-listener';

Logger.overrideLogger(false);

describe('IndexReadinessCheck', () => {
  const reachable = { ping: () => Promise.resolve() } as unknown as Database;
  const listener = (lag: () => Promise<number>, quarantined: () => Promise<Map<string, number>>) =>
    ({ lag, quarantined }) as unknown as IndexListener;
  const counts =
    (...values: number[]) =>
    () =>
      Promise.resolve(new Map(values.map((count, i) => [`CODE_${i}`, count])));

  it('stays up with quarantined events, counting them in the message', async () => {
    const check = new IndexReadinessCheck(
      reachable,
      listener(() => Promise.resolve(0), counts(2, 0, 1)),
    );
    expect(await check.check()).toEqual({
      up: true,
      message: 'database reachable; 0 blocks behind; 3 events quarantined',
    });
  });

  it('says one event in the singular, and none as 0', async () => {
    const one = new IndexReadinessCheck(
      reachable,
      listener(() => Promise.resolve(4), counts(0, 1)),
    );
    expect((await one.check()).message).toBe('database reachable; 4 blocks behind; 1 event quarantined');
    const none = new IndexReadinessCheck(
      reachable,
      listener(() => Promise.resolve(0), counts(0)),
    );
    expect((await none.check()).message).toBe('database reachable; 0 blocks behind; 0 events quarantined');
  });

  it('stays up when neither the lag nor the count can be read', async () => {
    const failing = () => Promise.reject(new Error('no answer'));
    const check = new IndexReadinessCheck(reachable, listener(failing, failing));
    expect(await check.check()).toEqual({
      up: true,
      message: 'database reachable; lag unknown; quarantine unknown',
    });
  });

  it('is down when the database does not answer', async () => {
    const unreachable = { ping: () => Promise.reject(new Error('ECONNREFUSED')) } as unknown as Database;
    const check = new IndexReadinessCheck(
      unreachable,
      listener(() => Promise.resolve(0), counts(5)),
    );
    expect(await check.check()).toEqual({ up: false, message: 'database unreachable' });
  });
});
