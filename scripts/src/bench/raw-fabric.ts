import { ChaincodeNames, ContractNames, Transactions } from '../../../chaincode/src/contract';
import { connectAs, findOrg } from '../../../test/support/fabric-client';
import { loadTopology } from '../network/topology';
import { bounded, type Measurement } from './measurement';

export const RAW_FABRIC = 'raw Fabric smoke Put (8 clients)';

/**
 * The reference: a minimal write (smoke Put) straight through fabric-gateway, no HTTP, no index. The
 * smoke definition (test fixture) may be endorsed by any department, so the gateway picks the peer.
 */
export async function measureRawFabric(): Promise<Measurement> {
  const topology = await loadTopology();
  const connection = connectAs(findOrg(topology, 'RegistryMSP'));
  try {
    const contract = connection.gateway
      .getNetwork(topology.channel)
      .getContract(ChaincodeNames.Smoke, ContractNames.Smoke);
    const prefix = `bench-${Date.now()}`;
    return await bounded(RAW_FABRIC, { count: 200, seconds: 60, concurrency: 8 }, async (i) => {
      const commit = await contract.submitAsync(Transactions.smoke.Put, {
        arguments: [`${prefix}-${i}`, 'x'],
      });
      return (await commit.getStatus()).successful ? 1 : 0;
    });
  } finally {
    connection.close();
  }
}
