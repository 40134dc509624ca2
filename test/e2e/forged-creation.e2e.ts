import { setTimeout as sleep } from 'node:timers/promises';
import { common, peer } from '@hyperledger/fabric-protos';
import {
  type CertificateRecord,
  type ChaincodeName,
  ChaincodeNames,
  ContractHome,
  issueCertificate,
  maskName,
  ownerOf,
  RecordTypes,
  registrationId,
  saltedIdHash,
  toCanonicalBytes,
  Transactions,
} from '../../chaincode/src/contract';
import { readDeploymentState, type Topology } from '../../scripts/src';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { contractOf, type DomainContract } from '../support/contracts';
import { connectAs, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { forgedTransaction, type StateCreation } from '../support/forged-transaction';
import { unexpectedQuarantine } from '../support/deliberate-forgeries';
import { apiTokens, call, indexCaughtUp, startGateway } from '../support/gateway-process';
import { errorText } from '../support/hostile/chaincode-calls';
import * as ids from '../support/hostile/identifiers';
import { recordStateKey } from '../support/ledger-keys';
import { peerSigningMaterial, userSigningMaterial } from '../support/signing-material';

// Issue 13's threat, faithfully: a department runs MODIFIED chaincode on its own peer and creates a
// record in another department's domain. Its chaincode may compute anything, so what reaches the
// channel is a transaction whose read-write set creates a brand-new key in the other namespace,
// endorsed by the forging department's own peer. Such a transaction is built here by hand
// (support/forged-transaction.ts): a client's ordinary proposal, a response payload whose read-write
// set creates the key, signed with the forging peer's own key from the generated crypto material,
// in an envelope signed by the department's client, submitted through its own peer's gateway.
//
// Fabric judges a key's creation by its namespace's chaincode-level policy alone, and each production
// definition's is its owner's peer (network/chaincode-definitions.yaml), so every forgery must commit
// ENDORSEMENT_POLICY_FAILURE and the record stay absent on the owner's peer. The controls show that
// the construction itself is accepted, so only the endorser made the difference:
//   - the same construction endorsed by the OWNER's peer (RegistryMSP, realestate) commits VALID and
//     the registry's own GetCertificate serves the record (the key layout is the contracts' own);
//   - each department's peer key endorses a creation VALID in the smoke namespace, whose policy
//     admits any department: the forgers' signing material is good, the policy refused it.
// Both write keys no one else uses (a 2099 certificate of a 测试市, a forged-creation-* smoke key)
// and emit no event, so no other suite or the gateway's index sees them.

const code = (value: number): string =>
  Object.entries(peer.TxValidationCode).find(([, number]) => number === value)?.[0] ?? String(value);

/** A certificate number in a range of its own: no suite registers a 2099 certificate of 测试市. */
const certificateNumber = (): string => `粤(2099)测试市不动产权第${ids.digits(8)}号`;

/** A certificate record as the registry's Register would store it (FIRST, one owner). */
function certificateRecord(number: string): CertificateRecord {
  const unitNumber = ids.unitNumber();
  return issueCertificate(
    {
      certificateNumber: number,
      kind: 'TITLE',
      unitNumber,
      registrationId: registrationId(unitNumber, 1),
      registrationType: 'FIRST',
      issuedAt: new Date().toISOString(),
      holders: [
        {
          maskedName: maskName('张伪造'),
          idHash: saltedIdHash('00'.repeat(16), ids.residentId()),
          share: '1/1',
        },
      ],
      details: {},
    },
    1,
  );
}

const certificateCreation = (number: string, record = certificateRecord(number)): StateCreation => ({
  namespace: ChaincodeNames.RealEstate,
  key: recordStateKey(RecordTypes.RealEstateCertificate, number),
  value: toCanonicalBytes(record),
});

interface Forgery {
  /** The department that forges: its client proposes and signs, its peer's key endorses. */
  readonly by: string;
  /** Further peers that sign the same response (a coalition of departments). */
  readonly alsoEndorsedBy?: readonly string[];
  /** The contract the client claims to invoke, in its home definition. */
  readonly contract: DomainContract;
  readonly transaction: string;
  readonly args: readonly string[];
  readonly creations: readonly StateCreation[];
}

interface Probe {
  readonly contract: DomainContract;
  readonly transaction: string;
  readonly args: readonly string[];
}

/** What each forgery tried to create, for the gateway's answers at the end. */
const forged: { verifyRoute: string; unitNumber?: string }[] = [];
/** The owner-endorsed control certificate: a genuine peer's write, but no clerk submitted it. */
const control: { certificateNumber?: string } = {};

describe("a record created by modified chaincode in another department's domain", () => {
  jest.setTimeout(120_000);
  let t: Topology;
  const connections = new Map<string, OrgConnection>();
  const versions = new Map<ChaincodeName, string>();

  beforeAll(async () => {
    t = await topology();
    for (const org of t.peerOrgs) connections.set(org.mspId, connectAs(org));
    const deployed = await readDeploymentState();
    if (deployed.kind !== 'current')
      throw new Error('no chaincode deployed (npm run deploy -- --test-fixtures)');
    for (const [name, state] of Object.entries(deployed.state.definitions)) {
      if (state) versions.set(name as ChaincodeName, state.version);
    }
  });

  afterAll(() => connections.forEach((connection) => connection.close()));

  const connection = (mspId: string): OrgConnection => {
    const found = connections.get(mspId);
    if (!found) throw new Error(`no connection for ${mspId}`);
    return found;
  };

  /** The version the invoked definition's endorsing peer would name (Fabric requires one). */
  const versionOf = (name: ChaincodeName): string => {
    const version = versions.get(name);
    if (!version) throw new Error(`definition ${name} is not deployed (npm run deploy -- --test-fixtures)`);
    return version;
  };

  /** Builds the forgery, submits it through the forging department's own peer, and awaits its commit. */
  async function commitForged(forgery: Forgery): Promise<{ code: string; blockNumber: bigint }> {
    const client = connection(forgery.by);
    const proposal = contractOf(client.gateway.getNetwork(t.channel), forgery.contract).newProposal(
      forgery.transaction,
      { arguments: [...forgery.args] },
    );
    const transaction = forgedTransaction(client.gateway, {
      proposal,
      chaincodeVersion: versionOf(ContractHome[forgery.contract]),
      creations: forgery.creations,
      endorsers: [forgery.by, ...(forgery.alsoEndorsedBy ?? [])].map((mspId) =>
        peerSigningMaterial(findOrg(t, mspId)),
      ),
      client: userSigningMaterial(findOrg(t, forgery.by)),
    });
    const status = await (await transaction.submit()).getStatus();
    return { code: code(status.code), blockNumber: status.blockNumber };
  }

  /** Waits until the peer of `mspId` has committed `block` (its own qscc, through its gateway). */
  async function committedOn(mspId: string, block: bigint): Promise<void> {
    const qscc = connection(mspId).gateway.getNetwork(t.channel).getContract('qscc');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const info = common.BlockchainInfo.deserializeBinary(
        await qscc.evaluateTransaction('GetChainInfo', t.channel),
      );
      if (BigInt(info.getHeight()) > block) return;
      if (Date.now() > deadline)
        throw new Error(`block ${block} not committed on ${mspId}'s peer within 30 s`);
      await sleep(100);
    }
  }

  /**
   * The record as the peer of `mspId` answers once it has committed `block`: the contract's reading
   * transaction evaluated on that peer alone; undefined when it answers NOT_FOUND.
   */
  async function readOn(mspId: string, probe: Probe, block: bigint): Promise<unknown> {
    await committedOn(mspId, block);
    const contract = contractOf(connection(mspId).gateway.getNetwork(t.channel), probe.contract);
    try {
      const bytes = await contract
        .newProposal(probe.transaction, { arguments: [...probe.args], endorsingOrganizations: [mspId] })
        .evaluate();
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
    } catch (error) {
      if (errorText(error).includes('"code":"NOT_FOUND"')) return undefined;
      throw error;
    }
  }

  /** The record as the department that owns its definition answers (its peer alone may write it). */
  function onOwnersPeer(probe: Probe, block: bigint): Promise<unknown> {
    const owner = ownerOf(ContractHome[probe.contract]);
    if (!owner) throw new Error(`${probe.contract} has no single owner`);
    return readOn(owner, probe, block);
  }

  describe('controls: the hand-built transaction is one Fabric accepts', () => {
    it("commits VALID endorsed by the owner's peer (RegistryMSP), and the registry serves the certificate", async () => {
      const number = certificateNumber();
      control.certificateNumber = number;
      const record = certificateRecord(number);
      const committed = await commitForged({
        by: 'RegistryMSP',
        contract: 'realestate',
        transaction: Transactions.realestate.Register,
        args: [
          JSON.stringify({ unitNumber: record.content.unitNumber, type: 'FIRST', certificateNumber: number }),
        ],
        creations: [certificateCreation(number, record)],
      });
      expect(committed.code).toBe('VALID');
      const read = {
        contract: 'realestate',
        transaction: Transactions.realestate.GetCertificate,
        args: [number],
      } as const;
      expect(await onOwnersPeer(read, committed.blockNumber)).toEqual(record);
    });

    it.each(['MarketMSP', 'TaxMSP', 'UrbanMSP', 'RegistryMSP'])(
      "commits VALID in the smoke namespace, which any department may write, endorsed by %s's peer",
      async (mspId) => {
        const key = `forged-creation-${ids.digits(12)}`;
        const record = { key, value: 'hand-built', updatedAt: new Date().toISOString(), updatedBy: mspId };
        const committed = await commitForged({
          by: mspId,
          contract: 'smoke',
          transaction: Transactions.smoke.Put,
          args: [key, record.value],
          creations: [
            {
              namespace: ChaincodeNames.Smoke,
              key: recordStateKey(RecordTypes.Smoke, key),
              value: toCanonicalBytes(record),
            },
          ],
        });
        expect(committed.code).toBe('VALID');
        const read = { contract: 'smoke', transaction: Transactions.smoke.Get, args: [key] } as const;
        expect(await readOn(mspId, read, committed.blockNumber)).toEqual(record);
      },
    );
  });

  describe('forgeries: ENDORSEMENT_POLICY_FAILURE, and the record stays absent', () => {
    it("a certificate created in realestate, endorsed by MarketMSP's peer", async () => {
      const number = certificateNumber();
      const record = certificateRecord(number);
      forged.push({
        verifyRoute: `certificates/${encodeURIComponent(number)}`,
        unitNumber: record.content.unitNumber,
      });
      const committed = await commitForged({
        by: 'MarketMSP',
        contract: 'realestate',
        transaction: Transactions.realestate.Register,
        args: [
          JSON.stringify({ unitNumber: record.content.unitNumber, type: 'FIRST', certificateNumber: number }),
        ],
        creations: [certificateCreation(number, record)],
      });
      expect(committed.code).toBe('ENDORSEMENT_POLICY_FAILURE');
      const read = {
        contract: 'realestate',
        transaction: Transactions.realestate.GetCertificate,
        args: [number],
      } as const;
      expect(await onOwnersPeer(read, committed.blockNumber)).toBeUndefined();
    });

    it("a certificate endorsed by all three other departments' peers together", async () => {
      const number = certificateNumber();
      const committed = await commitForged({
        by: 'MarketMSP',
        alsoEndorsedBy: ['TaxMSP', 'UrbanMSP'],
        contract: 'realestate',
        transaction: Transactions.realestate.Register,
        args: [JSON.stringify({ unitNumber: ids.unitNumber(), type: 'FIRST', certificateNumber: number })],
        creations: [certificateCreation(number)],
      });
      expect(committed.code).toBe('ENDORSEMENT_POLICY_FAILURE');
      const read = {
        contract: 'realestate',
        transaction: Transactions.realestate.GetCertificate,
        args: [number],
      } as const;
      expect(await onOwnersPeer(read, committed.blockNumber)).toBeUndefined();
    });

    it("a certificate written into realestate by a transaction that claims to invoke smoke (any department's)", async () => {
      // Fabric judges every namespace a transaction writes, not only the definition it invokes.
      const number = certificateNumber();
      const key = `forged-creation-${ids.digits(12)}`;
      const committed = await commitForged({
        by: 'MarketMSP',
        contract: 'smoke',
        transaction: Transactions.smoke.Put,
        args: [key, 'cover'],
        creations: [certificateCreation(number)],
      });
      expect(committed.code).toBe('ENDORSEMENT_POLICY_FAILURE');
      const read = {
        contract: 'realestate',
        transaction: Transactions.realestate.GetCertificate,
        args: [number],
      } as const;
      expect(await onOwnersPeer(read, committed.blockNumber)).toBeUndefined();
    });

    it("a business licence created in business, endorsed by TaxMSP's peer", async () => {
      const uscc = ids.uscc();
      forged.push({ verifyRoute: `licenses/${uscc}` });
      const establishedAt = new Date().toISOString();
      const licence = {
        uscc,
        caseId: `BO-${uscc}`,
        name: `伪造${ids.digits(8)}有限公司`,
        legalRepresentative: '伪*',
        status: 'ACTIVE',
        establishedAt,
        statusHistory: [
          { status: 'ACTIVE', at: establishedAt, by: { mspId: 'TaxMSP', role: 'tax_officer' } },
        ],
      };
      const committed = await commitForged({
        by: 'TaxMSP',
        contract: 'business',
        transaction: Transactions.business.CompleteStep,
        args: [`BO-${uscc}`, 'LICENSE', `LIC-${ids.digits(6)}`],
        creations: [
          {
            namespace: ChaincodeNames.Business,
            key: recordStateKey(RecordTypes.BusinessLicense, uscc),
            value: toCanonicalBytes(licence),
          },
        ],
      });
      expect(committed.code).toBe('ENDORSEMENT_POLICY_FAILURE');
      const read = {
        contract: 'business',
        transaction: Transactions.business.GetLicense,
        args: [uscc],
      } as const;
      expect(await onOwnersPeer(read, committed.blockNumber)).toBeUndefined();
    });

    it("a deed-tax clearance created in tax, endorsed by RegistryMSP's peer (the registry clearing its own transfer)", async () => {
      const unitNumber = ids.unitNumber();
      const receiptNumber = ids.receiptNumber();
      const clearance = {
        unitNumber,
        clearanceNumber: receiptNumber,
        taxPaidCny: 1,
        transfereeCount: 1,
        recordedAt: new Date().toISOString(),
        recordedBy: { mspId: 'RegistryMSP', role: 'registry_clerk' },
      };
      const committed = await commitForged({
        by: 'RegistryMSP',
        contract: 'deedtax',
        transaction: Transactions.deedtax.RecordDeedTaxClearance,
        args: [JSON.stringify({ unitNumber, receiptNumber, taxPaidCny: 1 })],
        creations: [
          {
            namespace: ChaincodeNames.Tax,
            key: recordStateKey(RecordTypes.DeedTaxClearance, unitNumber, receiptNumber),
            value: toCanonicalBytes(clearance),
          },
        ],
      });
      expect(committed.code).toBe('ENDORSEMENT_POLICY_FAILURE');
      const read = {
        contract: 'deedtax',
        transaction: Transactions.deedtax.GetDeedTaxClearance,
        args: [unitNumber, receiptNumber],
      } as const;
      expect(await onOwnersPeer(read, committed.blockNumber)).toBeUndefined();
    });

    it("a waste bag created in waste, endorsed by RegistryMSP's peer", async () => {
      const serial = ids.bagSerial();
      const barcode = ids.barcode(serial);
      forged.push({ verifyRoute: `bags/${barcode}` });
      const bag = {
        barcode,
        districtCode: '440103',
        category: '01',
        serial,
        batchId: barcode,
        householdHash: saltedIdHash('00'.repeat(16), 'HX-household'),
        commissionedAt: new Date().toISOString(),
        commissionedBy: 'RegistryMSP',
        txId: 'forged',
      };
      const committed = await commitForged({
        by: 'RegistryMSP',
        contract: 'waste',
        transaction: Transactions.waste.CommissionBags,
        args: [JSON.stringify({ districtCode: '440103', category: '01', firstSerial: serial, count: 1 })],
        creations: [
          {
            namespace: ChaincodeNames.Waste,
            key: recordStateKey(RecordTypes.WasteBag, barcode),
            value: toCanonicalBytes(bag),
          },
        ],
      });
      expect(committed.code).toBe('ENDORSEMENT_POLICY_FAILURE');
      const read = { contract: 'waste', transaction: Transactions.waste.GetBag, args: [barcode] } as const;
      expect(await onOwnersPeer(read, committed.blockNumber)).toBeUndefined();
    });
  });

  it('leaves the gateway nothing to show for the forgeries, and does not vouch for the unsigned control', async () => {
    expect(forged.length).toBe(3);
    const dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-forged-creation-'));
    const gateway = await startGateway('forged-creation', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
      VERIFY_CACHE_TTL_MS: '0',
    });
    try {
      // a fresh index reads the whole channel, the invalidated forgeries' blocks included (and sets
      // aside only what relaxed-policy.e2e.ts let through on purpose, if it ran before)
      await indexCaughtUp(gateway.baseUrl, 120_000);
      expect(unexpectedQuarantine(path.join(dbDir, 'index.sqlite'))).toEqual([]);
      const token = apiTokens()['registry-clerk'] ?? '';
      for (const { verifyRoute, unitNumber } of forged) {
        const answer = await call(gateway.baseUrl, 'GET', `/api/v1/verify/${verifyRoute}`);
        expect({ verifyRoute, status: answer.status }).toEqual({ verifyRoute, status: 404 });
        if (unitNumber === undefined) continue;
        const acts = await call(gateway.baseUrl, 'GET', `/api/v1/real-estate/acts?unitNumber=${unitNumber}`, {
          token,
        });
        expect({ unitNumber, status: acts.status, items: acts.body['items'] }).toEqual({
          unitNumber,
          status: 200,
          items: [],
        });
      }
      // the control: endorsed by the registry's own peer, but signed by a client without the clerk's
      // role (cryptogen's User1), so verification must not call it valid: it checks who submitted it
      expect(control.certificateNumber).toBeDefined();
      const answer = await call(
        gateway.baseUrl,
        'GET',
        `/api/v1/verify/certificates/${encodeURIComponent(control.certificateNumber ?? '')}`,
      );
      expect(answer).toMatchObject({
        status: 200,
        body: {
          valid: false,
          invalidReason: { code: 'SUBMITTER_NOT_AUTHORISED' },
          proof: {
            validationCode: 'VALID',
            endorsers: ['RegistryMSP'],
            creatorMspId: 'RegistryMSP',
            creatorRole: null,
          },
        },
      });
    } finally {
      await gateway.kill('SIGTERM');
      rmSync(dbDir, { recursive: true, force: true });
    }
  });
});
