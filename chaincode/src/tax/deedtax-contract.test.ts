// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { saltedIdHash } from '../common/personal-data';
import { toCanonicalBytes } from '../common/canonical-json';
import {
  type ChaincodeError,
  ChaincodeError as ChaincodeErrorClass,
  parseChaincodeErrorMessage,
} from '../common/errors';
import { contracts } from '../definitions/tax';
import { BusinessTaxContract } from './business-tax-contract';
import { TaxProofContract } from '../proof/proof-contract';
import { registrationKey } from '../realestate/keys';
import { type RegistrationRecord } from '../realestate/registration-record';
import { InMemoryLedger, type InMemoryStub, identityForRole } from '../testing';
import { channelLedger, DefinitionEntries } from '../testing/channel';
import { commitEndorsedBy } from '../testing/endorsement-simulation';
import { eventShapeProblems } from '../testing/event-shapes';
import {
  CLEARANCE_TAX_PAID_FEN,
  clearanceTx,
  firstRegistration,
  OTHER_UNIT,
  people,
  recordClearance,
  register,
  registerTx,
  registryClerk,
  soleOwner,
  taxOfficer,
  transferRequest,
  UNIT,
} from '../testing/registry-fixtures';
import { DeedTaxContract } from './deedtax-contract';
import { clearanceKey } from './keys';
import { MAX_TAX_PAID_FEN } from './tax-paid';
import { judgeTransfers } from './unit-transfer-audit';

const deedtax = new DeedTaxContract();
const [alice, bob, carol] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return ((await failure(promise)) as ChaincodeError).code;
}

function taxRead(ledger: InMemoryLedger, identity = taxOfficer): InMemoryStub {
  return ledger.newTransaction({ identity, chaincodeName: 'tax' });
}

async function audit(
  ledger: InMemoryLedger,
): Promise<{ transfers: Record<string, unknown>[]; irregular: number }> {
  return JSON.parse(await deedtax.AuditUnitTransfers(taxRead(ledger).ctx, UNIT)) as {
    transfers: Record<string, unknown>[];
    irregular: number;
  };
}

describe('the tax definition entry', () => {
  it('serves deedtax (default), businesstax and its proof, as definitions.ts lists them', () => {
    expect(contracts).toEqual([DeedTaxContract, BusinessTaxContract, TaxProofContract]);
    expect(DefinitionEntries.tax).toBe(contracts);
    expect(deedtax.getName()).toBe('deedtax');
  });
});

describe('RecordDeedTaxClearance reads the unit from the registry (realestate:GetUnit)', () => {
  it("binds the clearance to the registry's titleVersion and writes only the tax namespace", async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    const { tx, answer } = clearanceTx(ledger, UNIT, 'QS-1', [carol]);
    expect(JSON.parse(await answer)).toEqual({ clearanceNumber: 'QS-1', unitNumber: UNIT, titleVersion: 1 });
    expect(new Set(tx.pendingWrites().map((write) => write.chaincodeName))).toEqual(new Set(['tax']));
    expect(commitEndorsedBy(ledger, tx, ['TaxMSP'])).toMatchObject({ validationCode: 'VALID' });
    expect(ledger.stateKeys('tax')).toEqual([clearanceKey(taxRead(ledger).ctx, UNIT, 'QS-1')]);
  });

  it("answers an unknown unit with the registry's NOT_FOUND and writes nothing", async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    const { tx, answer } = clearanceTx(ledger, OTHER_UNIT, 'QS-1', [carol]);
    const error = await failure(answer);
    expect(error).toBeInstanceOf(ChaincodeErrorClass);
    expect(parseChaincodeErrorMessage(error.message)).toEqual({
      code: 'NOT_FOUND',
      message: `unit ${OTHER_UNIT} not found`,
      details: [],
    });
    expect(tx.pendingWrites()).toEqual([]);
  });

  it('is invalidated when the unit changes hands between its simulation and its commit (MVCC on the unit)', async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-1', [carol]);
    const late = clearanceTx(ledger, UNIT, 'QS-2', [bob]);
    await late.answer;
    await register(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]);
    expect(late.tx.commit().validationCode).toBe('MVCC_READ_CONFLICT');
  });

  it('is refused to a registry clerk, and a clearance cannot be created without the tax bureau', async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    const tx = ledger.newTransaction({
      identity: registryClerk,
      chaincodeName: 'tax',
      transient: { transferees: JSON.stringify([{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]) },
    });
    expect(
      await codeOf(
        deedtax.RecordDeedTaxClearance(tx.ctx, JSON.stringify({ unitNumber: UNIT, clearanceNumber: 'QS-1' })),
      ),
    ).toBe('FORBIDDEN');
    const forged = clearanceTx(ledger, UNIT, 'QS-1', [carol]);
    await forged.answer;
    expect(commitEndorsedBy(ledger, forged.tx, ['RegistryMSP', 'MarketMSP', 'UrbanMSP'])).toMatchObject({
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      chaincodeName: 'tax',
    });
    expect(ledger.stateKeys('tax')).toEqual([]);
  });
});

