// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { type Role, Roles } from '../common/access';
import { type ChaincodeError, parseChaincodeErrorMessage } from '../common/errors';
import { BusinessContract } from '../business/business-contract';
import { contracts as businessEntry } from '../definitions/business';
import { contracts as taxEntry } from '../definitions/tax';
import { type InMemoryLedger, ShimRouter, identityForRole } from '../testing';
import { channelLedger } from '../testing/channel';
import { commitEndorsedBy } from '../testing/endorsement-simulation';
import { BusinessTaxContract } from './business-tax-contract';

const business = new BusinessContract();
const businessTax = new BusinessTaxContract();
const USCC = '91350100M000100Y43';
const CASE_ID = `BO-${USCC}`;
const OTHER_CASE = 'BO-9144030071526726XG';
const PERSON = { name: '欧阳小明', idNumber: '11010519491231002x', salt: '0123456789abcdef0123456789ABCDEF' };
const REQUEST = {
  uscc: USCC,
  name: '广州市 ABC 科技有限公司',
  entityType: 'LIMITED_LIABILITY_COMPANY',
  registeredCapitalCny: '1000000.50',
  address: '广州市越秀区某路1号',
  businessScope: '软件开发',
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as ChaincodeError).code;
  }
  throw new Error('expected a failure');
}

/** A ledger with a case opened at 01:00 and, unless `licensed` is false, its LICENSE at 02:00. */
async function caseLedger(licensed = true): Promise<InMemoryLedger> {
  const ledger = channelLedger('tax');
  const open = ledger.newTransaction({
    identity: identityForRole(Roles.MarketClerk),
    chaincodeName: 'business',
    timestamp: '2026-03-02T01:00:00.000Z',
    transient: { legalRepresentative: JSON.stringify(PERSON) },
  });
  await business.OpenCase(open.ctx, JSON.stringify(REQUEST));
  expect(open.commit().validationCode).toBe('VALID');
  if (licensed) await businessWrite(ledger, (ctx) => business.CompleteStep(ctx, CASE_ID, 'LICENSE', 'L-1'));
  return ledger;
}

async function businessWrite(
  ledger: InMemoryLedger,
  call: (ctx: ReturnType<InMemoryLedger['newTransaction']>['ctx']) => Promise<string>,
): Promise<void> {
  const tx = ledger.newTransaction({
    identity: identityForRole(Roles.MarketClerk),
    chaincodeName: 'business',
    timestamp: '2026-03-02T02:00:00.000Z',
  });
  await call(tx.ctx);
  expect(tx.commit().validationCode).toBe('VALID');
}

function taxTx(
  ledger: InMemoryLedger,
  role: Role = Roles.TaxOfficer,
  timestamp = '2026-03-02T03:00:00.000Z',
) {
  return ledger.newTransaction({ identity: identityForRole(role), chaincodeName: 'tax', timestamp });
}

