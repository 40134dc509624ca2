import { type Measurement } from './measurement';
import { type RawFabric } from './raw-fabric';
import { ceilingTarget, latencyTarget, ratioTarget, rateTarget, type TargetCheck } from './targets';

/** Figures the bench measures besides the rate rows. */
export interface BenchFigures {
  endorsementMsPerScan?: number;
  lagSqliteSeconds?: number;
  lagPostgresSeconds?: number;
  coldCatchUpSqliteSeconds?: number;
  coldCatchUpPostgresSeconds?: number;
  gatewayMb?: number;
  chaincodeMb?: number;
}

const FigureLabels: Record<keyof BenchFigures, string> = {
  endorsementMsPerScan: 'endorsement time per scan of a 1000-scan transaction (ms, median of 5)',
  lagSqliteSeconds: 'index lag after the 1000-scan load, SQLite (s)',
  lagPostgresSeconds: 'index lag after the 1000-scan load, PostgreSQL (s)',
  coldCatchUpSqliteSeconds: 'fresh index reading the whole channel, SQLite (s)',
  coldCatchUpPostgresSeconds: 'fresh index reading the whole channel, PostgreSQL (s)',
  gatewayMb: 'gateway peak resident memory under the 1000-scan load (MB)',
  chaincodeMb: 'waste chaincode servers peak resident memory under the 1000-scan load (MB)',
};

/** The single figures as a Markdown table. */
export function renderFigures(figures: BenchFigures): string {
  return [
    '| figure | value |',
    '| --- | ---: |',
    ...(Object.keys(FigureLabels) as (keyof BenchFigures)[]).map((key) => {
      const value = figures[key];
      return `| ${FigureLabels[key]} | ${value === undefined ? 'not measured' : value.toFixed(key === 'endorsementMsPerScan' ? 3 : 1)} |`;
    }),
  ].join('\n');
}

/** The names of the measurements the targets are read from. */
export interface MeasurementNames {
  readonly scans1000: string;
  readonly scans1000Postgres: string;
  readonly scan1: string;
  readonly scan1Saturated: string;
  readonly first: string;
  readonly firstSaturated: string;
  readonly firstDuringBurst: string;
  readonly verifyCached: string;
  readonly verifyUncached: string;
  readonly verifyBurst: string;
  readonly raw: typeof RawFabric;
}

/** The throughput issue's targets, each against what this run measured. */
export function benchTargets(
  results: readonly Measurement[],
  figures: BenchFigures,
  names: MeasurementNames,
): TargetCheck[] {
  const find = (name: string): Measurement | undefined => results.find((r) => r.name === name);
  const rawThousand = find(names.raw.thousandKeys);
  const rawSingle = find(names.raw.single);
  const rawSaturated = find(names.raw.singleSaturated);
  const first = find(names.first);
  return [
    rateTarget(
      'scans, 1000 per request, 4 stations (SQLite index)',
      find(names.scans1000),
      2000,
      rawThousand,
    ),
    rateTarget(
      'scans, 1000 per request, 4 stations (PostgreSQL index)',
      find(names.scans1000Postgres),
      2000,
      rawThousand,
    ),
    ceilingTarget(
      'endorsement time per scan, 1000-scan transaction',
      figures.endorsementMsPerScan,
      'ms',
      0.4,
    ),
    ceilingTarget('index lag after the scan load (SQLite)', figures.lagSqliteSeconds, 's', 5),
    ceilingTarget('index lag after the scan load (PostgreSQL)', figures.lagPostgresSeconds, 's', 5),
    ratioTarget('FIRST registrations, 8 clients', first, rawSingle, 0.9),
    ratioTarget('FIRST registrations, 64 in flight', find(names.firstSaturated), rawSaturated, 0.8),
    ratioTarget('scans, 1 per request, 8 clients', find(names.scan1), rawSingle, 0.9),
    ratioTarget('scans, 1 per request, 64 in flight', find(names.scan1Saturated), rawSaturated, 0.8),
    latencyTarget('verify, answer cache on', find(names.verifyCached), 5000, 20),
    latencyTarget('verify, every request reads the ledger', find(names.verifyUncached), 1000, 50),
    latencyTarget('verify, same, while clerks register', find(names.verifyBurst), 1000, 50),
    ratioTarget('clerks registering during the verify burst', find(names.firstDuringBurst), first, 0.8),
    ceilingTarget('gateway resident memory under the scan load', figures.gatewayMb, 'MB', 300),
    ceilingTarget(
      'waste chaincode server resident memory under the scan load',
      figures.chaincodeMb,
      'MB',
      200,
    ),
  ];
}
