import { type ChaincodeName } from '../../../chaincode/src/contract';
import { chaincodeServerSpec } from '../network/process-specs';
import { networkSupervisor } from '../network/supervisor-instance';
import { type Topology } from '../network/topology';
import { type DefinitionState } from './deployment-state';

/** Starts each org's server for a definition under its committed package id, when it is not running. */
export async function ensureServersRunning(
  t: Topology,
  name: ChaincodeName,
  state: DefinitionState,
): Promise<void> {
  const supervisor = networkSupervisor();
  await Promise.all(
    t.peerOrgs.map(async (org) => {
      const packageId = state.packageIds[org.key];
      if (packageId) await supervisor.ensureStarted(chaincodeServerSpec(org, name, packageId));
    }),
  );
}

/**
 * Restarts one org's server for a definition under a new package id. Before the commit: a peer dials
 * the server of the package its org approved as soon as the definition commits.
 */
export async function restartServer(
  t: Topology,
  orgKey: string,
  name: ChaincodeName,
  packageId: string,
): Promise<void> {
  const org = t.peerOrgs.find((candidate) => candidate.key === orgKey);
  if (!org) throw new Error(`no org ${orgKey} in the topology`);
  const supervisor = networkSupervisor();
  const spec = chaincodeServerSpec(org, name, packageId);
  await supervisor.stop(spec.name);
  await supervisor.ensureStarted(spec);
}

export async function stopServers(processNames: readonly string[]): Promise<void> {
  const supervisor = networkSupervisor();
  await Promise.all(processNames.map((name) => supervisor.stop(name)));
}
