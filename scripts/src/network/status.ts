import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { type ChaincodeName, definitionsFor } from '../../../chaincode/src/contract';
import {
  deployedDefinitions,
  type DeploymentRecord,
  legacyNotice,
  readDeploymentState,
} from '../deploy/deployment-state';
import { type Committed, queryCommitted } from '../deploy/lifecycle-commands';
import { OperatorError } from '../lib/errors';
import { channelHeights } from './channel';
import { caProcessName } from '../identity/ca-site';
import { describeDefinitions } from './definition-status';
import { chaincodeServerName } from './process-specs';
import { networkSupervisor } from './supervisor-instance';
import { anchorPeer, loadTopology, peerProcessName, type Topology } from './topology';

/** The deployed definitions' server process names, per definition. */
interface Deployed {
  readonly record: DeploymentRecord;
  readonly definitions: readonly ChaincodeName[];
  readonly serverNames: (name: ChaincodeName) => string[];
}

function deployedServers(topology: Topology, record: DeploymentRecord): Deployed {
  const definitions =
    record.kind === 'current' ? deployedDefinitions(record.state).map(({ name }) => name) : [];
  return {
    record,
    definitions,
    serverNames: (name) => topology.peerOrgs.map((org) => chaincodeServerName(org, name)),
  };
}

/** The process table; returns the healthy processes' names and how many are not. */
async function printProcesses(names: readonly string[]): Promise<{ healthy: Set<string>; problems: number }> {
  const supervisor = networkSupervisor();
  const healthy = new Set<string>();
  console.log(`${'process'.padEnd(32)} ${'pid'.padEnd(8)} state`);
  for (const name of names) {
    const state = await supervisor.state(name);
    const label = state.healthy ? 'healthy' : state.running ? 'UNHEALTHY' : 'STOPPED';
    if (state.healthy) healthy.add(name);
    console.log(
      `${name.padEnd(32)} ${String(state.pid ?? '-').padEnd(8)} ${label}${state.healthy ? '' : `  (log: ${state.logFile})`}`,
    );
  }
  return { healthy, problems: names.length - healthy.size };
}

/** Every chaincode definition as the first peer sees it; returns the number of problems. */
async function printDefinitions(
  topology: Topology,
  deployed: Deployed,
  healthy: ReadonlySet<string>,
): Promise<number> {
  const first = topology.peerOrgs[0];
  if (!first) return 0;
  let committed: Map<string, Committed>;
  try {
    committed = await queryCommitted(topology, first);
  } catch (error) {
    console.log(`\nchaincode definitions: ${first.key}'s peer did not answer (${String(error)})`);
    return 1;
  }
  const state = deployed.record.kind === 'current' ? deployed.record.state : undefined;
  const described = describeDefinitions(
    definitionsFor('test-fixtures').map((spec) => {
      const recorded = state?.definitions[spec.name];
      const current = committed.get(spec.name);
      const names = deployed.serverNames(spec.name);
      return {
        name: spec.name,
        ...(current && { committed: current }),
        ...(recorded && { recorded }),
        serversExpected: deployed.definitions.includes(spec.name),
        serversHealthy: names.filter((name) => healthy.has(name)).length,
        serversTotal: names.length,
      };
    }),
  );
  console.log(`\nchaincode definitions on ${topology.channel}:\n${described.lines.join('\n')}`);
  return described.problems;
}

/**
 * Prints the health of every process, the channel height on each peer and every chaincode
 * definition: committed version and sequence, and its servers.
 */
export async function networkStatus(): Promise<number> {
  const topology = await loadTopology();
  const supervisor = networkSupervisor();
  const deployed = deployedServers(topology, await readDeploymentState());
  const peerNames = topology.peerOrgs.flatMap((org) => org.peers.map((peer) => peerProcessName(org, peer)));
  const processes = await printProcesses([
    ...topology.ordererOrg.orderers.map((o) => o.name),
    ...peerNames,
    ...topology.peerOrgs.map(caProcessName),
    ...deployed.definitions.flatMap(deployed.serverNames),
  ]);
  let problems = processes.problems;
  const orderers = topology.ordererOrg.orderers.length;
  const orgs = topology.peerOrgs.length;
  const healthy = async (names: string[]): Promise<number> =>
    (await Promise.all(names.map((n) => supervisor.state(n)))).filter((s) => s.healthy).length;
  console.log(
    `\norderers healthy: ${await healthy(topology.ordererOrg.orderers.map((o) => o.name))}/${orderers}, ` +
      `peers healthy: ${await healthy(peerNames)}/${peerNames.length}, ` +
      `CAs healthy: ${await healthy(topology.peerOrgs.map(caProcessName))}/${orgs}`,
  );

  const heights = await channelHeights(topology);
  console.log(`\nchannel ${topology.channel}:`);
  for (const [peer, height] of heights) {
    console.log(
      `  ${peer.padEnd(24)} ${height === undefined ? 'NOT JOINED / NOT ANSWERING' : `height ${height}`}`,
    );
    if (height === undefined) problems += 1;
  }

  if (deployed.record.kind === 'legacy') {
    console.log(`\n${legacyNotice(deployed.record.name)}`);
    problems += 1;
  }
  const first = topology.peerOrgs[0];
  if (first && heights.get(peerProcessName(first, anchorPeer(first))) !== undefined) {
    problems += await printDefinitions(topology, deployed, processes.healthy);
  }
  return problems === 0 ? 0 : 1;
}

/** Lists the log files, or prints the last lines of one (`peer-registry`, `orderer1`, …). */
export function networkLogs(args: readonly string[]): number {
  const supervisor = networkSupervisor();
  const linesFlag = args.indexOf('--lines');
  const lines = linesFlag >= 0 ? Number(args[linesFlag + 1] ?? '50') : 50;
  const name = args.find((arg, i) => !arg.startsWith('--') && (linesFlag < 0 || i !== linesFlag + 1));
  if (!name) {
    if (!existsSync(supervisor.logDir)) {
      console.log('no logs yet: the network has not been started');
      return 0;
    }
    for (const file of readdirSync(supervisor.logDir).sort()) {
      const full = path.join(supervisor.logDir, file);
      console.log(`${full}  (${Math.round(statSync(full).size / 1024)} KiB)`);
    }
    return 0;
  }
  const file = supervisor.logFile(name);
  if (!existsSync(file))
    throw new OperatorError(`no log for "${name}"`, 'Run `npm run network -- logs` to list them.');
  console.log(readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'));
  return 0;
}
