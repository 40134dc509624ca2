import { type ChaincodeName } from '../../chaincode/src/contract';
import {
  approve,
  commit,
  type Committed,
  loadDefinitionConfigs,
  loadTopology,
  queryCommitted,
  readDeploymentState,
  type Topology,
  waitCommittedEverywhere,
  writeDeploymentState,
} from '../../scripts/src';

// Test-only: commit a definition again with another endorsement policy, through the channel's own
// lifecycle (every department approves the new sequence, the owner's admin commits it), and back.
// It exists for the tests that need a record a wrongly configured network would let through (a
// policy a department could only get with the other departments' approval): what the gateway and
// its index make of such a record is the second line of defence, and only a relaxed policy lets one
// reach the ledger. The package ids stay those deploy installed, so no chaincode server restarts.

/** The definition committed as it is now, but with `policy` (a signature policy) as its endorsement policy. */
export async function commitWithPolicy(t: Topology, name: ChaincodeName, policy: string): Promise<void> {
  const configs = await loadDefinitionConfigs(t);
  const config = configs.get(name);
  if (config === undefined) throw new Error(`no configuration for definition ${name}`);
  const record = await readDeploymentState();
  if (record.kind !== 'current') throw new Error('no chaincode deployed (npm run deploy -- --test-fixtures)');
  const deployed = record.state.definitions[name];
  if (deployed === undefined) throw new Error(`definition ${name} is not deployed`);
  const submitter =
    t.peerOrgs.find((org) => (config.spec.endorsers as readonly string[]).includes(org.mspId)) ??
    t.peerOrgs[0];
  if (submitter === undefined) throw new Error('topology has no peer organisation');
  const committed = (await queryCommitted(t, submitter)).get(name);
  if (committed?.version !== deployed.version) {
    throw new Error(
      `definition ${name}: committed ${committed?.version ?? 'nothing'}, deployed ${deployed.version}`,
    );
  }
  const changed = { ...config, endorsementPolicy: policy };
  const sequence = committed.sequence + 1;
  await Promise.all(
    t.peerOrgs.map((org) =>
      approve(t, org, changed, deployed.version, sequence, deployed.packageIds[org.key] ?? ''),
    ),
  );
  await commit(t, submitter, changed, deployed.version, sequence);
  await waitCommittedEverywhere(
    t,
    new Map<ChaincodeName, Committed>([[name, { version: deployed.version, sequence }]]),
  );
  // deploy leaves a definition alone only when deployment.json records the committed sequence
  await writeDeploymentState({
    ...record.state,
    definitions: { ...record.state.definitions, [name]: { ...deployed, sequence } },
  });
}

/** The definition's policy as network/chaincode-definitions.yaml sets it (what deploy commits). */
export async function configuredPolicy(name: ChaincodeName): Promise<string> {
  const config = (await loadDefinitionConfigs(await loadTopology())).get(name);
  if (config === undefined) throw new Error(`no configuration for definition ${name}`);
  return config.endorsementPolicy;
}
