// The business licence (营业执照, key business.license/<USCC>), issued ACTIVE at the LICENSE step.
// Its status history is kept in the record itself: a licence changes status at most once (ACTIVE →
// CANCELLED 注销 or REVOKED 吊销, both final), so the list stays at two entries, and readers get the
// history without a history-database query.

import { Object as DataType, Property } from 'fabric-contract-api';
import { type Actor, storedActor } from './actor';
import { type LicenseStatus, LicenseStatuses } from './license-statuses';
import { storedObject, storedOneOf, storedString } from './stored';

export { type LicenseStatus, LicenseStatuses } from './license-statuses';

const WHAT = 'business licence';

export interface LicenseStatusChange {
  readonly status: LicenseStatus;
  readonly at: string;
  readonly by: Actor;
  /** Present for CANCELLED and REVOKED. */
  readonly reason?: string;
  /**
   * The transaction that made the change: a verifier fetches it from the ledger as the licence's
   * proof. Absent on licences written before the field existed.
   */
  readonly txId?: string;
}

export interface LicenseRecordFields {
  readonly uscc: string;
  readonly caseId: string;
  readonly name: string;
  /** Masked name of the legal representative (张*三). */
  readonly legalRepresentative: string;
  readonly status: LicenseStatus;
  readonly establishedAt: string;
  readonly statusHistory: readonly LicenseStatusChange[];
}

@DataType()
export class LicenseRecord implements LicenseRecordFields {
  @Property() readonly uscc: string;
  @Property() readonly caseId: string;
  @Property() readonly name: string;
  @Property() readonly legalRepresentative: string;
  @Property() readonly status: LicenseStatus;
  @Property() readonly establishedAt: string;
  readonly statusHistory: readonly LicenseStatusChange[];

  private constructor(fields: LicenseRecordFields) {
    this.uscc = fields.uscc;
    this.caseId = fields.caseId;
    this.name = fields.name;
    this.legalRepresentative = fields.legalRepresentative;
    this.status = fields.status;
    this.establishedAt = fields.establishedAt;
    this.statusHistory = fields.statusHistory.map((change) => ({ ...change }));
  }

  static issue(
    fields: Omit<LicenseRecordFields, 'status' | 'statusHistory'>,
    by: Actor,
    txId: string,
  ): LicenseRecord {
    return new LicenseRecord({
      ...fields,
      status: 'ACTIVE',
      statusHistory: [{ status: 'ACTIVE', at: fields.establishedAt, by, txId }],
    });
  }

  /** The licence with a new final status; the caller has checked that it is ACTIVE. */
  withStatus(
    status: Exclude<LicenseStatus, 'ACTIVE'>,
    change: { at: string; by: Actor; reason: string; txId: string },
  ): LicenseRecord {
    return new LicenseRecord({
      ...this,
      status,
      statusHistory: [...this.statusHistory, { status, ...change }],
    });
  }

  static fromStored(raw: unknown): LicenseRecord {
    const object = storedObject(raw, WHAT);
    const history = object.statusHistory;
    if (!Array.isArray(history) || history.length === 0) {
      throw new Error(`stored ${WHAT} is invalid: statusHistory is not a non-empty array`);
    }
    return new LicenseRecord({
      uscc: storedString(object, 'uscc', WHAT),
      caseId: storedString(object, 'caseId', WHAT),
      name: storedString(object, 'name', WHAT),
      legalRepresentative: storedString(object, 'legalRepresentative', WHAT),
      status: storedOneOf(object, 'status', LicenseStatuses, WHAT),
      establishedAt: storedString(object, 'establishedAt', WHAT),
      statusHistory: (history as unknown[]).map((item) => storedChange(item)),
    });
  }
}

function storedChange(raw: unknown): LicenseStatusChange {
  const object = storedObject(raw, `${WHAT} status change`);
  const change = {
    status: storedOneOf(object, 'status', LicenseStatuses, WHAT),
    at: storedString(object, 'at', WHAT),
    by: storedActor(object, 'by', WHAT),
  };
  return {
    ...change,
    ...(object.reason !== undefined && { reason: storedString(object, 'reason', WHAT) }),
    ...(object.txId !== undefined && { txId: storedString(object, 'txId', WHAT) }),
  };
}
