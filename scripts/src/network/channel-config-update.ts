import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OperatorError } from '../lib/errors';
import { fabricTool, ordererFlags, peerAsAdmin } from './admin-cli';
import { channelHeights } from './channel';
import { type ConfigJson, configOfBlock, configUpdateEnvelope, numberOfBlock } from './channel-config-json';
import { type PeerOrg, type Topology } from './topology';

/**
 * Fabric's ordinary channel config update, run as one org's admin (cryptogen's
 * Admin@<domain>): fetch the latest config block, decode it, let `edit` change
 * the config, compute the update, wrap it in an envelope, `peer channel update`
 * (which signs it), then wait until the orderer has cut the new config block and
 * every peer has committed it. The editing is done by pure functions elsewhere;
 * this module only runs the programs.
 */
export interface ConfigUpdateResult {
  /** The new config block's number. */
  readonly blockNumber: number;
  readonly timings: {
    readonly submitMs: number;
    readonly orderedMs: number;
    readonly allPeersMs: number;
  };
}

const fetchTimeoutMs = 60_000;
const waitForBlockMs = 60_000;

async function latestConfigBlock(
  topology: Topology,
  org: PeerOrg,
  dir: string,
): Promise<{ block: unknown; number: number }> {
  const pb = path.join(dir, 'config_block.pb');
  const json = path.join(dir, 'config_block.json');
  await rm(pb, { force: true });
  await peerAsAdmin(
    org,
    ['channel', 'fetch', 'config', pb, '-c', topology.channel, ...ordererFlags(topology)],
    fetchTimeoutMs,
  );
  await fabricTool('configtxlator', [
    'proto_decode',
    '--input',
    pb,
    '--type',
    'common.Block',
    '--output',
    json,
  ]);
  const block: unknown = JSON.parse(await readFile(json, 'utf8'));
  return { block, number: numberOfBlock(block) };
}

async function encode(type: string, value: unknown, dir: string, name: string): Promise<string> {
  const json = path.join(dir, `${name}.json`);
  const pb = path.join(dir, `${name}.pb`);
  await writeFile(json, JSON.stringify(value));
  await fabricTool('configtxlator', ['proto_encode', '--input', json, '--type', type, '--output', pb]);
  return pb;
}

/** The signed-for-submission envelope of the difference between two configs. */
async function updateEnvelope(
  channel: string,
  original: ConfigJson,
  updated: ConfigJson,
  dir: string,
): Promise<string> {
  const originalPb = await encode('common.Config', original, dir, 'original_config');
  const updatedPb = await encode('common.Config', updated, dir, 'updated_config');
  const updatePb = path.join(dir, 'config_update.pb');
  const updateJson = path.join(dir, 'config_update.json');
  await fabricTool('configtxlator', [
    'compute_update',
    '--channel_id',
    channel,
    '--original',
    originalPb,
    '--updated',
    updatedPb,
    '--output',
    updatePb,
  ]);
  await fabricTool('configtxlator', [
    'proto_decode',
    '--input',
    updatePb,
    '--type',
    'common.ConfigUpdate',
    '--output',
    updateJson,
  ]);
  const configUpdate = JSON.parse(await readFile(updateJson, 'utf8')) as ConfigJson;
  return encode(
    'common.Envelope',
    configUpdateEnvelope(channel, configUpdate),
    dir,
    'config_update_envelope',
  );
}

/** Polls until the orderer's latest config block is newer than `previous`. */
async function waitForNewConfigBlock(
  topology: Topology,
  org: PeerOrg,
  dir: string,
  previous: number,
): Promise<number> {
  const deadline = Date.now() + waitForBlockMs;
  for (;;) {
    const { number } = await latestConfigBlock(topology, org, dir);
    if (number > previous) return number;
    if (Date.now() > deadline) {
      throw new OperatorError(
        `the orderer accepted the config update but cut no new config block within ${waitForBlockMs / 1000} s`,
        'Check the orderers: `npm run network -- status` and `npm run network -- logs orderer1`.',
      );
    }
    await sleep(250);
  }
}

/** Polls every peer's height until each has committed block `number` (the config applies on commit). */
export async function waitForAllPeers(topology: Topology, number: number): Promise<void> {
  const deadline = Date.now() + waitForBlockMs;
  for (;;) {
    const heights = await channelHeights(topology);
    const behind = [...heights].filter(([, height]) => height === undefined || height <= number);
    if (behind.length === 0) return;
    if (Date.now() > deadline) {
      const list = behind.map(([key, height]) => `${key} (height ${height ?? 'unknown'})`).join(', ');
      throw new OperatorError(
        `config block ${number} is ordered but these peers have not committed it within ${waitForBlockMs / 1000} s: ${list}`,
        'Until they do, they still use the previous configuration. Check `npm run network -- status`.',
      );
    }
    await sleep(250);
  }
}

/**
 * Applies `edit` to the channel's current config as `org`'s admin. `edit`
 * returns undefined when there is nothing to change; then nothing is sent and
 * the result is undefined.
 */
export async function updateChannelConfig(
  topology: Topology,
  org: PeerOrg,
  edit: (config: ConfigJson) => ConfigJson | undefined,
): Promise<ConfigUpdateResult | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), 'govtrace-config-update-'));
  try {
    const { block, number: previous } = await latestConfigBlock(topology, org, dir);
    const original = configOfBlock(block);
    const updated = edit(original);
    if (updated === undefined) return undefined;
    const envelope = await updateEnvelope(topology.channel, original, updated, dir);
    const begin = Date.now();
    await peerAsAdmin(
      org,
      ['channel', 'update', '-f', envelope, '-c', topology.channel, ...ordererFlags(topology)],
      fetchTimeoutMs,
    );
    const submitted = Date.now();
    const blockNumber = await waitForNewConfigBlock(topology, org, dir, previous);
    const ordered = Date.now();
    await waitForAllPeers(topology, blockNumber);
    return {
      blockNumber,
      timings: { submitMs: submitted - begin, orderedMs: ordered - begin, allPeersMs: Date.now() - begin },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