describe('Register TRANSFER reads the clearance from tax (deedtax:GetDeedTaxClearance)', () => {
  it('commits with a clearance of the current generation, endorsed by the registry alone', async () => {
    const ledger = channelLedger('realestate');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-1', [carol]);
    const { tx, answer } = registerTx(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]);
    expect(JSON.parse(await answer)).toMatchObject({ type: 'TRANSFER', sequence: 2 });
    expect(new Set(tx.pendingWrites().map((write) => write.chaincodeName))).toEqual(new Set(['realestate']));
    expect(commitEndorsedBy(ledger, tx, ['RegistryMSP'])).toMatchObject({ validationCode: 'VALID' });
  });

  it('is refused with RULE_VIOLATION (422) when the tax bureau recorded no such clearance', async () => {
    const ledger = channelLedger('realestate');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-9', [carol]); // another number
    const { tx, answer } = registerTx(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]);
    const error = await failure(answer);
    expect(parseChaincodeErrorMessage(error.message)).toMatchObject({
      code: 'RULE_VIOLATION',
      details: [{ field: 'deedTaxClearanceNumber' }],
    });
    expect(tx.pendingWrites()).toEqual([]);
  });

  it('is refused when the clearance was used by an earlier TRANSFER (it names the old generation)', async () => {
    const ledger = channelLedger('realestate');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-1', [carol]);
    await register(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]);
    const again = registerTx(ledger, transferRequest(UNIT, '09400121', 'QS-1'), [soleOwner(carol)]);
    const error = await failure(again.answer);
    expect(parseChaincodeErrorMessage(error.message)?.message).toMatch(/earlier ownership/);
  });

  it("puts the clearance in the TRANSFER's read set: a clearance changed before commit invalidates it", async () => {
    const ledger = channelLedger('realestate');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-1', [carol]);
    const { tx, answer } = registerTx(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]);
    await answer;
    const change = ledger.newTransaction({ identity: taxOfficer, chaincodeName: 'tax' });
    const key = clearanceKey(change.ctx, UNIT, 'QS-1');
    await change.putState(key, ledger.getState(key, 'tax') ?? Buffer.alloc(0));
    expect(change.commit().validationCode).toBe('VALID');
    expect(tx.commit().validationCode).toBe('MVCC_READ_CONFLICT');
  });

  it('lets any other failure of the read through as a 500, never as a missing clearance', async () => {
    // a channel where the tax definition is not installed on this peer
    const ledger = new InMemoryLedger({
      chaincodeName: 'realestate',
      chaincodes: { realestate: { contracts: DefinitionEntries.realestate } },
    });
    await firstRegistration(ledger);
    const { answer } = registerTx(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]);
    const error = await failure(answer);
    expect(error).not.toBeInstanceOf(ChaincodeErrorClass);
    expect(error.message).toMatch(/^the call tax deedtax:GetDeedTaxClearance was refused: /);
    expect(parseChaincodeErrorMessage(error.message)).toBeUndefined();
  });

  it('answers GetDeedTaxClearance: VALIDATION_FAILED for a malformed number, NOT_FOUND for an unknown one', async () => {
    const ledger = channelLedger('tax');
    const tx = taxRead(ledger, registryClerk);
    expect(await codeOf(deedtax.GetDeedTaxClearance(tx.ctx, UNIT, 'QS 1'))).toBe('VALIDATION_FAILED');
    expect(await codeOf(deedtax.GetDeedTaxClearance(tx.ctx, UNIT, 'QS-404'))).toBe('NOT_FOUND');
  });
});

