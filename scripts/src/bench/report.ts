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

/** How many times slower than the raw Fabric write each HTTP measurement is, per operation. */
export function overheadRatios(
  results: readonly Measurement[],
  rawName: string,
): Record<string, number> | undefined {
  const raw = results.find((r) => r.name === rawName);
  if (raw === undefined || raw.perSecond === 0) return undefined;
  return Object.fromEntries(
    results.filter((r) => r !== raw).map((r) => [r.name, Number((raw.perSecond / r.perSecond).toFixed(2))]),
  );
}
