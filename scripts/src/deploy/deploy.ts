import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type ChaincodeName, definitionsFor, ownerOf } from '../../../chaincode/src/common/definitions';
import { OperatorError } from '../lib/errors';
import { exec } from '../lib/exec';
import { log } from '../lib/log';
import { networkPath, paths } from '../lib/paths';
import { retry } from '../network/channel';
import { crypto } from '../network/crypto-layout';
import {
  chaincodeServerName,
  chaincodeServerSpec,
  legacyChaincodeServerName,
} from '../network/process-specs';
import { networkSupervisor } from '../network/supervisor-instance';
import { address, chaincodeServer, loadTopology, type PeerOrg, type Topology } from '../network/topology';
import { writeCcaasPackage } from './ccaas-package';
import { type DefinitionConfig, loadDefinitionConfigs } from './chaincode-definitions';
import { type ChaincodeEntry } from './chaincode-entry';
import { buildDigest, definitionVersion } from './chaincode-version';
import { type DefinitionPlan, planDeployment } from './deploy-plan';
import {
  currentState,
  type DefinitionState,
  legacyNotice,
  readDeploymentState,
  writeDeploymentState,
} from './deployment-state';
import {
  approvals,
  approve,
  commit,
  type Committed,
  install,
  queryCommitted,
  queryInstalled,
} from './lifecycle-commands';

type Upgrade = Extract<DefinitionPlan, { kind: 'upgrade' }>;

/** The org's ccaas package for one definition: its peer dials that org's server for the definition. */
async function writeOrgPackage(org: PeerOrg, definition: ChaincodeName, label: string) {
  return writeCcaasPackage(networkPath('chaincode', `${org.key}-${label}.tgz`), label, {
    address: address(chaincodeServer(org, definition)),
    dialTimeout: '10s',
    rootCertPem: await readFile(crypto.peerTlsCa(org), 'utf8'),
    // The peer's own TLS identity doubles as its client certificate towards the chaincode server.
    client: {
      certPem: await readFile(crypto.peerTls(org).cert, 'utf8'),
      keyPem: await readFile(crypto.peerTls(org).key, 'utf8'),
    },
  });
}

/** The org whose peer runs the definition's lifecycle calls: its owner's, so definitions spread over the peers. */
function lifecycleOrg(t: Topology, definition: ChaincodeName): PeerOrg {
  const owner = ownerOf(definition);
  const org = t.peerOrgs.find((candidate) => candidate.mspId === owner) ?? t.peerOrgs[0];
  if (!org) throw new Error('topology has no peer organisation');
  return org;
}

/**
 * Packages, installs and approves one definition for every org, (re)starting each org's server for
 * it under the new package id before the commit (a peer dials the server as soon as it commits),
 * then commits it. Returns what deployment.json records.
 */
