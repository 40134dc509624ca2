import { percentiles } from './measurement';
import { renderTable } from './report';
import { ceilingTarget, latencyTarget, rateTarget, ratioTarget, renderTargets } from './targets';

describe('bench report', () => {
  it('takes nearest-rank percentiles', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(latencies)).toEqual({ p50Ms: 50, p99Ms: 99 });
    expect(percentiles([7])).toEqual({ p50Ms: 7, p99Ms: 7 });
    expect(percentiles([])).toEqual({});
  });

  it('renders one Markdown row per measurement, leaving absent latencies empty', () => {
    const table = renderTable([
      { name: 'a', operations: 10, seconds: 2, perSecond: 5, p50Ms: 1.25, p99Ms: 9, failures: 0 },
      { name: 'b', operations: 3, seconds: 1, perSecond: 3 },
    ]);
    expect(table.split('\n')).toEqual([
      '| measurement | operations | seconds | per second | p50 ms | p99 ms | failed requests |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| a | 10 | 2.0 | 5.0 | 1.3 | 9.0 | 0 |',
      '| b | 3 | 1.0 | 3.0 |  |  |  |',
    ]);
  });

  it('checks each target against its figure and prints the reference and the ratio', () => {
    const raw = { name: 'raw', operations: 100, seconds: 1, perSecond: 100 };
    const http = { name: 'http', operations: 85, seconds: 1, perSecond: 85, failures: 0 };
    expect(ratioTarget('single writes', http, raw, 0.9)).toMatchObject({ ratio: 0.85, met: false });
    expect(ratioTarget('single writes', http, raw, 0.8)).toMatchObject({
      met: true,
      reference: 'raw: 100.0/s',
    });
    expect(ratioTarget('single writes', { ...http, failures: 1 }, raw, 0.8).met).toBe(false);
    expect(ratioTarget('single writes', undefined, raw, 0.8).met).toBeUndefined();
    expect(rateTarget('scans', http, 80, raw)).toMatchObject({ met: true, ratio: 0.85 });
    expect(latencyTarget('verify', { ...http, p99Ms: 21 }, 50, 20).met).toBe(false);
    expect(latencyTarget('verify', { ...http, p99Ms: 20 }, 50, 20).met).toBe(true);
    expect(ceilingTarget('memory', 301, 'MB', 300)).toMatchObject({ measured: '301.0 MB', met: false });
    const table = renderTargets([
      ceilingTarget('lag', undefined, 's', 5),
      rateTarget('scans', http, 80, raw),
    ]);
    expect(table.split('\n').slice(2)).toEqual([
      '| lag | not measured |  |  | ≤ 5 s | not measured |',
      '| scans | 85.0/s | raw: 100.0/s | 0.85 | ≥ 80/s | met |',
    ]);
  });
});
