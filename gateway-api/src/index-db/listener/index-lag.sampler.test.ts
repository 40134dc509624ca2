import { Logger } from '@nestjs/common';

import { IndexLagSampler, type IndexLagSink } from './index-lag.sampler';
import { type IndexListener } from './index-listener';

Logger.overrideLogger(false);

describe('IndexLagSampler', () => {
  const sink = (): IndexLagSink & { values: number[] } => {
    const values: number[] = [];
    return { values, setIndexLag: (blocks) => values.push(blocks) };
  };
  const listener = (lag: () => Promise<number>): IndexListener => ({ lag }) as unknown as IndexListener;

  it('hands the listener’s lag to the sink', async () => {
    const target = sink();
    await new IndexLagSampler(
      listener(() => Promise.resolve(3)),
      target,
    ).sample();
    expect(target.values).toEqual([3]);
  });

  it('keeps the previous value when the lag cannot be read', async () => {
    const target = sink();
    await new IndexLagSampler(
      listener(() => Promise.reject(new Error('peer down'))),
      target,
    ).sample();
    expect(target.values).toEqual([]);
  });

  it('does nothing without a sink', async () => {
    const lag = jest.fn(() => Promise.resolve(1));
    const sampler = new IndexLagSampler(listener(lag));
    sampler.onApplicationBootstrap();
    await sampler.sample();
    sampler.onModuleDestroy();
    expect(lag).not.toHaveBeenCalled();
  });
});
