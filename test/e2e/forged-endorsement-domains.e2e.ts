import { setTimeout as sleep } from 'node:timers/promises';
import { type Contract } from '@hyperledger/fabric-gateway';
import { common, peer } from '@hyperledger/fabric-protos';
import { contractOf, type DomainContract } from '../support/contracts';
import { connectAsEnrolled, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import * as calls from '../support/hostile/chaincode-calls';
import * as ids from '../support/hostile/identifiers';
import { Transactions } from '../../chaincode/src/contract';

// "Impossible for one department to forge", per domain. Each write is proposed by the right role's
// own identity but endorsed only by the peer of a department that is not responsible for the record
// (as if that department ran modified chaincode and signed what it liked); the commit must mark it
// ENDORSEMENT_POLICY_FAILURE and the record must be absent or unchanged afterwards.
//
// Design (issue 13; network/chaincode-definitions.yaml, chaincode/src/common/definitions.ts): each
// department's records live in a chaincode definition of its own, whose chaincode-level policy is that
// department's peer alone, and there are no key-level policies. Fabric judges every write to a
// namespace, the creation of a key included, by that policy, so EVERY write below is refused: changes
// of existing keys, creations with private data, and creations of public keys only (a site, the
// LICENSE step, a scan's event, the TAX step), which the former OR-of-four policy let through unless a
// key-level policy covered them. forged-creation.e2e.ts shows the same for transactions built by hand,
// as modified chaincode would build them.

const code = (value: number): string =>
  Object.entries(peer.TxValidationCode).find(([, number]) => number === value)?.[0] ?? String(value);

describe('forged endorsement per domain', () => {
  jest.setTimeout(120_000);
  const connections = new Map<string, OrgConnection>();
  let channel = '';

  beforeAll(async () => {
    const t = await topology();
    channel = t.channel;
    const users: [string, string][] = [
      ['registry-clerk', 'RegistryMSP'],
      ['tax-officer', 'TaxMSP'],
      ['market-clerk', 'MarketMSP'],
      ['urban-inspector', 'UrbanMSP'],
      ['station-operator', 'UrbanMSP'],
    ];
    for (const [user, mspId] of users) connections.set(user, connectAsEnrolled(findOrg(t, mspId), user));
  });

  afterAll(() => connections.forEach((connection) => connection.close()));

  const contractAs = (user: string, name: DomainContract): Contract => {
    const connection = connections.get(user);
    if (!connection) throw new Error(`no connection for ${user}`);
    return contractOf(connection.gateway.getNetwork(channel), name);
  };
  const read = (write: calls.ChaincodeWrite) =>
    calls.read((name) => contractAs('registry-clerk', name), write.probe);

  /** Endorse on `orgs` only, submit, and return the commit's validation code and block. */
  async function commitStatus(
    user: string,
    write: calls.ChaincodeWrite,
    orgs: string[],
  ): Promise<{ code: string; blockNumber: bigint }> {
    const transaction = await calls.proposal(contractAs(user, write.contract), write, orgs).endorse();
    const status = await (await transaction.submit()).getStatus({ deadline: Date.now() + 150_000 });
    return { code: code(status.code), blockNumber: status.blockNumber };
  }

  const commitEndorsedBy = async (user: string, write: calls.ChaincodeWrite, orgs: string[]) =>
    (await commitStatus(user, write, orgs)).code;

  /**
   * Waits until every connected department's peer has committed `block`: getStatus answers once the
   * submitting org's peer committed it, and a forgery endorsed next by another department's peer must
   * see the genuine record there (else that peer refuses the proposal as NOT_FOUND).
   */
  async function committedEverywhere(block: bigint): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (const connection of connections.values()) {
      const qscc = connection.gateway.getNetwork(channel).getContract('qscc');
      for (;;) {
        const info = common.BlockchainInfo.deserializeBinary(
          await qscc.evaluateTransaction('GetChainInfo', channel),
        );
        if (BigInt(info.getHeight()) > block) break;
        if (Date.now() > deadline) throw new Error(`block ${block} not committed on every peer within 30 s`);
        await sleep(50);
      }
    }
  }

  /** Like commitEndorsedBy, but never rejects: the outcome of a promise started ahead of its test. */
  const outcomeOf = (user: string, write: calls.ChaincodeWrite, orgs: string[]): Promise<string> =>
    commitEndorsedBy(user, write, orgs).catch((error: unknown) => `error: ${calls.errorText(error)}`);

  async function genuine(user: string, write: calls.ChaincodeWrite): Promise<void> {
    const status = await commitStatus(user, write, [write.responsibleMsp]);
    expect(status.code).toBe('VALID');
    await committedEverywhere(status.blockNumber);
  }

  // Creations that write private data, forged by a non-member department. Fabric validates them
  // (the collection's endorsement policy fails them), but a member peer first tries to pull the
  // private data of the block for up to pullRetryThreshold (60 s) - even for an invalid transaction -
  // and commits nothing after that block meanwhile. The three are started together so the three
  // departments' peers stall at the same time, once, and a genuine write through the registry's peer
  // measures the stall.
  const forgedPrivate = {
    unit: calls.firstRegistration(),
    case: calls.openCase(),
    bags: calls.commissionBags(),
  };
  let pending: { unit: Promise<string>; case: Promise<string>; bags: Promise<string> } | undefined;
  let genuineCommitMillis = 0;

  beforeAll(async () => {
    pending = {
      unit: outcomeOf('registry-clerk', forgedPrivate.unit, ['MarketMSP']),
      case: outcomeOf('market-clerk', forgedPrivate.case, ['RegistryMSP']),
      bags: outcomeOf('urban-inspector', forgedPrivate.bags, ['TaxMSP']),
    };
    await sleep(3_000); // let the forged transactions reach a block first
    const started = Date.now();
    const smoke = calls.proposal(contractAs('registry-clerk', 'smoke'), smokePut(), ['RegistryMSP']);
    const committed = await (
      await (await smoke.endorse()).submit()
    ).getStatus({ deadline: Date.now() + 150_000 });
    expect(code(committed.code)).toBe('VALID');
    genuineCommitMillis = Date.now() - started;
  }, 200_000);

  afterAll(async () => {
    if (pending) await Promise.all(Object.values(pending));
  }, 200_000);

  const settled = (name: 'unit' | 'case' | 'bags'): Promise<string> => {
    if (!pending) throw new Error('the forged transactions start in beforeAll');
    return pending[name];
  };

  describe('real estate', () => {
    it('invalidates a FIRST registration endorsed only by MarketMSP; the unit stays absent', async () => {
      expect(await settled('unit')).toBe('ENDORSEMENT_POLICY_FAILURE');
      expect(await read(forgedPrivate.unit)).toBeUndefined();
    }, 200_000);

    it('invalidates a SEIZURE of an existing unit endorsed only by MarketMSP; the unit is unchanged', async () => {
      const first = calls.firstRegistration();
      await genuine('registry-clerk', first);
      const before = await read(first);
      const forged = calls.seizure(String(first.probe.args[0]));
      expect(await commitEndorsedBy('registry-clerk', forged, ['MarketMSP'])).toBe(
        'ENDORSEMENT_POLICY_FAILURE',
      );
      expect(await read(first)).toEqual(before);
    });
  });

  describe('business opening', () => {
    it('invalidates a case opening endorsed only by RegistryMSP; the case stays absent', async () => {
      expect(await settled('case')).toBe('ENDORSEMENT_POLICY_FAILURE');
      expect(await read(forgedPrivate.case)).toBeUndefined();
    }, 200_000);

    // A creation of public keys only (the step and the licence): the business definition's own policy.
    it('invalidates a LICENSE step of an existing case endorsed only by RegistryMSP; no licence appears', async () => {
      const uscc = ids.uscc();
      await genuine('market-clerk', calls.openCase(uscc));
      const forged = calls.completeStep(uscc, 'LICENSE');
      expect(await commitEndorsedBy('market-clerk', forged, ['RegistryMSP'])).toBe(
        'ENDORSEMENT_POLICY_FAILURE',
      );
      expect(await read(forged)).toBeUndefined();
    });
  });

  describe('tax', () => {
    // The registry forging the clearance its own TRANSFER will need: the tax definition refuses it.
    it('invalidates a deed-tax clearance endorsed only by RegistryMSP; the clearance stays absent', async () => {
      const unit = calls.firstRegistration();
      await genuine('registry-clerk', unit);
      const forged = calls.deedTaxClearance(String(unit.probe.args[0]));
      expect(await commitEndorsedBy('tax-officer', forged, ['RegistryMSP'])).toBe(
        'ENDORSEMENT_POLICY_FAILURE',
      );
      expect(await read(forged)).toBeUndefined();
    });

    // The market regulator completing the tax bureau's step (public keys only): refused the same way.
    it('invalidates a TAX step endorsed only by MarketMSP; the case has no TAX step', async () => {
      const uscc = ids.uscc();
      await genuine('market-clerk', calls.openCase(uscc));
      await genuine('market-clerk', calls.completeStep(uscc, 'LICENSE'));
      const forged = calls.completeTaxStep(uscc);
      expect(await commitEndorsedBy('tax-officer', forged, ['MarketMSP'])).toBe('ENDORSEMENT_POLICY_FAILURE');
      expect(await read(forged)).toBeUndefined();
    });
  });

  describe('waste', () => {
    it('invalidates a bag commission endorsed only by TaxMSP; the bag stays absent', async () => {
      expect(await settled('bags')).toBe('ENDORSEMENT_POLICY_FAILURE');
      expect(await read(forgedPrivate.bags)).toBeUndefined();
    }, 200_000);

    // A creation of a public key only: the waste definition's own policy refuses it.
    it('invalidates a site registration endorsed only by TaxMSP; the site stays absent', async () => {
      const write = calls.registerSite();
      expect(await commitEndorsedBy('urban-inspector', write, ['TaxMSP'])).toBe('ENDORSEMENT_POLICY_FAILURE');
      expect(await read(write)).toBeUndefined();
    });

    // The scan creates the bag's COLLECTED event key, public only: refused by the waste policy.
    it('invalidates a scan of a commissioned bag endorsed only by TaxMSP; the bag has no scan', async () => {
      const station = calls.registerSite();
      await genuine('urban-inspector', station);
      const serial = ids.bagSerial();
      await genuine('urban-inspector', calls.commissionBags(serial));
      const forged = calls.recordScan(ids.barcode(serial), String(station.probe.args[0]));
      const before = await read(forged);
      expect(await commitEndorsedBy('station-operator', forged, ['TaxMSP'])).toBe(
        'ENDORSEMENT_POLICY_FAILURE',
      );
      expect(await read(forged)).toEqual(before);
    });
  });

  describe('availability', () => {
    // A forged, invalid transaction must not hold up the genuine writes of the department it targets.
    it("does not stall a department's peer: a genuine write commits within 20 s of the forgeries", () => {
      expect(genuineCommitMillis).toBeGreaterThan(0);
      expect(genuineCommitMillis).toBeLessThan(20_000);
    });
  });
});

function smokePut(): calls.ChaincodeWrite {
  const key = `forged-stall-${ids.digits(10)}`;
  return {
    contract: 'smoke',
    transaction: Transactions.smoke.Put,
    args: [key, 'genuine'],
    responsibleMsp: 'RegistryMSP',
    probe: { contract: 'smoke', transaction: Transactions.smoke.Get, args: [key] },
  };
}
