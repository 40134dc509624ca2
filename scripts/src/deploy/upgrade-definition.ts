import { readFile } from 'node:fs/promises';
import { type ChaincodeName, ownerOf } from '../../../chaincode/src/contract';
import { log } from '../lib/log';
import { networkPath } from '../lib/paths';
import { retry } from '../network/channel';
import { crypto } from '../network/crypto-layout';
import {
  address,
  anchorPeer,
  chaincodeServer,
  type PeerOrg,
  peerProcessName,
  type Topology,
} from '../network/topology';
import { type ChaincodePackage, writeCcaasPackage } from './ccaas-package';
import { type DefinitionConfig } from './chaincode-definitions';
import { restartServer } from './chaincode-servers';
import { type DefinitionPlan } from './deploy-plan';
import { type DefinitionState } from './deployment-state';
import {
  approvals,
  approve,
  commit,
  type Committed,
  install,
  queryCommitted,
  queryInstalled,
} from './lifecycle-commands';

export type Upgrade = Extract<DefinitionPlan, { kind: 'upgrade' }>;

/** The org's ccaas package for one definition: its peer dials that org's server for the definition. */
async function writeOrgPackage(
  org: PeerOrg,
  definition: ChaincodeName,
  label: string,
): Promise<ChaincodePackage> {
  return writeCcaasPackage(networkPath('chaincode', `${org.key}-${label}.tgz`), label, {
    address: address(chaincodeServer(org, definition)),
    dialTimeout: '10s',
    rootCertPem: await readFile(crypto.peerTlsCa(org), 'utf8'),
    // The first peer's TLS identity doubles as the client certificate towards the chaincode server.
    // One package per org, installed on each of its peers: the org approves one package id, which
    // every peer of the org then runs. (So a second peer holds the first's TLS key inside the
    // package; on separate hosts, give the org a client identity of its own for this.)
    client: {
      certPem: await readFile(crypto.peerTls(org, anchorPeer(org)).cert, 'utf8'),
      keyPem: await readFile(crypto.peerTls(org, anchorPeer(org)).key, 'utf8'),
    },
  });
}

/** The org whose admin runs the definition's readiness check and commit: its owner, so definitions spread over the peers. */
function lifecycleOrg(t: Topology, definition: ChaincodeName): PeerOrg {
  const owner = ownerOf(definition);
  const org = t.peerOrgs.find((candidate) => candidate.mspId === owner) ?? t.peerOrgs[0];
  if (!org) throw new Error('topology has no peer organisation');
  return org;
}

/**
 * Writes each org's package of one definition version and installs it on every peer of the org that
 * lacks it; returns the package id per org key. The package bytes are reproducible, so the same
 * version gives the same ids again: this also installs an unchanged definition on a peer added to
 * the topology after it was deployed.
 */
export async function installOnEveryPeer(
  t: Topology,
  name: ChaincodeName,
  version: string,
  /** Package ids installed, by peer process name (see installedPackages). */
  installed: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(
      t.peerOrgs.map(async (org) => {
        const pkg = await writeOrgPackage(org, name, `${name}_${version}`);
        for (const peer of org.peers) {
          const peerName = peerProcessName(org, peer);
          if (installed.get(peerName)?.has(pkg.packageId)) continue;
          log.detail(`${peerName}: installing ${pkg.packageId.slice(0, 40)}…`);
          await install(org, peer, pkg.file);
        }
        return [org.key, pkg.packageId] as const;
      }),
    ),
  );
}

/**
 * Brings one definition to a new version: each org's package written and installed on each of its
 * peers (all of them before any server is touched, so a failed install leaves the running servers alone),
 * each org's server restarted under its new package id, every org's approval, the commit. Returns
 * what deployment.json records.
 */
export async function upgradeDefinition(
  t: Topology,
  config: DefinitionConfig,
  plan: Upgrade,
  installed: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<DefinitionState> {
  const { name, version, sequence } = plan;
  const packageIds = await installOnEveryPeer(t, name, version, installed);
  await Promise.all(
    Object.entries(packageIds).map(([orgKey, packageId]) => restartServer(t, orgKey, name, packageId)),
  );
  const submitter = lifecycleOrg(t, name);
  const approved = await approvals(t, submitter, config, version, sequence);
  await Promise.all(
    t.peerOrgs
      .filter((org) => !approved[org.mspId])
      .map(async (org) => {
        log.detail(`${org.key}: approving ${name} ${version} (sequence ${sequence})`);
        await approve(t, org, config, version, sequence, packageIds[org.key] ?? '');
      }),
  );
  log.detail(`${name}: committing ${version} (sequence ${sequence})`);
  await commit(t, submitter, config, version, sequence);
  return { version, sequence, packageIds, committedAt: new Date().toISOString() };
}

/** The package ids installed on every peer, by peer process name. */
export async function installedPackages(t: Topology): Promise<Map<string, ReadonlySet<string>>> {
  return new Map(
    await Promise.all(
      t.peerOrgs.flatMap((org) =>
        org.peers.map(async (peer) => [peerProcessName(org, peer), await queryInstalled(org, peer)] as const),
      ),
    ),
  );
}

/** Waits until every peer has each of `expected` committed at its version (one query per peer). */
export async function waitCommittedEverywhere(
  t: Topology,
  expected: ReadonlyMap<ChaincodeName, Committed>,
): Promise<void> {
  if (expected.size === 0) return;
  await Promise.all(
    t.peerOrgs.flatMap((org) =>
      org.peers.map((peer) =>
        retry(`${peerProcessName(org, peer)}: waiting for the committed definitions`, 30_000, async () => {
          const committed = await queryCommitted(t, org, peer);
          const behind = [...expected].filter(
            ([name, { version }]) => committed.get(name)?.version !== version,
          );
          if (behind.length > 0)
            throw new Error(`not yet committed: ${behind.map(([name]) => name).join(', ')}`);
        }),
      ),
    ),
  );
}
