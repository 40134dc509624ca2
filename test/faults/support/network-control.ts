import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { loadTopology, networkUp, paths } from '../../../scripts/src';

/**
 * Real signals to the real network processes: the pid files `network up` writes name them, and
 * `network up` again starts whatever is no longer running (and only that).
 */
export async function killNetworkProcess(name: string): Promise<number> {
  const file = path.join(paths.runtimeRoot, 'network', 'pids', `${name}.pid.json`);
  const { pid } = JSON.parse(await readFile(file, 'utf8')) as { pid: number };
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + 10_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`${name} (pid ${pid}) still alive 10 s after SIGKILL`);
    await sleep(50);
  }
  return pid;
}

export async function restartNetwork(): Promise<void> {
  await networkUp();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The orderer that leads the channel's Raft cluster now, from each orderer's operations metrics
 * (consensus_etcdraft_is_leader): killing the leader forces an election, the harder case.
 */
export async function raftLeader(): Promise<string> {
  const topology = await loadTopology();
  for (const node of topology.ordererOrg.orderers) {
    const url = `http://${node.host}:${node.operationsPort}/metrics`;
    const metrics = await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).text();
    if (/^consensus_etcdraft_is_leader\{channel="[^"]+"\} 1$/m.test(metrics)) return node.name;
  }
  throw new Error('no orderer reports itself the Raft leader');
}
