import { percentiles } from './measurement';
import { overheadRatios, renderTable } from './report';

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

  it('expresses each measurement as a ratio of the raw Fabric rate', () => {
    const results = [
      { name: 'raw', operations: 0, seconds: 1, perSecond: 20 },
      { name: 'http', operations: 0, seconds: 1, perSecond: 10 },
    ];
    expect(overheadRatios(results, 'raw')).toEqual({ http: 2 });
    expect(overheadRatios(results, 'missing')).toBeUndefined();
  });
});
