import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ContractHome } from '../../chaincode/src/contract';
import { chaincodeServerName } from '../../scripts/src';
import { contractOf } from '../support/contracts';
import { connectAs, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';
import { type Fault, type FaultReport, measureFault, renderFaultTable } from './support/fault-report';
import { compareIndexWithLedger, notCollectedExactlyOnce } from './support/ledger-check';
import { killNetworkProcess, raftLeader, restartNetwork } from './support/network-control';
import { ScanStream } from './support/scan-stream';

// Faults under load: a steady stream of scan batches through the API while one process after
// another is SIGKILLed and brought back. The API must answer 503 (never hang, never 500) while it
// cannot commit, recover by itself, and in the end every acknowledged scan is on the ledger exactly
// once and the index agrees with the ledger.

jest.setTimeout(15 * 60_000);

const TIMING = { holdMs: 8_000, recoveryLimitMs: 120_000 };
const STEADY_MS = 5_000;
// the gateway's deadlines (below) plus a margin: a request still open after this is a hang
const REQUEST_TIMEOUT_MS = 45_000;

describe('faults under a steady stream of scans', () => {
  const runId = `fault-${Date.now()}-${randomInt(1000, 9999)}`;
  const stationId = `FT-ST-${randomInt(100_000, 999_999)}`;
  const dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-faults-'));
  const databasePath = path.join(dbDir, 'index.sqlite');
  const tokens = apiTokens();
  let gateway: GatewayProcess | undefined;
  let observer: OrgConnection | undefined;

  // The same index file across restarts: what the killed gateway acknowledged must survive it.
  const startOurGateway = async (): Promise<GatewayProcess> =>
    startGateway('faults', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: databasePath,
      FABRIC_ENDORSE_TIMEOUT_MS: '10000',
      FABRIC_SUBMIT_TIMEOUT_MS: '5000',
      FABRIC_COMMIT_STATUS_TIMEOUT_MS: '20000',
      // with these deadlines a request runs at most 70 s: the idempotency lease after which a retry
      // may take over a key the killed gateway left in progress is 80 s
      FABRIC_COMMIT_RETRIES: '1',
    });
  const baseUrl = (): string => gateway?.baseUrl ?? '';

  const killAndRestartNetwork = (name: string) => async (): Promise<() => Promise<void>> => {
    await killNetworkProcess(name);
    return restartNetwork;
  };
  // One chaincode server per (org, definition), named as `network up` names it (chaincode-urban-waste).
  const urbanWasteServer = async (): Promise<string> =>
    chaincodeServerName(findOrg(await topology(), 'UrbanMSP'), ContractHome.waste);
  const faults: Fault[] = [
    {
      name: 'SIGKILL the Raft leader (one of three orderers)',
      inject: async () => killAndRestartNetwork(await raftLeader())(),
    },
    {
      // the scans' definition (waste) on the UrbanMSP peer, the one the stream's writes need
      name: 'SIGKILL the UrbanMSP waste chaincode server',
      inject: async () => killAndRestartNetwork(await urbanWasteServer())(),
    },
    {
      name: 'SIGKILL the gateway',
      inject: async () => {
        await gateway?.kill('SIGKILL');
        return async () => {
          gateway = await startOurGateway();
        };
      },
    },
    { name: 'SIGKILL the MarketMSP peer (another org)', inject: killAndRestartNetwork('peer-market') },
  ];

  beforeAll(async () => {
    gateway = await startOurGateway();
    observer = connectAs(findOrg(await topology(), 'UrbanMSP'));
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    observer?.close();
    // whatever a failed run left dead comes back for whatever runs next
    await restartNetwork();
    rmSync(dbDir, { recursive: true, force: true });
  });

  async function commissionBags(batches: number): Promise<string[]> {
    const inspector = tokens['urban-inspector'] ?? '';
    const site = await call(baseUrl(), 'POST', '/api/v1/waste/sites', {
      token: inspector,
      body: { siteId: stationId, kind: 'STATION', districtCode: '440103', name: `故障测试站${runId}` },
    });
    expect(site.status).toBe(201);
    const barcodes: string[] = [];
    for (let i = 0; i < batches; i += 1) {
      const batch = await call(baseUrl(), 'POST', '/api/v1/waste/bag-batches', {
        token: inspector,
        body: {
          districtCode: '440103',
          category: '01',
          firstSerial: randomInt(1, 900_000_000),
          count: 1000,
          householdRef: `fault household ${i}`,
        },
      });
      expect(batch.status).toBe(201);
      barcodes.push(...(batch.body['barcodes'] as string[]));
    }
    return barcodes;
  }

  it('answers 503 during each fault, recovers by itself, and loses or doubles no acknowledged scan', async () => {
    const stream = new ScanStream(
      { baseUrl, token: tokens['station-operator'] ?? '', stationId, runId },
      await commissionBags(5),
      { batchSize: 10, pauseMs: 300, requestTimeoutMs: REQUEST_TIMEOUT_MS },
    );
    stream.start(2);
    const reports: FaultReport[] = [];
    try {
      await sleep(STEADY_MS);
      expect(stream.firstSuccessAfter(0)).toBeDefined();
      for (const fault of faults) {
        reports.push(await measureFault(stream, fault, TIMING));
        await sleep(STEADY_MS);
      }
    } finally {
      await stream.stop();
      console.log(`outage and recovery per fault:\n${renderFaultTable(reports)}`);
    }
    // batches in flight when the gateway died wait for the idempotency lease (80 s) before a retry
    await stream.drain(3 * 60_000);

    // The API's side: 503 or no connection while it could not commit; never another 5xx, never a hang.
    const statuses = [...new Set(stream.events.map((event) => event.status))];
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(stream.events.filter((event) => event.timedOut)).toEqual([]);
    expect(stream.unacknowledgedBatches).toBe(0);

    // The ledger's side: every acknowledged scan is there, exactly once.
    const acknowledged = [...stream.acknowledged];
    expect(acknowledged.length).toBeGreaterThan(500);
    const t = await topology();
    const waste = contractOf(observer!.gateway.getNetwork(t.channel), 'waste');
    expect(await notCollectedExactlyOnce(waste, acknowledged)).toEqual([]);

    // The index's side: it catches up and agrees with the ledger in count and in a sample of records.
    const step = Math.max(1, Math.floor(acknowledged.length / 25));
    const comparison = await compareIndexWithLedger(
      { databasePath, stationId, expected: acknowledged.length, waitMs: 60_000 },
      waste,
      acknowledged.filter((_, i) => i % step === 0),
    );
    expect(comparison).toEqual({ indexed: acknowledged.length, mismatches: [] });
  });
});