describe('AuditUnitTransfers', () => {
  /** A TRANSFER the registry's peer recorded without the clearance check (modified chaincode). */
  async function forgeTransfer(ledger: InMemoryLedger, sequence: number, clearanceNumber: string | null) {
    const tx = ledger.newTransaction({ identity: registryClerk, chaincodeName: 'realestate' });
    const record = {
      registrationId: `${UNIT}-${String(sequence).padStart(8, '0')}`,
      unitNumber: UNIT,
      sequence,
      type: 'TRANSFER',
      txId: tx.getTxID(),
      registeredAt: tx.getDateTimestamp().toISOString(),
      clerk: { mspId: 'RegistryMSP', role: 'registry_clerk', id: 'x509::forger' },
      certificateNumber: null,
      certificateContentHash: null,
      certificateChanges: [],
      holders: null,
      unitStatus: 'REGISTERED',
      details: clearanceNumber === null ? {} : { deedTaxClearanceNumber: clearanceNumber },
    };
    await tx.putState(registrationKey(tx.ctx, UNIT, sequence), toCanonicalBytes(record));
    expect(tx.commit().validationCode).toBe('VALID');
  }

  it('finds every honest TRANSFER covered by its own clearance', async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-1', [carol]);
    const first = await register(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]);
    await recordClearance(ledger, UNIT, 'QS-2', [alice]);
    await register(ledger, transferRequest(UNIT, '09400121', 'QS-2'), [soleOwner(alice)]);
    const answer = await audit(ledger);
    expect(answer.irregular).toBe(0);
    expect(answer.transfers).toEqual([
      {
        registrationId: `${UNIT}-00000002`,
        sequence: 2,
        txId: first.getTxID(),
        registeredAt: first.getDateTimestamp().toISOString(),
        clerk: expect.objectContaining({ mspId: 'RegistryMSP', role: 'registry_clerk' }) as unknown,
        clearanceNumber: 'QS-1',
        titleVersionBefore: 1,
        clearanceTitleVersion: 1,
        verdict: 'OK',
        alsoNamedBy: [],
      },
      expect.objectContaining({ clearanceNumber: 'QS-2', titleVersionBefore: 2, verdict: 'OK' }) as unknown,
    ]);
  });

  it('lists missing, reused and wrong-generation clearances of TRANSFERs the registry let through', async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-1', [carol]);
    await register(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]); // seq 2: gen 1 → 2
    await forgeTransfer(ledger, 3, 'QS-1'); // reuses QS-1
    await forgeTransfer(ledger, 4, 'QS-404'); // never recorded
    await forgeTransfer(ledger, 5, null); // names none
    await recordClearance(ledger, UNIT, 'QS-5', [bob]); // the unit says generation 2: recorded for 2
    await forgeTransfer(ledger, 6, 'QS-5'); // the 5th TRANSFER: the unit was at generation 5
    const answer = await audit(ledger);
    expect(answer.transfers.map((t) => [t.sequence, t.clearanceNumber, t.verdict, t.alsoNamedBy])).toEqual([
      [2, 'QS-1', 'REUSED', [`${UNIT}-00000003`]],
      [3, 'QS-1', 'REUSED', [`${UNIT}-00000002`]],
      [4, 'QS-404', 'MISSING', []],
      [5, null, 'MISSING', []],
      [6, 'QS-5', 'WRONG_GENERATION', []],
    ]);
    expect(answer.transfers[4]).toMatchObject({ titleVersionBefore: 5, clearanceTitleVersion: 2 });
    expect(answer.irregular).toBe(5);
  });

  it('answers NOT_FOUND for an unknown unit, VALIDATION_FAILED for a bad number, FORBIDDEN to others', async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    expect(await codeOf(deedtax.AuditUnitTransfers(taxRead(ledger).ctx, OTHER_UNIT))).toBe('NOT_FOUND');
    expect(await codeOf(deedtax.AuditUnitTransfers(taxRead(ledger).ctx, 'x'))).toBe('VALIDATION_FAILED');
    for (const role of [Roles.RegistryClerk, Roles.MarketClerk]) {
      const tx = taxRead(ledger, identityForRole(role));
      expect(await codeOf(deedtax.AuditUnitTransfers(tx.ctx, UNIT))).toBe('FORBIDDEN');
    }
    const reader = taxRead(ledger);
    await deedtax.AuditUnitTransfers(reader.ctx, UNIT);
    expect(reader.pendingWrites()).toEqual([]);
  });

  it('judges by the first verdict that applies (MISSING, REUSED, WRONG_GENERATION), else OK', () => {
    const transfer = (sequence: number, number: string): RegistrationRecord =>
      ({
        registrationId: `r${sequence}`,
        sequence,
        type: 'TRANSFER',
        details: { deedTaxClearanceNumber: number },
      }) as unknown as RegistrationRecord;
    const clearance = (titleVersion: number) => ({ titleVersion }) as never;
    const verdicts = judgeTransfers(
      [transfer(2, 'A'), transfer(3, 'A'), transfer(4, 'B'), transfer(5, 'C')],
      new Map([
        ['A', clearance(9)],
        ['B', undefined],
        ['C', clearance(4)],
      ]),
    ).map((t) => t.verdict);
    expect(verdicts).toEqual(['REUSED', 'REUSED', 'MISSING', 'OK']);
  });
});

