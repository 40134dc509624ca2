import { Logger } from '@nestjs/common';

import { IndexLagSampler, type IndexLagSink } from './index-lag.sampler';
import { type IndexListener } from './index-listener';

Logger.overrideLogger(false);

describe('IndexLagSampler', () => {
  const sink = (): IndexLagSink & { lags: number[]; quarantined: ReadonlyMap<string, number>[] } => {
    const lags: number[] = [];
    const quarantined: ReadonlyMap<string, number>[] = [];
    return {
      lags,
      quarantined,
      setIndexLag: (blocks) => lags.push(blocks),
      setIndexQuarantinedEvents: (byReason) => quarantined.push(byReason),
    };
  };
  const counts = new Map([
    ['KEY_NOT_WRITTEN', 2],
    ['MALFORMED_PAYLOAD', 0],
  ]);
  const listener = (
    lag: () => Promise<number>,
    quarantined: () => Promise<Map<string, number>> = () => Promise.resolve(counts),
  ): IndexListener => ({ lag, quarantined }) as unknown as IndexListener;

  it('hands the listener’s lag and quarantine counts to the sink', async () => {
    const target = sink();
    await new IndexLagSampler(
      listener(() => Promise.resolve(3)),
      target,
    ).sample();
    expect(target.lags).toEqual([3]);
    expect(target.quarantined).toEqual([counts]);
  });

  it('keeps the previous lag when it cannot be read, and still counts the quarantine', async () => {
    const target = sink();
    await new IndexLagSampler(
      listener(() => Promise.reject(new Error('peer down'))),
      target,
    ).sample();
    expect(target.lags).toEqual([]);
    expect(target.quarantined).toEqual([counts]);
  });

  it('keeps the previous count when the database cannot answer, and still samples the lag', async () => {
    const target = sink();
    await new IndexLagSampler(
      listener(
        () => Promise.resolve(1),
        () => Promise.reject(new Error('database down')),
      ),
      target,
    ).sample();
    expect(target.lags).toEqual([1]);
    expect(target.quarantined).toEqual([]);
  });

  it('does nothing without a sink', async () => {
    const lag = jest.fn(() => Promise.resolve(1));
    const quarantined = jest.fn(() => Promise.resolve(counts));
    const sampler = new IndexLagSampler(listener(lag, quarantined));
    sampler.onApplicationBootstrap();
    await sampler.sample();
    sampler.onModuleDestroy();
    expect(lag).not.toHaveBeenCalled();
    expect(quarantined).not.toHaveBeenCalled();
  });
});
