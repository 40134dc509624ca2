import { ordererFlags, peerAsAdmin } from '../network/admin-cli';
import { crypto } from '../network/crypto-layout';
import { address, anchorPeer, type PeerNode, type PeerOrg, type Topology } from '../network/topology';
import { type DefinitionConfig, writeCollectionsFile } from './chaincode-definitions';

// Fabric's chaincode lifecycle, one `peer lifecycle chaincode …` call each, run as an org's admin.
// Calls for different definitions are independent (each definition's approvals and commit are keys
// of its own name), so the caller may run them side by side.

export interface Committed {
  readonly version: string;
  readonly sequence: number;
}

/**
 * The committed definitions in `querycommitted -O json` output without a name
 * ({"chaincode_definitions": [{name, sequence, version, …}]}; no field when there are none).
 */
export function parseCommittedDefinitions(stdout: string): Map<string, Committed> {
  const document = JSON.parse(stdout || '{}') as {
    chaincode_definitions?: { name?: unknown; version?: unknown; sequence?: unknown }[];
  };
  const committed = new Map<string, Committed>();
  for (const definition of document.chaincode_definitions ?? []) {
    const sequence = Number(definition.sequence);
    if (typeof definition.name === 'string' && typeof definition.version === 'string' && sequence > 0) {
      committed.set(definition.name, { version: definition.version, sequence });
    }
  }
  return committed;
}

/** Every definition committed on the channel, as one of `org`'s peers sees it (default: the first). */
export async function queryCommitted(
  t: Topology,
  org: PeerOrg,
  peer: PeerNode = anchorPeer(org),
): Promise<Map<string, Committed>> {
  const { stdout } = await peerAsAdmin(
    org,
    ['lifecycle', 'chaincode', 'querycommitted', '-C', t.channel, '-O', 'json'],
    120_000,
    peer,
  );
  return parseCommittedDefinitions(stdout);
}

/** The package ids installed on one of `org`'s peers. */
export async function queryInstalled(org: PeerOrg, peer: PeerNode): Promise<Set<string>> {
  const { stdout } = await peerAsAdmin(
    org,
    ['lifecycle', 'chaincode', 'queryinstalled', '-O', 'json'],
    120_000,
    peer,
  );
  const installed =
    (JSON.parse(stdout || '{}') as { installed_chaincodes?: { package_id: string }[] })
      .installed_chaincodes ?? [];
  return new Set(installed.map((c) => c.package_id));
}

/** Installs a package on one peer: every peer that endorses or commits needs it (approval is per org). */
export async function install(org: PeerOrg, peer: PeerNode, file: string): Promise<void> {
  await peerAsAdmin(org, ['lifecycle', 'chaincode', 'install', file], 300_000, peer);
}

/** The definition every org approves: identical flags for approve, checkcommitreadiness and commit. */
export function definitionFlags(
  t: Topology,
  config: DefinitionConfig,
  version: string,
  sequence: number,
): string[] {
  return [
    '--signature-policy',
    config.endorsementPolicy,
    ...(config.collections === undefined ? [] : ['--collections-config', config.collections.file]),
    '--channelID',
    t.channel,
    '--name',
    config.spec.name,
    '--version',
    version,
    '--sequence',
    String(sequence),
  ];
}

/** Which orgs (MSP id → true) have approved this exact definition already. */
export async function approvals(
  t: Topology,
  org: PeerOrg,
  config: DefinitionConfig,
  version: string,
  sequence: number,
): Promise<Record<string, boolean>> {
  await writeCollectionsFile(config);
  const { stdout } = await peerAsAdmin(org, [
    'lifecycle',
    'chaincode',
    'checkcommitreadiness',
    ...definitionFlags(t, config, version, sequence),
    '-O',
    'json',
  ]);
  return (JSON.parse(stdout) as { approvals?: Record<string, boolean> }).approvals ?? {};
}

export async function approve(
  t: Topology,
  org: PeerOrg,
  config: DefinitionConfig,
  version: string,
  sequence: number,
  packageId: string,
): Promise<void> {
  await writeCollectionsFile(config);
  await peerAsAdmin(org, [
    'lifecycle',
    'chaincode',
    'approveformyorg',
    ...ordererFlags(t),
    ...definitionFlags(t, config, version, sequence),
    '--package-id',
    packageId,
  ]);
}

/**
 * Commits the definition, endorsed by every department's first peer (the channel's lifecycle policy
 * is a majority of orgs, so one peer per org is enough); the CLI returns once each of those peers has
 * committed the transaction (the others are waited for by waitCommittedEverywhere).
 */
export async function commit(
  t: Topology,
  org: PeerOrg,
  config: DefinitionConfig,
  version: string,
  sequence: number,
): Promise<void> {
  const peerFlags = t.peerOrgs.flatMap((each) => [
    '--peerAddresses',
    address(anchorPeer(each)),
    '--tlsRootCertFiles',
    crypto.peerTlsCa(each),
  ]);
  await writeCollectionsFile(config);
  await peerAsAdmin(org, [
    'lifecycle',
    'chaincode',
    'commit',
    ...ordererFlags(t),
    ...definitionFlags(t, config, version, sequence),
    ...peerFlags,
  ]);
}
