import { rm } from 'node:fs/promises';
import { ensureBinaries } from '../fabric/build-binaries';
import { fabricCaPin, fabricPin } from '../fabric/pin';
import { prepareCaHome } from '../identity/ca-home';
import { caServerSpec } from '../identity/ca-process';
import { caSiteFor } from '../identity/ca-site';
import { CREATE_SETTING } from '../identity/holder-lookup-key';
import { provisionIdentities } from '../identity/provision';
import { deployedDefinitions, legacyNotice, readDeploymentState } from '../deploy/deployment-state';
import { log } from '../lib/log';
import { paths } from '../lib/paths';
import { type ProcessSpec } from '../process/supervisor';
import { joinOrderers, joinPeers } from './channel';
import { prepareNetworkFiles } from './prepare';
import { chaincodeServerSpec, ordererSpec, peerSpec } from './process-specs';
import { networkSupervisor } from './supervisor-instance';
import { loadTopology } from './topology';

/**
 * Brings the network up, or completes it when part of it is running. If any
 * step fails, the processes this call started are stopped again, so a failed
 * `up` leaves nothing half-running (processes an earlier `up` started stay).
 */
export async function networkUp(): Promise<void> {
  const topology = await loadTopology();
  await ensureBinaries(fabricPin);
  await ensureBinaries(fabricCaPin);
  await prepareNetworkFiles(topology);
  const supervisor = networkSupervisor();
  const startedNow: string[] = [];
  const start = async (spec: ProcessSpec): Promise<void> => {
    if (await supervisor.ensureStarted(spec)) {
      startedNow.push(spec.name);
      log.detail(`${spec.name}: started (log: ${supervisor.logFile(spec.name)})`);
    }
  };
  try {
    // Orderers and peers start in parallel within each tier; peers need a channel to join.
    await Promise.all(topology.ordererOrg.orderers.map((node) => start(ordererSpec(topology, node))));
    await joinOrderers(topology);
    await Promise.all(
      topology.peerOrgs.flatMap((org) => org.peers.map((peer) => start(peerSpec(org, peer)))),
    );
    // Each department's Fabric CA, signing with the org's MSP CA; started with the peers.
    await Promise.all(
      topology.peerOrgs.map(async (org) => {
        await prepareCaHome(caSiteFor(org));
        await start(caServerSpec(caSiteFor(org)));
      }),
    );
    await joinPeers(topology);
    // Every deployed definition's server in every org, under the package id deploy recorded.
    const deployment = await readDeploymentState();
    if (deployment.kind === 'legacy') log.warn(legacyNotice(deployment.name));
    if (deployment.kind === 'current') {
      await Promise.all(
        deployedDefinitions(deployment.state).flatMap(({ name, definition }) =>
          topology.peerOrgs.map(async (org) => {
            const packageId = definition.packageIds[org.key];
            if (packageId) await start(chaincodeServerSpec(org, name, packageId));
          }),
        ),
      );
    }
    // Demo users enrolled at their CAs, API tokens, and the files the gateway reads. The holder
    // lookup key is created only while no chaincode was ever deployed (nothing can have been
    // indexed yet); a single-definition deployment counts as deployed.
    await provisionIdentities(topology, undefined, {
      newNetwork: deployment.kind === 'none',
      create: process.env[CREATE_SETTING] === 'true',
    });
  } catch (error) {
    for (const name of startedNow.reverse()) await supervisor.stop(name);
    throw error;
  }
  log.step(
    startedNow.length
      ? `network up: started ${startedNow.join(', ')}`
      : 'network up: everything was already running',
  );
}

/** Stops every process `up` or `deploy` started (and nothing else); `purge` also deletes the runtime state. */
export async function networkDown(purge: boolean): Promise<void> {
  const stopped = await networkSupervisor().stopAll();
  log.step(
    stopped.length ? `network down: stopped ${stopped.join(', ')}` : 'network down: nothing was running',
  );
  if (purge) {
    await rm(paths.networkRoot, { recursive: true, force: true });
    log.step(`network down --purge: removed ${paths.networkRoot} (the Fabric binaries cache is kept)`);
  }
}
