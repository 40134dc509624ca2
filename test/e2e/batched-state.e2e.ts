import { peer } from '@hyperledger/fabric-protos';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ChaincodeNames, ContractNames, Transactions } from '../../chaincode/src/contract';
import { connectAsEnrolled, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';

// A 1000-scan RecordScans reads its bags in a few GET_STATE_MULTIPLE messages and writes in one
// WRITE_BATCH_STATE (chaincode/src/common/batched-state.ts). On the real peers those reads must be
// in the transaction's read set like any getState: two stations scanning the same 1000 bags, both
// endorsed before either commits, may not both count them. One commits VALID, the other is
// invalidated with MVCC_READ_CONFLICT, and every bag carries the winner's scan.

const BAGS = 1000;

describe('batched chaincode reads and writes on the real peers', () => {
  let gateway: GatewayProcess;
  let dbDir: string;
  let station: OrgConnection;

  beforeAll(async () => {
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-batched-'));
    gateway = await startGateway('batched-state', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
    station = connectAsEnrolled(findOrg(await topology(), 'UrbanMSP'), 'station-operator');
  });

  afterAll(async () => {
    station?.close();
    await gateway?.kill('SIGTERM');
    rmSync(dbDir, { recursive: true, force: true });
  });

  it('keeps every batched read in the read set: the same bags scanned twice at once commit once', async () => {
    const inspector = apiTokens()['urban-inspector'] ?? '';
    const run = String(randomInt(100, 999));
    const stations = [`BS-${run}-A`, `BS-${run}-B`];
    for (const siteId of stations) {
      const site = await call(gateway.baseUrl, 'POST', '/api/v1/waste/sites', {
        token: inspector,
        body: { siteId, kind: 'STATION', districtCode: '440103', name: `批量读写站 ${siteId}` },
      });
      expect(site.status).toBe(201);
    }
    const batch = await call(gateway.baseUrl, 'POST', '/api/v1/waste/bag-batches', {
      token: inspector,
      body: {
        districtCode: '440103',
        category: '02',
        firstSerial: randomInt(1, 900_000_000),
        count: BAGS,
        householdRef: `batched-state ${run}`,
      },
    });
    expect(batch.status).toBe(201);
    const barcodes = batch.body['barcodes'] as string[];
    expect(barcodes).toHaveLength(BAGS);

    const { channel } = await topology();
    const contract = station.gateway
      .getNetwork(channel)
      .getContract(ChaincodeNames.Waste, ContractNames.Waste);
    const scansFrom = (stationId: string): string =>
      JSON.stringify({
        scans: barcodes.map((barcode) => ({
          barcode,
          stationId,
          scannedAt: new Date().toISOString(),
          weightGrams: 800,
          quality: 'CONFORMANT',
        })),
      });
    // both endorsed against the same committed state, before either is ordered
    const endorsed = await Promise.all(
      stations.map((stationId) =>
        contract.newProposal(Transactions.waste.RecordScans, { arguments: [scansFrom(stationId)] }).endorse(),
      ),
    );
    for (const transaction of endorsed) {
      expect(JSON.parse(new TextDecoder().decode(transaction.getResult()))).toMatchObject({ accepted: BAGS });
    }
    const codes = await Promise.all(
      endorsed.map(async (transaction) => (await (await transaction.submit()).getStatus()).code),
    );
    expect([...codes].sort()).toEqual(
      [peer.TxValidationCode.VALID, peer.TxValidationCode.MVCC_READ_CONFLICT].sort(),
    );

    // the winner's writes all landed: each sampled bag was collected at the winning station
    const winner = stations[codes.indexOf(peer.TxValidationCode.VALID)];
    for (const barcode of [barcodes[0], barcodes[BAGS / 2], barcodes[BAGS - 1]]) {
      const trace = JSON.parse(
        new TextDecoder().decode(
          await contract.evaluateTransaction(Transactions.waste.GetBag, barcode ?? ''),
        ),
      ) as { events: { step: string; siteId: string }[] };
      expect(trace.events.filter((event) => event.step === 'COLLECTED')).toEqual([
        expect.objectContaining({ siteId: winner }),
      ]);
    }
  });
});
