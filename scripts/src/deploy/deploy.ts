import * as path from 'node:path';
import { type ChaincodeName, definitionsFor } from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { exec } from '../lib/exec';
import { log } from '../lib/log';
import { paths } from '../lib/paths';
import { chaincodeServerName, legacyChaincodeServerName } from '../network/process-specs';
import { loadTopology, peerProcessName, type Topology } from '../network/topology';
import { type DefinitionConfig, loadDefinitionConfigs } from './chaincode-definitions';
import { type ChaincodeEntry } from './chaincode-entry';
import { ensureServersRunning, stopServers } from './chaincode-servers';
import { buildDigest, definitionVersion } from './chaincode-version';
import { planDeployment } from './deploy-plan';
import {
  currentState,
  type DefinitionState,
  legacyNotice,
  readDeploymentState,
  writeDeploymentState,
} from './deployment-state';
import { type Committed, queryCommitted } from './lifecycle-commands';
import {
  installedPackages,
  installOnEveryPeer,
  upgradeDefinition,
  waitCommittedEverywhere,
} from './upgrade-definition';

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

/**
 * An unchanged definition on every peer, a peer added since it was deployed included: the package
 * is rebuilt (same bytes, same id) and installed where missing. A different id means the recorded
 * package is not what this checkout builds, which deploy cannot repair without a new sequence.
 */
async function ensureInstalled(
  topology: Topology,
  name: ChaincodeName,
  state: DefinitionState,
  installed: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<void> {
  const missing = topology.peerOrgs.some((org) =>
    org.peers.some(
      (peer) => !installed.get(peerProcessName(org, peer))?.has(state.packageIds[org.key] ?? ''),
    ),
  );
  if (!missing) return;
  const ids = await installOnEveryPeer(topology, name, state.version, installed);
  const differing = Object.entries(ids).filter(([org, id]) => state.packageIds[org] !== id);
  if (differing.length > 0) {
    throw new OperatorError(
      `${name}: the package rebuilt for ${differing.map(([org]) => org).join(', ')} is not the one deployed`,
      'Run deploy after a change of the chaincode or its configuration: it commits a new sequence.',
    );
  }
}

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
  const configs = await loadDefinitionConfigs(topology);
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
      `the servers of "${record.name}" (chaincode-<org>) are stopped; that definition stays committed ` +
        'on the channel, unused (Fabric cannot remove a definition)',
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
  const installed = await installedPackages(topology);
  const outcomes = await settle([
    ...unchanged.map((item) => ({
      name: item.name,
      run: async () => {
        await ensureInstalled(topology, item.name, item.state, installed);
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