async function upgradeDefinition(
  t: Topology,
  config: DefinitionConfig,
  plan: Upgrade,
  installed: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<DefinitionState> {
  const { name, version, sequence } = plan;
  const supervisor = networkSupervisor();
  const packageIds = Object.fromEntries(
    await Promise.all(
      t.peerOrgs.map(async (org) => {
        const pkg = await writeOrgPackage(org, name, `${name}_${version}`);
        if (!installed.get(org.key)?.has(pkg.packageId)) {
          log.detail(`${org.key}: installing ${pkg.packageId.slice(0, 40)}…`);
          await install(org, pkg.file);
        }
        await supervisor.stop(chaincodeServerName(org, name));
        await supervisor.ensureStarted(chaincodeServerSpec(org, name, pkg.packageId));
        return [org.key, pkg.packageId] as const;
      }),
    ),
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

/** Waits until every peer has each of `expected` committed at its version (one query per peer). */
async function waitCommittedEverywhere(
  t: Topology,
  expected: ReadonlyMap<ChaincodeName, Committed>,
): Promise<void> {
  if (expected.size === 0) return;
  await Promise.all(
    t.peerOrgs.map((org) =>
      retry(`${org.key}: waiting for the committed definitions`, 30_000, async () => {
        const committed = await queryCommitted(t, org);
        const behind = [...expected].filter(
          ([name, { version }]) => committed.get(name)?.version !== version,
        );
        if (behind.length > 0)
          throw new Error(`not yet committed: ${behind.map(([name]) => name).join(', ')}`);
      }),
    ),
  );
}

/** Starts each org's server for a definition under its committed package id, when it is not running. */
async function ensureServersRunning(t: Topology, name: ChaincodeName, state: DefinitionState): Promise<void> {
  const supervisor = networkSupervisor();
  await Promise.all(
    t.peerOrgs.map(async (org) => {
      const packageId = state.packageIds[org.key];
      if (packageId) await supervisor.ensureStarted(chaincodeServerSpec(org, name, packageId));
    }),
  );
}

async function stopServers(processNames: readonly string[]): Promise<void> {
  const supervisor = networkSupervisor();
  await Promise.all(processNames.map((name) => supervisor.stop(name)));
}

interface Outcome {
  readonly name: ChaincodeName;
  readonly result: PromiseSettledResult<DefinitionState>;
}

/** Runs every definition's work to its end, so one failure does not leave the others half done. */
async function settle(
  work: readonly { readonly name: ChaincodeName; readonly run: () => Promise<DefinitionState> }[],
): Promise<Outcome[]> {
  const results = await Promise.allSettled(work.map((item) => item.run()));
  return work.map((item, index) => ({ name: item.name, result: results[index] as Outcome['result'] }));
}

const failureOf = ({ name, result }: Outcome): string[] =>
  result.status === 'rejected'
    ? [`${name}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`]
    : [];

export interface DeployOptions {
  /** Which definitions to deploy (default `production`); `test-fixtures` adds the smoke definition. */
  readonly entry?: ChaincodeEntry;
}

/**
 * Compiles the chaincode once, then brings every definition of the entry to the version just built:
 * a definition whose committed version differs is packaged, installed, approved and committed at its
 * next sequence (its servers restarted under the new package ids), the others only get their servers
 * started when they are not running. Definitions are independent, so they run side by side. Running
 * it again with nothing changed commits nothing.
 */
export async function deploy(options: DeployOptions = {}): Promise<void> {
  const entry = options.entry ?? 'production';
  const topology = await loadTopology();
  const configs = await loadDefinitionConfigs();
  log.detail('compiling the chaincode');
  await exec('npm', ['run', 'build', '-w', 'chaincode'], { cwd: paths.repoRoot, timeoutMs: 300_000 });
  const build = await buildDigest(paths.chaincodeSource, path.join(paths.repoRoot, 'package-lock.json'));
  const configOf = (name: ChaincodeName): DefinitionConfig => {
    const config = configs.get(name);
    if (!config) throw new Error(`no configuration loaded for ${name}`);
    return config;
  };
  const versions = new Map(
    await Promise.all(
      definitionsFor(entry).map(
        async (spec) =>
          [spec.name, await definitionVersion(spec.name, build, configOf(spec.name).fingerprint)] as const,
      ),
    ),
  );

  const record = await readDeploymentState();
  if (record.kind === 'legacy') {
    log.warn(legacyNotice(record.name));
    // Their ports now belong to the per-department definitions' servers.
    await stopServers(topology.peerOrgs.map(legacyChaincodeServerName));
    log.detail(
      `stopped the servers of "${record.name}" (chaincode-<org>); that definition stays committed on the ` +
        'channel, unused (Fabric cannot remove a definition)',
    );
  }
  const previous = currentState(record, entry);
  const firstOrg = topology.peerOrgs[0];
  if (!firstOrg) throw new Error('topology has no peer organisation');
  const committed = await queryCommitted(topology, firstOrg);
  const plan = planDeployment(entry, versions, committed, previous);

  for (const name of plan.retired) {
    await stopServers(topology.peerOrgs.map((org) => chaincodeServerName(org, name)));
    log.step(
      `deploy: ${name} is not part of a ${entry} deployment: its servers are stopped; it stays committed ` +
        'on the channel (Fabric cannot remove a definition), and nothing can run it',
    );
  }
  const unchanged = plan.definitions.flatMap((item) => (item.kind === 'unchanged' ? [item] : []));
  const upgrades = plan.definitions.flatMap((item) => (item.kind === 'upgrade' ? [item] : []));
  for (const item of upgrades) {
    log.detail(`${item.name}: deploying ${item.version} at sequence ${item.sequence} (${item.reason})`);
  }
  const installed = new Map<string, ReadonlySet<string>>(
    upgrades.length === 0
      ? []
      : await Promise.all(
          topology.peerOrgs.map(async (org) => [org.key, await queryInstalled(org)] as const),
        ),
  );
  const outcomes = await settle([
    ...unchanged.map((item) => ({
      name: item.name,
      run: async () => {
        await ensureServersRunning(topology, item.name, item.state);
        return item.state;
      },
    })),
    ...upgrades.map((item) => ({
      name: item.name,
      run: () => upgradeDefinition(topology, configOf(item.name), item, installed),
    })),
  ]);

  // Record every definition that is committed now, even when another failed: the next deploy
  // continues from there.
  const definitions = { ...previous.definitions };
  const upgraded = new Map<ChaincodeName, Committed>();
  for (const { name, result } of outcomes) {
    if (result.status !== 'fulfilled') continue;
    definitions[name] = result.value;
    if (upgrades.some((item) => item.name === name)) upgraded.set(name, result.value);
  }
  await writeDeploymentState({ format: 2, entry, definitions });
  await waitCommittedEverywhere(topology, upgraded);

  const failures = outcomes.flatMap(failureOf);
  if (failures.length > 0) {
    throw new OperatorError(
      `deploy: ${failures.length} definition(s) failed (the others are recorded):\n${failures.join('\n')}`,
      'Fix the cause and run deploy again: it continues from what was committed.',
    );
  }
  const describe = (names: readonly ChaincodeName[]): string =>
    names
      .map(
        (name) =>
          `${name} ${definitions[name]?.version ?? '?'} (sequence ${definitions[name]?.sequence ?? '?'})`,
      )
      .join(', ');
  log.step(
    `deploy (${entry}): ` +
      [
        upgrades.length > 0 ? `committed ${describe(upgrades.map((item) => item.name))}` : '',
        unchanged.length > 0 ? `already committed ${describe(unchanged.map((item) => item.name))}` : '',
      ]
        .filter(Boolean)
        .join('; '),
  );
}
