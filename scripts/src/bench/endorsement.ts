import { ChaincodeNames, ContractNames, Transactions } from '../../../chaincode/src/contract';
import { connectAsEnrolled, findOrg } from '../../../test/support/fabric-client';
import { loadTopology } from '../network/topology';
import { log } from '../lib/log';
import { percentiles } from './measurement';
import { stationScan } from './scans';

const SAMPLES = 5;

/**
 * Endorsement time per scan of a 1000-scan RecordScans: the station operator's proposal endorsed
 * (not submitted) by UrbanMSP's peer straight through fabric-gateway, SAMPLES times over the same
 * fresh bags (nothing is committed, so each endorsement does the whole batch's work). The median of
 * the samples, in milliseconds per scan.
 */
export async function endorsementPerScan(stationId: string, barcodes: readonly string[]): Promise<number> {
  const topology = await loadTopology();
  const connection = connectAsEnrolled(findOrg(topology, 'UrbanMSP'), 'station-operator');
  try {
    const contract = connection.gateway
      .getNetwork(topology.channel)
      .getContract(ChaincodeNames.Waste, ContractNames.Waste);
    const argument = JSON.stringify({ scans: barcodes.map((barcode) => stationScan(barcode, stationId)) });
    const timings: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const proposal = contract.newProposal(Transactions.waste.RecordScans, { arguments: [argument] });
      const started = performance.now();
      await proposal.endorse();
      timings.push(performance.now() - started);
    }
    const median = percentiles(timings).p50Ms ?? 0;
    log.detail(
      `endorsement of ${barcodes.length} scans: ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
        `(median ${(median / barcodes.length).toFixed(3)} ms per scan)`,
    );
    return median / barcodes.length;
  } finally {
    connection.close();
  }
}
