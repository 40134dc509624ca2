import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { exec } from '../lib/exec';
import { log } from '../lib/log';
import { networkPath, paths } from '../lib/paths';
import { ordererFlags, peerAsAdmin } from '../network/admin-cli';
import { retry } from '../network/channel';
import { crypto } from '../network/crypto-layout';
import { chaincodeServerSpec } from '../network/process-specs';
import { networkSupervisor } from '../network/supervisor-instance';
import { address, loadTopology, type PeerOrg, type Topology } from '../network/topology';
import { writeCcaasPackage } from './ccaas-package';
import { type ChaincodeEntry } from './chaincode-entry';
import { type ChaincodeDefinition, loadChaincodeDefinition } from './chaincode-definition';
import { chaincodeVersion } from './chaincode-version';
import { readDeploymentState, writeDeploymentState } from './deployment-state';

interface Committed {
  readonly version: string;
  readonly sequence: number;
}

async function queryCommitted(t: Topology, org: PeerOrg): Promise<Committed | undefined> {
  try {
    const { stdout } = await peerAsAdmin(org, [
      'lifecycle',
      'chaincode',
      'querycommitted',
      '-C',
      t.channel,
      '-n',
      t.chaincodeName,
      '-O',
      'json',
    ]);
    return JSON.parse(stdout) as Committed;
  } catch {
    return undefined; // not committed yet (the CLI answers 404 as an error)
  }
}

async function installIfMissing(org: PeerOrg, file: string, packageId: string): Promise<void> {
  const { stdout } = await peerAsAdmin(org, ['lifecycle', 'chaincode', 'queryinstalled', '-O', 'json']);
  const installed =
    (JSON.parse(stdout || '{}') as { installed_chaincodes?: { package_id: string }[] })
      .installed_chaincodes ?? [];
  if (installed.some((c) => c.package_id === packageId)) return;
  log.detail(`${org.key}: installing ${packageId.slice(0, 40)}…`);
  await peerAsAdmin(org, ['lifecycle', 'chaincode', 'install', file], 300_000);
}

/** The definition every org approves: identical flags for approve, checkcommitreadiness and commit. */
function definitionFlags(
  t: Topology,
  definition: ChaincodeDefinition,
  version: string,
  sequence: number,
): string[] {
  return [
    '--signature-policy',
    definition.endorsementPolicy,
    '--collections-config',
    definition.collectionsFile,
    '--channelID',
    t.channel,
    '--name',
    t.chaincodeName,
    '--version',
    version,
    '--sequence',
    String(sequence),
  ];
}

async function approvals(
  t: Topology,
  definition: ChaincodeDefinition,
  version: string,
  sequence: number,
): Promise<Record<string, boolean>> {
  const first = t.peerOrgs[0];
  if (!first) return {};
  const { stdout } = await peerAsAdmin(first, [
    'lifecycle',
    'chaincode',
    'checkcommitreadiness',
    ...definitionFlags(t, definition, version, sequence),
    '-O',
    'json',
  ]);
  return (JSON.parse(stdout) as { approvals?: Record<string, boolean> }).approvals ?? {};
}

/**
 * Writes each org's ccaas package, installs it on the org's peer and restarts the org's chaincode
 * server under the new package id; returns the package id per org key.
 */
async function installAndStartServers(
  topology: Topology,
  label: string,
  entry: ChaincodeEntry,
): Promise<Record<string, string>> {
  const supervisor = networkSupervisor();
  const packageIds: Record<string, string> = {};
  for (const org of topology.peerOrgs) {
    const pkg = await writeCcaasPackage(networkPath('chaincode', `${org.key}-${label}.tgz`), label, {
      address: address(org.chaincodeServer),
      dialTimeout: '10s',
      rootCertPem: await readFile(crypto.peerTlsCa(org), 'utf8'),
      // The peer's own TLS identity doubles as its client certificate towards the chaincode server.
      client: {
        certPem: await readFile(crypto.peerTls(org).cert, 'utf8'),
        keyPem: await readFile(crypto.peerTls(org).key, 'utf8'),
      },
    });
    await installIfMissing(org, pkg.file, pkg.packageId);
    packageIds[org.key] = pkg.packageId;
    // The server must run under the new package id before the definition commits.
    await supervisor.stop(chaincodeServerSpec(org, pkg.packageId, entry).name);
    await supervisor.ensureStarted(chaincodeServerSpec(org, pkg.packageId, entry));
  }
  return packageIds;
}

