import {
  enterpriseNameClaimId,
  recordKey,
  RecordTypes,
  taxStepKey,
} from '../../../../chaincode/src/contract';
import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { chaincodeKeyContext as ctx } from '../../index-db/trust/testing/chaincode-key-context';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { BusinessLicenseStatusChangedProjector, BusinessStepCompletedProjector } from './business.projectors';
import { parseStepCompleted } from './business-events';
import { caseOpenedKeys, licenseStatusChangedKeys, stepCompletedKeys } from './business-keys';

// The keys as business-contract.ts writes them: recordKey(ctx, RecordTypes.Business…, …).

const USCC = '91350100M000100Y43';
const CASE = `BO-${USCC}`;
const AT = '2026-03-02T02:00:00.000Z';

const event = (eventName: string, payload: unknown): LedgerEvent => ({
  blockNumber: 5n,
  transactionId: 'tx-1',
  chaincodeName: 'business',
  eventName,
  payload: new TextEncoder().encode(JSON.stringify(payload)),
});

const step = (name: string, license?: unknown): LedgerEvent =>
  event('BusinessStepCompleted', {
    caseId: CASE,
    uscc: USCC,
    name: 'ＡＢＣ 科技',
    step: name,
    reference: 'R-1',
    completedAt: AT,
    completedBy: { mspId: 'TaxMSP', role: 'tax_officer' },
    openedAt: AT,
    ...(license === undefined ? {} : { license }),
  });

describe('business keys', () => {
  it('a case opening names the case and the claim on its normalised name', () => {
    const opened = {
      caseId: CASE,
      uscc: USCC,
      name: 'ＡＢＣ 科技',
      normalisedName: 'abc科技',
      entityType: 'LIMITED_LIABILITY_COMPANY',
      openedAt: AT,
    };
    expect(caseOpenedKeys(opened)).toEqual([
      recordKey(ctx, RecordTypes.BusinessCase, CASE),
      recordKey(ctx, RecordTypes.BusinessNameClaim, enterpriseNameClaimId('abc科技')),
    ]);
  });

  it('a step names its own key, and the licence at LICENSE; the step is the rule subject', () => {
    expect(new BusinessStepCompletedProjector().prepare(step('TAX')).claim).toEqual({
      // the tax definition's own key, exactly as CompleteTaxStep writes it
      keys: [taxStepKey(ctx, CASE)],
      subject: 'TAX',
    });
    const license = parseStepCompleted(step('LICENSE', { status: 'ACTIVE', establishedAt: AT }));
    expect(stepCompletedKeys(license)).toEqual([
      recordKey(ctx, RecordTypes.BusinessStep, CASE, 'LICENSE'),
      recordKey(ctx, RecordTypes.BusinessLicense, USCC),
    ]);
  });

  it('a step the chaincode does not have is malformed (no rule could say who completes it)', () => {
    expect(() => parseStepCompleted(step('NOTARY'))).toThrow(MalformedEventError);
  });

  it('a licence status change names the licence', () => {
    const changed = {
      uscc: USCC,
      caseId: CASE,
      name: 'ＡＢＣ 科技',
      previousStatus: 'ACTIVE',
      status: 'CANCELLED',
      reason: '解散',
      changedAt: AT,
      changedBy: { mspId: 'MarketMSP', role: 'market_clerk' },
    };
    expect(licenseStatusChangedKeys(changed)).toEqual([recordKey(ctx, RecordTypes.BusinessLicense, USCC)]);
    expect(
      new BusinessLicenseStatusChangedProjector().prepare(event('BusinessLicenseStatusChanged', changed))
        .claim,
    ).toEqual({ keys: [recordKey(ctx, RecordTypes.BusinessLicense, USCC)] });
  });
});
