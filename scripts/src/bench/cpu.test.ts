import { CpuUsage, cpuSeconds, processGroups, renderCpuAccounts, withCpuAccount } from './cpu';
import { PeakMemory, residentMb } from './memory';

describe('bench process accounting (/proc)', () => {
  it('counts the CPU time a process spends, per group and per operation', async () => {
    const groups = processGroups({ 'bench client': process.pid });
    expect(groups['bench client']).toEqual([process.pid]);
    const usage = new CpuUsage(groups);
    const busyUntil = Date.now() + 120;
    while (Date.now() < busyUntil) Math.sqrt(Math.random());
    expect(usage.stop()['bench client']).toBeGreaterThan(0.05);
    const { account } = await withCpuAccount(groups, () =>
      Promise.resolve({ name: 'nothing', operations: 0, seconds: 0 }),
    );
    expect(account.msPerOperation['bench client']).toBe(0);
    expect(cpuSeconds(2 ** 22 + 1)).toBe(0);
  });

  it('renders CPU milliseconds per operation with a total', () => {
    const table = renderCpuAccounts([
      { measurement: 'm', operations: 10, wallSeconds: 1, msPerOperation: { peers: 1.5, gateway: 0.25 } },
    ]);
    expect(table.split('\n')).toEqual([
      '| CPU ms per operation | peers | gateway | total |',
      '| --- | ---: | ---: | ---: |',
      '| m | 1.50 | 0.25 | 1.75 |',
    ]);
  });

  it('samples the peak resident memory of each group', () => {
    expect(residentMb(process.pid)).toBeGreaterThan(10);
    expect(residentMb(2 ** 22 + 1)).toBeUndefined();
    const peaks = new PeakMemory({ self: [process.pid], gone: [2 ** 22 + 1] }).stop();
    expect(peaks['self']).toBeGreaterThan(10);
    expect(peaks['gone']).toBeUndefined();
  });
});
