import { readFile } from 'node:fs/promises';

import { genesisFingerprint } from '../verify-proof/block-header';
import { OperatorError } from '../lib/errors';
import { channelBlockFile } from './process-specs';
import { loadTopology } from './topology';

/**
 * The channel's fingerprint: the SHA-256 of its genesis block's header, Fabric's block hash, which
 * block 1 repeats as its previous hash. The city publishes it; offline verifiers pin it
 * (`verify-proof --channel`) and trust nothing a proof bundle says about the channel until it matches.
 * Read from the genesis block configtxgen wrote when the network was first set up.
 */
export async function channelFingerprint(): Promise<{ channel: string; file: string; fingerprint: string }> {
  const topology = await loadTopology();
  const file = channelBlockFile(topology);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new OperatorError(`no genesis block at ${file}: run \`npm run network -- up\` first`);
  }
  const fingerprint = genesisFingerprint(bytes);
  if (fingerprint === undefined) throw new OperatorError(`${file} is not the channel's genesis block`);
  return { channel: topology.channel, file, fingerprint };
}

/** `network fingerprint`: the fingerprint alone on stdout (for scripts), where it came from on stderr. */
export async function printChannelFingerprint(): Promise<number> {
  const { channel, file, fingerprint } = await channelFingerprint();
  console.error(`channel ${channel}, genesis block ${file}:`);
  console.log(fingerprint);
  return 0;
}
