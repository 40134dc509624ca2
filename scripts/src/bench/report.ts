import { type Measurement } from './measurement';

const fixed = (value: number | undefined, digits = 1): string =>
  value === undefined ? '' : value.toFixed(digits);

/** The bench table (Markdown, so it pastes into a note as it is). */
export function renderTable(results: readonly Measurement[]): string {
  const lines = [
    '| measurement | operations | seconds | per second | p50 ms | p99 ms | failed requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.operations} | ${fixed(r.seconds)} | ${fixed(r.perSecond)} | ${fixed(r.p50Ms)} | ${fixed(r.p99Ms)} | ${r.failures ?? ''} |`,
    ),
  ];
  return lines.join('\n');
}
