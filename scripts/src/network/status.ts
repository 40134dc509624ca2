import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { readDeploymentState } from '../deploy/deployment-state';
import { OperatorError } from '../lib/errors';
import { peerAsAdmin } from './admin-cli';
import { channelHeights } from './channel';
import { caProcessName } from '../identity/ca-site';
import { chaincodeServerName, peerProcessName } from './process-specs';
import { networkSupervisor } from './supervisor-instance';
import { loadTopology } from './topology';

/** Prints the health of every process, the channel height on each peer and the committed chaincode. */
export async function networkStatus(): Promise<number> {
  const topology = await loadTopology();
  const supervisor = networkSupervisor();
  const expected = [
    ...topology.ordererOrg.orderers.map((o) => o.name),
    ...topology.peerOrgs.map(peerProcessName),
    ...topology.peerOrgs.map(caProcessName),
    ...((await readDeploymentState()) ? topology.peerOrgs.map(chaincodeServerName) : []),
  ];
  let problems = 0;
  console.log('process              pid      state');
  for (const name of expected) {
    const state = await supervisor.state(name);
    const label = state.healthy ? 'healthy' : state.running ? 'UNHEALTHY' : 'STOPPED';
    if (!state.healthy) problems += 1;
    console.log(
      `${name.padEnd(20)} ${String(state.pid ?? '-').padEnd(8)} ${label}${state.healthy ? '' : `  (log: ${state.logFile})`}`,
    );
  }
  const orderers = topology.ordererOrg.orderers.length;
  const peers = topology.peerOrgs.length;
  const healthy = async (names: string[]): Promise<number> =>
    (await Promise.all(names.map((n) => supervisor.state(n)))).filter((s) => s.healthy).length;
  console.log(
    `\norderers healthy: ${await healthy(topology.ordererOrg.orderers.map((o) => o.name))}/${orderers}, ` +
      `peers healthy: ${await healthy(topology.peerOrgs.map(peerProcessName))}/${peers}, ` +
      `CAs healthy: ${await healthy(topology.peerOrgs.map(caProcessName))}/${peers}`,
  );

  const heights = await channelHeights(topology);
  console.log(`\nchannel ${topology.channel}:`);
  for (const [org, height] of heights) {
    console.log(
      `  ${org.padEnd(10)} ${height === undefined ? 'NOT JOINED / NOT ANSWERING' : `height ${height}`}`,
    );
    if (height === undefined) problems += 1;
  }

  const first = topology.peerOrgs[0];
  if (first && heights.get(first.key) !== undefined) {
    try {
      const { stdout } = await peerAsAdmin(first, [
        'lifecycle',
        'chaincode',
        'querycommitted',
        '-C',
        topology.channel,
        '-n',
        topology.chaincodeName,
        '-O',
        'json',
      ]);
      const committed = JSON.parse(stdout) as { version?: string; sequence?: number };
      console.log(
        `\nchaincode ${topology.chaincodeName}: committed, version ${committed.version}, sequence ${committed.sequence}`,
      );
    } catch {
      console.log(`\nchaincode ${topology.chaincodeName}: NOT COMMITTED (run \`npm run deploy\`)`);
      problems += 1;
    }
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
