import { ChaincodeNames, ContractNames, Transactions } from '../../../chaincode/src/contract';
import { connectAs, findOrg } from '../../../test/support/fabric-client';
import { loadTopology } from '../network/topology';
import { type Accounted, bounded, type Measurement } from './measurement';

/** The raw-Fabric reference measurements, by the load they mirror. */
export const RawFabric = {
  single: 'raw Fabric smoke Put (8 clients)',
  singleSaturated: 'raw Fabric smoke Put (64 in flight)',
  thousandKeys: 'raw Fabric smoke PutMany, 1000 keys per transaction (4 clients)',
} as const;

/** A value of about the bytes of a scan's stored COLLECTED event. */
const VALUE = 'x'.repeat(330);

/**
 * The references, straight through fabric-gateway (no HTTP, no index) on the smoke fixture
 * definition, which any department may endorse:
 * - a minimal single write (smoke Put: one read, one write, a key-level policy) at 8 clients and
 *   at 64 in flight;
 * - a 1000-key write (smoke PutMany: 1000 keys of ~330 bytes in one write batch, no reads), 4
 *   clients, counted in keys/s so it compares with scans/s.
 */
export async function measureRawFabric(accounted: Accounted = (work) => work()): Promise<Measurement[]> {
  const topology = await loadTopology();
  const connection = connectAs(findOrg(topology, 'UrbanMSP'));
  try {
    const contract = connection.gateway
      .getNetwork(topology.channel)
      .getContract(ChaincodeNames.Smoke, ContractNames.Smoke);
    const prefix = `bench-${Date.now()}`;
    const put = (tag: string) => async (i: number) => {
      const commit = await contract.submitAsync(Transactions.smoke.Put, {
        arguments: [`${prefix}-${tag}-${i}`, 'x'],
      });
      return (await commit.getStatus()).successful ? 1 : 0;
    };
    const single = await bounded(RawFabric.single, { count: 200, seconds: 60, concurrency: 8 }, put('a'));
    const saturated = await accounted(() =>
      bounded(RawFabric.singleSaturated, { count: 640, seconds: 60, concurrency: 64 }, put('b')),
    );
    const thousand = await accounted(() =>
      bounded(RawFabric.thousandKeys, { count: 40, seconds: 120, concurrency: 4 }, async (i) => {
        const entries = Array.from({ length: 1000 }, (_unused, k) => ({
          key: `${prefix}-m${i}-${k}`,
          value: VALUE,
        }));
        const commit = await contract.submitAsync(Transactions.smoke.PutMany, {
          arguments: [JSON.stringify(entries)],
        });
        return (await commit.getStatus()).successful ? entries.length : 0;
      }),
    );
    return [single, saturated, thousand];
  } finally {
    connection.close();
  }
}
