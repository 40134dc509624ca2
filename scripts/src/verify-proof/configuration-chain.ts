import { type ProofBundle } from '../../../chaincode/src/contract';
import { blockHash, checkDataHash, decodeHeader } from './block-header';
import { type ChannelConfiguration, readConfiguration } from './channel-configuration';
import { checkOrdererSignatures } from './orderer-signatures';
import { fail } from './verification-failure';

/**
 * Establishes the channel configuration in force for the bundle's block, trusting one thing only: the
 * channel's fingerprint, the hash of its genesis block, which the city publishes. From there:
 *
 * - the genesis block's header hashes to the fingerprint and its envelope to the header's data hash,
 *   so its configuration (every organisation's CAs, CRLs and roles) is the channel's first;
 * - each later configuration block is the next configuration (Config.sequence one more, so no update
 *   is skipped), signed by an orderer of the configuration before it, and names itself as the
 *   configuration in force.
 *
 * The orderers are trusted to have checked each configuration update against the channel's
 * modification policies, as the peers trust them; that check needs every update's signatures, which
 * configuration blocks do not all keep.
 */
export function establishConfiguration(
  bundle: Pick<ProofBundle, 'channel' | 'configuration'>,
  channelFingerprint: string,
): ChannelConfiguration {
  const pinned = normaliseFingerprint(channelFingerprint);
  const [genesis, ...updates] = bundle.configuration;
  if (genesis === undefined) fail('configuration', 'the bundle carries no configuration block');
  const genesisHeader = decodeHeader(genesis.header, 'trust', 'the genesis block header');
  if (genesisHeader.getNumber() !== 0) {
    fail(
      'trust',
      `the first configuration block is block ${genesisHeader.getNumber()}, not the genesis block`,
    );
  }
  const genesisHash = blockHash(genesisHeader);
  if (genesisHash !== pinned) {
    fail(
      'trust',
      `the bundle's genesis block hashes to ${genesisHash}, not the pinned channel fingerprint ${pinned}`,
    );
  }
  const genesisEnvelopes = genesis.data.map((entry) => Buffer.from(entry, 'base64'));
  checkDataHash(genesisHeader, genesisEnvelopes, 'trust', 'the genesis block');
  let configuration = readConfiguration(genesisEnvelopes, 0, bundle.channel);
  if (configuration.sequence !== 0)
    fail('configuration', 'the genesis configuration does not have sequence 0');
  for (const block of updates) {
    const header = decodeHeader(block.header, 'configuration', 'a configuration block header');
    const number = header.getNumber();
    const what = `configuration block ${number}`;
    if (number <= configuration.blockNumber) {
      fail('configuration', `${what} does not follow configuration block ${configuration.blockNumber}`);
    }
    const envelopes = block.data.map((entry) => Buffer.from(entry, 'base64'));
    checkDataHash(header, envelopes, 'configuration', what);
    const next = readConfiguration(envelopes, number, bundle.channel);
    if (next.sequence !== configuration.sequence + 1) {
      fail(
        'configuration',
        `${what} has configuration sequence ${next.sequence} after ${configuration.sequence}: an update is missing`,
      );
    }
    const ordered = checkOrdererSignatures(block, header, configuration, next.timestamp, what);
    if (ordered.lastConfig !== number) {
      fail(
        'configuration',
        `${what} names configuration block ${ordered.lastConfig} as in force, not itself`,
      );
    }
    configuration = next;
  }
  return configuration;
}

/** Hex, with or without colons, any case (as `openssl dgst` or a web page may print it). */
export function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').trim().toLowerCase();
}