/** Starts each org's chaincode server under its committed package id, when it is not running. */
async function ensureServersRunning(
  topology: Topology,
  packageIds: Readonly<Record<string, string>>,
  entry: ChaincodeEntry,
): Promise<void> {
  const supervisor = networkSupervisor();
  for (const org of topology.peerOrgs) {
    const packageId = packageIds[org.key];
    if (packageId) await supervisor.ensureStarted(chaincodeServerSpec(org, packageId, entry));
  }
}

export interface DeployOptions {
  /** The contracts to serve (default `production`); a change of entry is an upgrade like a code change. */
  readonly entry?: ChaincodeEntry;
}

/**
 * Packages, installs, approves and commits the chaincode, then (re)starts each
 * org's chaincode server under its package id. Running it again with unchanged
 * code does nothing; with changed code it upgrades to the next sequence
 * without restarting the network.
 */
export async function deploy(options: DeployOptions = {}): Promise<void> {
  const entry = options.entry ?? 'production';
  const topology = await loadTopology();
  log.detail('compiling the chaincode');
  await exec('npm', ['run', 'build', '-w', 'chaincode'], { cwd: paths.repoRoot, timeoutMs: 300_000 });
  const definition = await loadChaincodeDefinition();
  const version = await chaincodeVersion(
    paths.chaincodeSource,
    path.join(paths.repoRoot, 'package-lock.json'),
    // the entry is part of the version: switching between production and test fixtures is an upgrade
    `${definition.fingerprint}:${entry}`,
  );
  const firstOrg = topology.peerOrgs[0];
  if (!firstOrg) throw new Error('topology has no peer organisation');
  const committed = await queryCommitted(topology, firstOrg);
  const previous = await readDeploymentState();

  if (committed?.version === version && previous?.version === version) {
    await ensureServersRunning(topology, previous.packageIds, entry);
    log.step(
      `deploy: ${topology.chaincodeName} ${version} is already committed (sequence ${committed.sequence})`,
    );
    return;
  }

  const sequence = (committed?.sequence ?? 0) + 1;
  const packageIds = await installAndStartServers(topology, `${topology.chaincodeName}_${version}`, entry);

  const approved = await approvals(topology, definition, version, sequence);
  for (const org of topology.peerOrgs) {
    if (approved[org.mspId]) continue;
    const packageId = packageIds[org.key] ?? '';
    log.detail(`${org.key}: approving ${topology.chaincodeName} ${version} (sequence ${sequence})`);
    await peerAsAdmin(org, [
      'lifecycle',
      'chaincode',
      'approveformyorg',
      ...ordererFlags(topology),
      ...definitionFlags(topology, definition, version, sequence),
      '--package-id',
      packageId,
    ]);
  }

  log.detail(`committing ${topology.chaincodeName} ${version} (sequence ${sequence})`);
  const peerFlags = topology.peerOrgs.flatMap((org) => [
    '--peerAddresses',
    address(org.peer),
    '--tlsRootCertFiles',
    crypto.peerTlsCa(org),
  ]);
  await peerAsAdmin(firstOrg, [
    'lifecycle',
    'chaincode',
    'commit',
    ...ordererFlags(topology),
    ...definitionFlags(topology, definition, version, sequence),
    ...peerFlags,
  ]);
  for (const org of topology.peerOrgs) {
    await retry(`${org.key}: waiting for the committed definition`, 30_000, async () => {
      if ((await queryCommitted(topology, org))?.version !== version) throw new Error('not yet committed');
    });
  }
  await writeDeploymentState({
    name: topology.chaincodeName,
    version,
    sequence,
    packageIds,
    entry,
    committedAt: new Date().toISOString(),
  });
  log.step(`deploy: ${topology.chaincodeName} ${version} (${entry}) committed at sequence ${sequence}`);
}
