import { clearanceKey } from '../../../../chaincode/src/contract';
import { checkTrust } from '../../index-db/trust/check-trust';
import { MalformedEventError } from '../../index-db/projection/malformed-event.error';
import { chaincodeKeyContext as ctx } from '../../index-db/trust/testing/chaincode-key-context';
import { trustedOrigin } from '../../index-db/trust/testing/trusted-origin';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { DeedTaxClearanceRecordedProjector } from './deed-tax-clearance.projector';

// Reading a DeedTaxClearanceRecorded event: the key it claims is the one the chaincode writes, the
// tax bureau must have signed it, and a payload the chaincode could not have emitted is malformed.
// Its rows and the lists are covered by test/real-estate-queries.http.spec.ts on both databases.

const UNIT = '440184001016GB00009F00800039';
const projector = new DeedTaxClearanceRecordedProjector();

function event(change: Record<string, unknown> = {}, chaincodeName = 'tax'): LedgerEvent {
  const payload = {
    clearanceNumber: 'QS-2026-0001',
    unitNumber: UNIT,
    titleVersion: 1,
    transfereeIdHashes: ['a'.repeat(64)],
    taxPaidFen: '3000000',
    recordedAt: '2026-03-01T08:00:00.000Z',
    officer: { mspId: 'TaxMSP', role: 'tax_officer', id: 'x509::/O=TaxMSP/CN=tax-officer::/CN=ca' },
    ...change,
  };
  return {
    blockNumber: 5n,
    transactionId: 'tx-1',
    chaincodeName,
    eventName: 'DeedTaxClearanceRecorded',
    payload: new TextEncoder().encode(JSON.stringify(payload)),
  };
}

describe('DeedTaxClearanceRecordedProjector', () => {
  it("claims the clearance's key as the tax definition writes it (tax/keys.ts)", () => {
    expect(projector.prepare(event()).claim.keys).toEqual([clearanceKey(ctx, UNIT, 'QS-2026-0001')]);
  });

  it('trusts the tax bureau’s own transaction and no other department’s', () => {
    const recorded = event();
    const { claim } = projector.prepare(recorded);
    const origin = trustedOrigin('DeedTaxClearanceRecorded', claim);
    expect(checkTrust({ ...recorded, origin }, claim)).toEqual({ trusted: true });
    const byRegistry = { ...origin, endorserMspIds: ['RegistryMSP'] };
    expect(checkTrust({ ...recorded, origin: byRegistry }, claim)).toMatchObject({
      trusted: false,
      reason: 'NOT_ENDORSED_BY_DEPARTMENT',
    });
    expect(checkTrust({ ...event({}, 'realestate'), origin }, claim)).toMatchObject({
      trusted: false,
      reason: 'WRONG_NAMESPACE',
    });
  });

  it('reads an older event without the tax paid', () => {
    const older = JSON.parse(new TextDecoder().decode(event().payload)) as Record<string, unknown>;
    delete older.taxPaidFen;
    const withoutAmount = { ...event(), payload: new TextEncoder().encode(JSON.stringify(older)) };
    expect(() => projector.prepare(withoutAmount)).not.toThrow();
  });

  it.each<[string, Record<string, unknown>]>([
    ['a tax paid in yuan', { taxPaidFen: '30000.00' }],
    ['a tax paid as a number', { taxPaidFen: 3000000 }],
    ['a clearance number the contract refuses', { clearanceNumber: 'QS 1' }],
    ['a fractional title version', { titleVersion: 1.5 }],
    ['no officer', { officer: null }],
  ])('refuses %s as malformed, before any row is written', (_what, change) => {
    expect(() => projector.prepare(event(change))).toThrow(MalformedEventError);
  });
});
