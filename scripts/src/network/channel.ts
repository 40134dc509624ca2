import { setTimeout as sleep } from 'node:timers/promises';
import { OperatorError } from '../lib/errors';
import { log } from '../lib/log';
import { osnadmin, peerAsAdmin } from './admin-cli';
import { channelBlockFile } from './process-specs';
import { address, type PeerNode, type PeerOrg, peerProcessName, type Topology } from './topology';

/** osnadmin exits 0 whatever the HTTP status; the status line is the answer. */
export function osnadminStatus(output: string): number | undefined {
  const match = /Status:\s*(\d{3})/.exec(output);
  return match ? Number(match[1]) : undefined;
}

/** Joins every orderer to the channel through the channel participation API (no system channel). */
export async function joinOrderers(topology: Topology): Promise<void> {
  for (const node of topology.ordererOrg.orderers) {
    const admin = address(node, node.adminPort);
    // An orderer restarted on its existing ledger reports healthy before its admin endpoint listens.
    const listed = await retry(`${node.name} channel list`, 30_000, () =>
      osnadmin(topology, admin, ['list', '--channelID', topology.channel]),
    );
    const status = osnadminStatus(listed.stdout + listed.stderr);
    if (status === 200) continue;
    if (status !== 404) {
      throw new OperatorError(
        `${node.name}: unexpected answer from the channel participation API:\n${listed.stdout}`,
      );
    }
    log.detail(`${node.name}: joining channel ${topology.channel}`);
    const joined = await osnadmin(topology, admin, [
      'join',
      '--channelID',
      topology.channel,
      '--config-block',
      channelBlockFile(topology),
    ]);
    if (osnadminStatus(joined.stdout + joined.stderr) !== 201) {
      throw new OperatorError(`${node.name}: could not join channel ${topology.channel}:\n${joined.stdout}`);
    }
  }
}

async function peerHeight(org: PeerOrg, peer: PeerNode, channel: string): Promise<number | undefined> {
  try {
    const { stdout, stderr } = await peerAsAdmin(org, ['channel', 'getinfo', '-c', channel], 30_000, peer);
    const match = /"height":(\d+)/.exec(stdout + stderr);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Joins every peer of every org to the channel with the genesis block, unless it already is. */
export async function joinPeers(topology: Topology): Promise<void> {
  for (const org of topology.peerOrgs) {
    for (const peer of org.peers) {
      if ((await peerHeight(org, peer, topology.channel)) !== undefined) continue;
      const name = peerProcessName(org, peer);
      log.detail(`${name}: joining channel ${topology.channel}`);
      await retry(`${name} join`, 30_000, async () => {
        try {
          await peerAsAdmin(org, ['channel', 'join', '-b', channelBlockFile(topology)], 120_000, peer);
        } catch (error) {
          // getinfo can fail for a peer that is still opening its ledgers; its join then finds the
          // channel there already, which is what we wanted
          if (!alreadyJoined(error)) throw error;
        }
      });
    }
  }
}

/** The peer's answer to a join of a channel whose ledger it has already. */
export function alreadyJoined(error: unknown): boolean {
  return /ledger \[[^\]]+\] already exists/.test(String(error));
}

/**
 * Heights of the channel on every peer, by peer process name (`peer-registry`,
 * `peer-registry-peer1`, …); undefined for a peer that does not answer.
 */
export async function channelHeights(topology: Topology): Promise<Map<string, number | undefined>> {
  const heights = new Map<string, number | undefined>();
  for (const org of topology.peerOrgs) {
    for (const peer of org.peers) {
      heights.set(peerProcessName(org, peer), await peerHeight(org, peer, topology.channel));
    }
  }
  return heights;
}

/** Retries `work` until it succeeds or the time runs out (a freshly started node may refuse briefly). */
export async function retry<T>(label: string, withinMs: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error instanceof OperatorError ? error : new OperatorError(`${label} failed: ${String(error)}`);
      }
      await sleep(1_000);
    }
  }
}