describe('BusinessTaxContract.CompleteTaxStep', () => {
  it("records the TAX step in the tax namespace with today's event, read back by business GetCase", async () => {
    const ledger = await caseLedger();
    const tx = taxTx(ledger);
    expect(
      JSON.parse(await businessTax.CompleteTaxStep(tx.ctx, CASE_ID.toLowerCase(), ' 税务登记 T-1 ')),
    ).toEqual({
      caseId: CASE_ID,
      step: 'TAX',
      completedAt: '2026-03-02T03:00:00.000Z',
    });
    expect(tx.pendingWrites().map((write) => [write.chaincodeName, write.key])).toEqual([
      ['tax', `\u0000business.taxStep\u0000${CASE_ID}\u0000`],
    ]);
    expect(tx.pendingValidationParameterWrites()).toEqual([]);
    expect(commitEndorsedBy(ledger, tx, ['TaxMSP'])).toMatchObject({ validationCode: 'VALID' });
    const [event] = ledger.events.filter((candidate) => candidate.chaincodeName === 'tax');
    expect(event?.name).toBe('BusinessStepCompleted');
    expect(JSON.parse(event?.payload.toString() ?? '')).toEqual({
      caseId: CASE_ID,
      uscc: USCC,
      name: REQUEST.name,
      step: 'TAX',
      reference: '税务登记 T-1',
      completedAt: '2026-03-02T03:00:00.000Z',
      completedBy: { mspId: 'TaxMSP', role: 'tax_officer' },
      openedAt: '2026-03-02T01:00:00.000Z',
    });

    const reader = ledger.newTransaction({ identity: identityForRole(Roles.Hauler), chaincodeName: 'tax' });
    expect(JSON.parse(await businessTax.GetTaxStep(reader.ctx, CASE_ID))).toMatchObject({
      caseId: CASE_ID,
      step: 'TAX',
      reference: '税务登记 T-1',
      completedBy: { mspId: 'TaxMSP', role: 'tax_officer' },
    });
    const view = ledger.newTransaction({
      identity: identityForRole(Roles.Hauler),
      chaincodeName: 'business',
    });
    const steps = (
      JSON.parse(await business.GetCase(view.ctx, CASE_ID)) as { steps: Record<string, unknown>[] }
    ).steps;
    expect(steps.map((step) => [step.step, step.status])).toEqual([
      ['LICENSE', 'DONE'],
      ['SEAL', 'PENDING'],
      ['TAX', 'DONE'],
      ['SOCIAL_SECURITY', 'PENDING'],
      ['HOUSING_FUND', 'PENDING'],
      ['BANK_ACCOUNT', 'PENDING'],
    ]);
    expect(steps[2]).toEqual({
      step: 'TAX',
      status: 'DONE',
      reference: '税务登记 T-1',
      completedAt: '2026-03-02T03:00:00.000Z',
      completedBy: expect.objectContaining({ mspId: 'TaxMSP', role: 'tax_officer' }) as unknown,
    });
  });

  it('shows TAX as PENDING in GetCase until the tax bureau completes it', async () => {
    const ledger = await caseLedger();
    const view = ledger.newTransaction({
      identity: identityForRole(Roles.TaxOfficer),
      chaincodeName: 'business',
    });
    const answer = JSON.parse(await business.GetCase(view.ctx, CASE_ID)) as {
      steps: { step: string; status: string }[];
    };
    expect(answer.steps.find((step) => step.step === 'TAX')).toEqual({ step: 'TAX', status: 'PENDING' });
    const reader = taxTx(ledger);
    expect(await codeOf(businessTax.GetTaxStep(reader.ctx, CASE_ID))).toBe('NOT_FOUND');
  });

  it('refuses an unknown case (NOT_FOUND), a case without licence (RULE_VIOLATION) and a second TAX (CONFLICT)', async () => {
    const ledger = await caseLedger(false);
    expect(await codeOf(businessTax.CompleteTaxStep(taxTx(ledger).ctx, OTHER_CASE, 'T'))).toBe('NOT_FOUND');
    const early = taxTx(ledger);
    const error = await codeOf(businessTax.CompleteTaxStep(early.ctx, CASE_ID, 'T'));
    expect(error).toBe('RULE_VIOLATION');
    expect(early.pendingWrites()).toEqual([]);
    await businessWrite(ledger, (ctx) => business.CompleteStep(ctx, CASE_ID, 'LICENSE', 'L-1'));
    const first = taxTx(ledger);
    await businessTax.CompleteTaxStep(first.ctx, CASE_ID, 'T');
    first.commit();
    expect(await codeOf(businessTax.CompleteTaxStep(taxTx(ledger).ctx, CASE_ID, 'T'))).toBe('CONFLICT');
  });

  it('refuses TAX once the licence is cancelled, in the words of every other step', async () => {
    const ledger = await caseLedger();
    await businessWrite(ledger, (ctx) =>
      business.ChangeLicenseStatus(ctx, USCC, 'CANCELLED', '股东决定解散'),
    );
    const tx = taxTx(ledger);
    try {
      await businessTax.CompleteTaxStep(tx.ctx, CASE_ID, 'T');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(parseChaincodeErrorMessage((error as Error).message)).toEqual({
        code: 'RULE_VIOLATION',
        message: 'step TAX is not possible: the licence is CANCELLED',
        details: [{ field: 'step', message: 'licence is CANCELLED' }],
      });
    }
  });

  it('is invalidated when the licence is cancelled between its simulation and its commit', async () => {
    const ledger = await caseLedger();
    const tx = taxTx(ledger);
    await businessTax.CompleteTaxStep(tx.ctx, CASE_ID, 'T');
    await businessWrite(ledger, (ctx) => business.ChangeLicenseStatus(ctx, USCC, 'REVOKED', '依法吊销'));
    expect(tx.commit().validationCode).toBe('MVCC_READ_CONFLICT');
  });

  it.each([
    ['a market clerk', Roles.MarketClerk, CASE_ID, 'T', 'FORBIDDEN'],
    ['a registry clerk', Roles.RegistryClerk, CASE_ID, 'T', 'FORBIDDEN'],
    ['an empty reference', Roles.TaxOfficer, CASE_ID, ' ', 'VALIDATION_FAILED'],
    ['a 101-character reference', Roles.TaxOfficer, CASE_ID, 'x'.repeat(101), 'VALIDATION_FAILED'],
    ['a malformed case id', Roles.TaxOfficer, 'BO-123', 'T', 'VALIDATION_FAILED'],
  ])('refuses %s', async (_label, role, caseId, reference, code) => {
    const ledger = await caseLedger();
    expect(await codeOf(businessTax.CompleteTaxStep(taxTx(ledger, role).ctx, caseId, reference))).toBe(code);
  });

  it('cannot be written by market regulation, even running modified chaincode', async () => {
    const ledger = await caseLedger();
    const tx = taxTx(ledger);
    await businessTax.CompleteTaxStep(tx.ctx, CASE_ID, 'T');
    expect(commitEndorsedBy(ledger, tx, ['MarketMSP', 'RegistryMSP', 'UrbanMSP'])).toMatchObject({
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      chaincodeName: 'tax',
    });
    expect(ledger.stateKeys('tax')).toEqual([]);
  });
});

describe('the TAX step through the contract routers, as the chaincode servers run it', () => {
  it('routes tax businesstax:CompleteTaxStep (which reads business) and business business:GetCase (which reads tax)', async () => {
    const ledger = await caseLedger();
    const submit = ledger.newTransaction({
      identity: identityForRole(Roles.TaxOfficer),
      chaincodeName: 'tax',
      args: ['businesstax:CompleteTaxStep', CASE_ID, 'T-9'],
    });
    const done = await new ShimRouter(taxEntry).invoke(submit);
    expect([done.status, done.message]).toEqual([200, '']);
    expect(submit.commit().validationCode).toBe('VALID');
    const view = ledger.newTransaction({
      identity: identityForRole(Roles.Hauler),
      chaincodeName: 'business',
      args: ['business:GetCase', CASE_ID],
    });
    const answer = await new ShimRouter(businessEntry).invoke(view);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(JSON.parse(answer.payload.toString()))).toContain('"reference":"T-9"');
  });
});