describe('DeedTaxClearanceRecorded: the event the index lists clearances from', () => {
  /** A RecordDeedTaxClearance with `request` (JSON) for carol, simulated: its events, writes and answer. */
  function recordWith(ledger: InMemoryLedger, request: Record<string, unknown>) {
    const tx = ledger.newTransaction({
      identity: taxOfficer,
      chaincodeName: 'tax',
      transient: { transferees: JSON.stringify([{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]) },
    });
    return { tx, answer: deedtax.RecordDeedTaxClearance(tx.ctx, JSON.stringify(request)) };
  }

  const valid = { unitNumber: UNIT, clearanceNumber: 'QS-1', taxPaidFen: CLEARANCE_TAX_PAID_FEN };

  it('is emitted once per clearance with the public facts only: unit, number, tax paid, time, officer, hashes', async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    const { tx, answer } = recordWith(ledger, valid);
    await answer;
    expect(tx.events.map((event) => event.name)).toEqual(['DeedTaxClearanceRecorded']);
    const committed = tx.commit();
    expect(committed.validationCode).toBe('VALID');
    const [event] = ledger.events.filter((e) => e.txId === tx.getTxID());
    expect(event).toMatchObject({ name: 'DeedTaxClearanceRecorded', chaincodeName: 'tax' });
    const text = event?.payload.toString('utf8') ?? '';
    expect(JSON.parse(text)).toEqual({
      clearanceNumber: 'QS-1',
      unitNumber: UNIT,
      titleVersion: 1,
      transfereeIdHashes: [saltedIdHash(carol.clearanceSalt, carol.idNumber)],
      taxPaidFen: CLEARANCE_TAX_PAID_FEN,
      recordedAt: tx.getDateTimestamp().toISOString(),
      officer: {
        mspId: 'TaxMSP',
        role: 'tax_officer',
        id: expect.stringMatching(/^x509::/) as unknown,
      },
    });
    expect(eventShapeProblems(event === undefined ? [] : [event])).toEqual([]);
    // canonical JSON (sorted keys), and nothing personal: no ID number, salt or name of a transferee
    expect(text).toBe(Buffer.from(toCanonicalBytes(JSON.parse(text))).toString('utf8'));
    for (const secret of [carol.idNumber, carol.clearanceSalt, carol.name])
      expect(text).not.toContain(secret);
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['a number instead of a string', 3000000],
    ['zero', '0'],
    ['negative', '-1'],
    ['yuan with decimals', '30000.00'],
    ['a leading zero', '03000000'],
    ['exponent form', '3e6'],
    ['one digit too many', '1'.repeat(16)],
    ['empty', ''],
    ['padded', ' 3000000'],
  ])(
    'refuses a tax paid that is %s with VALIDATION_FAILED naming taxPaidFen; no event, no write',
    async (_what, taxPaidFen) => {
      const ledger = channelLedger('tax');
      await firstRegistration(ledger);
      const { tx, answer } = recordWith(ledger, { ...valid, taxPaidFen });
      expect(parseChaincodeErrorMessage((await failure(answer)).message)).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'taxPaidFen' }],
      });
      expect(tx.events).toEqual([]);
      expect(tx.pendingWrites()).toEqual([]);
    },
  );

  it.each([
    ['one fen', '1'],
    ['the largest amount', String(MAX_TAX_PAID_FEN)],
  ])('records %s exactly, as the string it was given', async (_what, taxPaidFen) => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    const { tx, answer } = recordWith(ledger, { ...valid, taxPaidFen });
    await answer;
    expect(JSON.parse(tx.events[0]?.payload.toString('utf8') ?? '{}')).toMatchObject({ taxPaidFen });
    expect(tx.commit().validationCode).toBe('VALID');
    const read = await deedtax.GetDeedTaxClearance(taxRead(ledger, registryClerk).ctx, UNIT, 'QS-1');
    expect(JSON.parse(read)).toMatchObject({ taxPaidFen });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a second clearance under the same number', valid, 'CONFLICT'],
    ['a clearance of an unknown unit', { ...valid, unitNumber: OTHER_UNIT }, 'NOT_FOUND'],
  ])('is not emitted for %s (%s)', async (_what, request, code) => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-1', [carol]);
    const before = ledger.events.length;
    const { tx, answer } = recordWith(ledger, request);
    expect(await codeOf(answer)).toBe(code);
    expect(tx.events).toEqual([]);
    expect(ledger.events).toHaveLength(before);
  });

  it('reads a clearance stored before the tax paid was recorded with taxPaidFen null', async () => {
    const ledger = channelLedger('tax');
    await firstRegistration(ledger);
    const old = ledger.newTransaction({ identity: taxOfficer, chaincodeName: 'tax' });
    await old.putState(
      clearanceKey(old.ctx, UNIT, 'QS-OLD'),
      toCanonicalBytes({
        clearanceNumber: 'QS-OLD',
        unitNumber: UNIT,
        titleVersion: 1,
        transfereeIdHashes: [saltedIdHash(carol.clearanceSalt, carol.idNumber)],
        recordedAt: '2026-03-01T08:00:00.000Z',
        officer: { mspId: 'TaxMSP', role: 'tax_officer', id: 'x509::/CN=tax-officer::/CN=ca' },
        txId: 'old',
      }),
    );
    expect(old.commit().validationCode).toBe('VALID');
    const read = await deedtax.GetDeedTaxClearance(taxRead(ledger, registryClerk).ctx, UNIT, 'QS-OLD');
    expect(JSON.parse(read)).toMatchObject({ clearanceNumber: 'QS-OLD', taxPaidFen: null });
  });

  it("is named by the TRANSFER that uses it: RealEstateRegistered's registration.details, as the index joins them", async () => {
    const ledger = channelLedger('realestate');
    await firstRegistration(ledger);
    await recordClearance(ledger, UNIT, 'QS-1', [carol]);
    const transfer = await register(ledger, transferRequest(UNIT, '09400120', 'QS-1'), [soleOwner(carol)]);
    const [recorded, registered] = ledger.events.slice(-2);
    expect([recorded?.name, registered?.name]).toEqual(['DeedTaxClearanceRecorded', 'RealEstateRegistered']);
    expect(registered?.txId).toBe(transfer.getTxID());
    expect(eventShapeProblems(ledger.events)).toEqual([]);
    const payload = JSON.parse(registered?.payload.toString('utf8') ?? '{}') as {
      registration: { type: string; unitNumber: string; details: Record<string, string> };
    };
    expect(payload.registration).toMatchObject({
      type: 'TRANSFER',
      unitNumber: UNIT,
      details: { deedTaxClearanceNumber: 'QS-1' },
    });
  });
});
