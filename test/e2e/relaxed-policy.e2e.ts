import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { peer } from '@hyperledger/fabric-protos';
import {
  ChaincodeNames,
  ContractHome,
  issueCertificate,
  maskName,
  RecordTypes,
  registrationId,
  saltedIdHash,
  toCanonicalBytes,
  EventNames,
  Transactions,
} from '../../chaincode/src/contract';
import { readDeploymentState, type Topology } from '../../scripts/src';
import { contractOf } from '../support/contracts';
import { commitWithPolicy, configuredPolicy } from '../support/definition-policy';
import { quarantinedRows, recordDeliberateForgery } from '../support/deliberate-forgeries';
import { connectAs, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { forgedTransaction } from '../support/forged-transaction';
import {
  apiTokens,
  call,
  type GatewayProcess,
  indexCaughtUp,
  startGateway,
} from '../support/gateway-process';
import { digits, residentId, titleNumber, unitNumber } from '../support/identifiers';
import { recordStateKey } from '../support/ledger-keys';
import { peerSigningMaterial, userSigningMaterial } from '../support/signing-material';

// The gateway's second line of defence, on the real network (issue 13): a record that reached the
// ledger although its department did not sign it. On a correctly configured channel that cannot
// happen (forged-creation.e2e.ts: such a creation is ENDORSEMENT_POLICY_FAILURE), so this suite
// makes the channel wrongly configured, for its own duration only: the realestate definition is
// committed again with "the registry's OR the market bureau's peer" as its policy (every department
// approves, as the lifecycle requires), and put back afterwards. Meanwhile the market bureau's peer
// endorses, and its client submits, a certificate with its RealEstateRegistered event, built by hand
// as modified chaincode would make it (support/forged-transaction.ts). It commits VALID; then
//   - public verification answers 200 valid:false NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT with the
//     proof naming the market bureau, never VALID;
//   - a gateway's index reading the channel quarantines the event (NOT_ENDORSED_BY_DEPARTMENT) and
//     projects the genuine registration committed after it.
// The forgery stays on the channel; its transaction id is recorded as deliberate
// (support/deliberate-forgeries.ts), so suites that check a fresh index sets nothing aside subtract it.

const RELAXED_POLICY = "OR('RegistryMSP.peer','MarketMSP.peer')";

describe("a certificate another department's peer endorsed, on a channel whose policy let it through", () => {
  jest.setTimeout(180_000);
  let t: Topology;
  let market: OrgConnection;
  let gateway: GatewayProcess;
  let dbDir: string;
  let relaxed = false;
  const forgery = { certificateNumber: '', unitNumber: '', txId: '' };

  beforeAll(async () => {
    t = await topology();
    market = connectAs(findOrg(t, 'MarketMSP'));
    await commitWithPolicy(t, ChaincodeNames.RealEstate, RELAXED_POLICY);
    relaxed = true;
  });

  afterAll(async () => {
    try {
      // put the policy back first: every later suite relies on the registry's peer alone
      if (relaxed) await commitWithPolicy(t, ChaincodeNames.RealEstate, await configuredPolicy('realestate'));
    } finally {
      market?.close();
      await gateway?.kill('SIGTERM');
      if (dbDir) rmSync(dbDir, { recursive: true, force: true });
    }
  });

  it("commits VALID: the relaxed policy admits the market bureau's peer alone", async () => {
    const deployed = await readDeploymentState();
    if (deployed.kind !== 'current') throw new Error('no chaincode deployed');
    const version = deployed.state.definitions.realestate?.version;
    if (version === undefined) throw new Error('realestate is not deployed');
    // a 2099 certificate of 测试市 and a unit of its own: no other suite uses either
    forgery.certificateNumber = `粤(2099)测试市不动产权第${digits(8)}号`;
    forgery.unitNumber = unitNumber();
    const issuedAt = new Date().toISOString();
    const holder = {
      maskedName: maskName('张伪造'),
      idHash: saltedIdHash('00'.repeat(16), residentId()),
      share: '1/1',
    };
    const registration = registrationId(forgery.unitNumber, 1);
    const certificate = issueCertificate(
      {
        certificateNumber: forgery.certificateNumber,
        kind: 'TITLE',
        unitNumber: forgery.unitNumber,
        registrationId: registration,
        registrationType: 'FIRST',
        issuedAt,
        holders: [holder],
        details: {},
      },
      1,
    );
    // what Register's event says of a FIRST registration (gateway-api/src/real-estate/projection/registered-event.ts)
    const event = {
      registration: {
        registrationId: registration,
        unitNumber: forgery.unitNumber,
        sequence: 1,
        type: 'FIRST',
        registeredAt: issuedAt,
        clerk: { mspId: 'MarketMSP', id: 'a-market-bureau-client' },
        certificateNumber: forgery.certificateNumber,
        certificateChanges: [],
        unitStatus: 'REGISTERED',
      },
      certificate,
      unit: {
        unitNumber: forgery.unitNumber,
        status: 'REGISTERED',
        sequence: 1,
        titleCertificate: forgery.certificateNumber,
        holders: [holder],
        updatedAt: issuedAt,
        lastRegistrationId: registration,
      },
    };
    const proposal = contractOf(market.gateway.getNetwork(t.channel), 'realestate').newProposal(
      Transactions.realestate.Register,
      {
        arguments: [
          JSON.stringify({
            unitNumber: forgery.unitNumber,
            type: 'FIRST',
            certificateNumber: forgery.certificateNumber,
          }),
        ],
      },
    );
    const transaction = forgedTransaction(market.gateway, {
      proposal,
      chaincodeVersion: version,
      creations: [
        {
          namespace: ContractHome.realestate,
          key: recordStateKey(RecordTypes.RealEstateCertificate, forgery.certificateNumber),
          value: toCanonicalBytes(certificate),
        },
      ],
      endorsers: [peerSigningMaterial(findOrg(t, 'MarketMSP'))],
      client: userSigningMaterial(findOrg(t, 'MarketMSP')),
      event: { name: EventNames.RealEstateRegistered, payload: toCanonicalBytes(event) },
    });
    forgery.txId = transaction.getTransactionId();
    const status = await (await transaction.submit()).getStatus();
    // recorded before the assertion: once on the channel, it stays there whatever the outcome
    if (status.code === peer.TxValidationCode.VALID) recordDeliberateForgery(forgery.txId);
    expect(status.code).toBe(peer.TxValidationCode.VALID);
  });

  it('is answered valid:false NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT by public verification, naming who signed', async () => {
    expect(forgery.txId).not.toBe('');
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-relaxed-policy-'));
    gateway = await startGateway('relaxed-policy', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
      VERIFY_CACHE_TTL_MS: '0',
    });
    const answer = await call(
      gateway.baseUrl,
      'GET',
      `/api/v1/verify/certificates/${encodeURIComponent(forgery.certificateNumber)}`,
    );
    expect(answer).toMatchObject({
      status: 200,
      body: {
        valid: false,
        invalidReason: { code: 'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT' },
        proof: {
          txId: forgery.txId,
          validationCode: 'VALID',
          endorsers: ['MarketMSP'],
          creatorMspId: 'MarketMSP',
        },
      },
    });
  });

  it('is quarantined by the index (NOT_ENDORSED_BY_DEPARTMENT), which goes on to project the genuine registration after it', async () => {
    const genuineUnit = unitNumber();
    const registered = await call(gateway.baseUrl, 'POST', '/api/v1/real-estate/registrations', {
      token: apiTokens()['registry-clerk'] ?? '',
      body: {
        type: 'FIRST',
        unitNumber: genuineUnit,
        certificateNumber: titleNumber(),
        holders: [{ name: '欧阳修', idNumber: residentId(), share: '1/1' }],
      },
    });
    expect(registered.status).toBe(201);
    await indexCaughtUp(gateway.baseUrl, 120_000);
    const rows = quarantinedRows(path.join(dbDir, 'index.sqlite'));
    expect(rows.filter((row) => row.transactionId === forgery.txId)).toEqual([
      {
        transactionId: forgery.txId,
        eventName: EventNames.RealEstateRegistered,
        reasonCode: 'NOT_ENDORSED_BY_DEPARTMENT',
      },
    ]);
    const acts = async (unit: string): Promise<unknown> => {
      const answer = await call(gateway.baseUrl, 'GET', `/api/v1/real-estate/acts?unitNumber=${unit}`, {
        token: apiTokens()['registry-clerk'] ?? '',
      });
      expect(answer.status).toBe(200);
      return answer.body['items'];
    };
    expect(await acts(forgery.unitNumber)).toEqual([]);
    expect(await acts(genuineUnit)).toEqual([
      expect.objectContaining({ unitNumber: genuineUnit, type: 'FIRST' }),
    ]);
  });
});
