// `npm run devices -- simulate [--bags N] [--run ID] [--url URL]`: plays a morning of the waste chain
// through the running gateway (see simulate-morning.ts), with a progress line per step and a summary
// of what the ledger and the index flagged. The devices it enrols stay enrolled, named by the run id,
// so their certificates and tokens can be inspected or revoked afterwards.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { assertKnownFlags, flagValue } from '../lib/command-args';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';
import { GatewayClient } from './gateway-client';
import { MAX_SIMULATED_BAGS } from './morning-plan';
import { type DeviceBinding, type MorningReport, simulateMorning } from './simulate-morning';

export type EnrolDevice = (name: string, binding: DeviceBinding) => Promise<string>;

const usage = 'usage: npm run devices -- simulate [--bags N] [--run ID] [--url http://127.0.0.1:3000]';

const option = (args: readonly string[], name: string): string | undefined => flagValue(args, name, usage);

/** A one-line progress bar, one line per step, so it reads the same in a terminal and in a CI log. */
export function progressLine(done: number, total: number, step: string): string {
  const width = 30;
  const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${step}`;
}

export async function simulateCommand(args: readonly string[], enrolDevice: EnrolDevice): Promise<number> {
  assertKnownFlags(args, 0, ['--bags', '--run', '--url'], usage);
  const bags = Number(option(args, '--bags') ?? '120');
  if (!Number.isSafeInteger(bags) || bags < 6 || bags > MAX_SIMULATED_BAGS) {
    throw new OperatorError(`--bags must be a whole number from 6 to ${MAX_SIMULATED_BAGS}`, usage);
  }
  const run = (option(args, '--run') ?? randomBytes(3).toString('hex')).toUpperCase();
  const baseUrl = option(args, '--url') ?? `http://127.0.0.1:${process.env['PORT'] ?? '3000'}`;
  const tokens = JSON.parse(await readFile(paths.apiTokensFile, 'utf8')) as Record<string, string>;
  const person = (user: string): string => {
    const token = tokens[user];
    if (token === undefined) throw new OperatorError(`no token for ${user} in ${paths.apiTokensFile}`);
    return token;
  };
  console.log(`simulating a morning of ${bags} bags (run ${run}) through ${baseUrl}`);
  const report = await simulateMorning({
    client: new GatewayClient(baseUrl),
    people: { inspector: person('urban-inspector'), hauler: person('hauler') },
    enrolDevice,
    run,
    bags,
    onProgress: (done, total, step) => console.log(progressLine(done, total, step)),
  });
  console.log(summary(report).join('\n'));
  return 0;
}

export function summary(report: MorningReport): string[] {
  const { loads, arrivals } = report;
  const line = (what: string, anomalies: readonly string[]): string =>
    `  ${what}${anomalies.length > 0 ? `  ⚠ ${[...new Set(anomalies)].join(', ')}` : ''}`;
  return [
    '',
    `run ${report.run}: trucks ${report.vehicles.truckA} (A) and ${report.vehicles.truckB} (B), ${report.devices.length} devices`,
    `scans: ${report.scans.accepted} accepted, ${report.scans.rejected} rejected`,
    ...loads.map((load) =>
      line(
        `load ${load.loadId.slice(0, 12)}… ${load.vehicleId} at ${load.stationId}: ${load.bags} bags`,
        load.anomalies,
      ),
    ),
    `  correction of ${report.correction.loadId.slice(0, 12)}… to ${report.correction.correctedWeightGrams} g by the hauler`,
    ...Object.values(arrivals).map((arrival) =>
      line(
        `arrival at ${arrival.siteId}: ${arrival.receivedWeightGrams} g received, ${arrival.expectedWeightGrams} g left`,
        arrival.anomalies,
      ),
    ),
    `loads never arrived (index, past the deadline): ${report.overdueLoads.length}`,
    'anomalies found:',
    ...Object.entries(report.anomalies).map(([type, count]) => `  ${type.padEnd(24)} ${count}`),
  ];
}
