// Who may have written each record a citizen verifies, and the check that the transaction which last
// wrote it is that department's. Pure: the service fetches the evidence, this decides whether the
// gateway may say "valid". A record is only as trustworthy as the write behind it. Each department's
// records live in its own chaincode definition, whose policy is its peer alone (definitions.ts), so
// the peers already refuse another department's write there; this check is the citizen-facing second
// line: it reads the write in the record's own namespace, names the transaction that really wrote the
// record (never one the record names itself), and still holds if a policy were ever misconfigured.

import {
  type OrgMsp,
  OrgMsps,
  type RecordType,
  RecordTypes,
  type Role,
  Roles,
} from '../../../chaincode/src/contract';
import { type LedgerTransaction } from '../ledger/ledger-transactions.port';

/** The records the public routes vouch for; a bag is vouched for by its latest event. */
export type VerifiedRecordKind =
  | 'certificate'
  | 'licence'
  | 'bag-commissioning'
  | 'bag-collection'
  | 'bag-loading'
  | 'bag-transfer-arrival'
  | 'bag-transfer-departure'
  | 'bag-delivery';

export interface Authority {
  /** The composite-key type the record is stored under. */
  readonly recordType: RecordType;
  /** The record, as the readable reason names it. */
  readonly what: string;
  /** The one department whose peer must have endorsed, and whose member must have submitted, the write. */
  readonly department: OrgMsp;
  /** The submitter roles (of that department) whose transactions write this record. */
  readonly roles: readonly Role[];
}

/**
 * The rules table. Roles are those of the chaincode transactions that write each key:
 * certificates: Register (registry_clerk); licences: CompleteStep LICENSE and ChangeLicenseStatus
 * (market_clerk; the other steps only read the licence); bags: CommissionBags (urban_inspector),
 * then each event key by RecordScans, RecordCollection and RecordDelivery — by the person of that
 * role or by a device of UrbanMSP bound to the vehicle or site (vehicle_device, site_device), whose
 * certificate the chaincode has checked against the vehicle or site it reports for.
 */
export const AUTHORITIES: Readonly<Record<VerifiedRecordKind, Authority>> = {
  certificate: {
    recordType: RecordTypes.RealEstateCertificate,
    what: 'a property certificate',
    department: OrgMsps.Registry,
    roles: [Roles.RegistryClerk],
  },
  licence: {
    recordType: RecordTypes.BusinessLicense,
    what: 'a business licence',
    department: OrgMsps.Market,
    roles: [Roles.MarketClerk],
  },
  'bag-commissioning': {
    recordType: RecordTypes.WasteBag,
    what: "a bag's issue to a household",
    department: OrgMsps.Urban,
    roles: [Roles.UrbanInspector],
  },
  'bag-collection': {
    recordType: RecordTypes.WasteBagEvent,
    what: "a bag's scan at a collection station",
    department: OrgMsps.Urban,
    roles: [Roles.StationOperator, Roles.SiteDevice],
  },
  'bag-loading': {
    recordType: RecordTypes.WasteBagEvent,
    what: "a bag's loading onto a truck",
    department: OrgMsps.Urban,
    roles: [Roles.Hauler, Roles.VehicleDevice],
  },
  'bag-transfer-arrival': {
    recordType: RecordTypes.WasteBagEvent,
    what: "a bag's arrival at a transfer station",
    department: OrgMsps.Urban,
    roles: [Roles.FacilityOperator, Roles.SiteDevice],
  },
  'bag-transfer-departure': {
    recordType: RecordTypes.WasteBagEvent,
    what: "a bag's departure from a transfer station on another truck",
    department: OrgMsps.Urban,
    roles: [Roles.Hauler, Roles.VehicleDevice],
  },
  'bag-delivery': {
    recordType: RecordTypes.WasteBagEvent,
    what: "a bag's delivery to a facility",
    department: OrgMsps.Urban,
    roles: [Roles.FacilityOperator, Roles.SiteDevice],
  },
};

/** Why a record is not called valid: stable codes for clients, with a readable message. */
export const InvalidReasonCodes = {
  TransactionInvalid: 'TRANSACTION_INVALID',
  TransactionDidNotWriteRecord: 'TRANSACTION_DID_NOT_WRITE_RECORD',
  NotEndorsedByResponsibleDepartment: 'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT',
  SubmitterNotAuthorised: 'SUBMITTER_NOT_AUTHORISED',
  NotCurrent: 'NOT_CURRENT',
} as const;

export type InvalidReasonCode = (typeof InvalidReasonCodes)[keyof typeof InvalidReasonCodes];

export interface InvalidReason {
  readonly code: InvalidReasonCode;
  readonly message: string;
}

export type Verdict = { readonly valid: true } | { readonly valid: false; readonly reason: InvalidReason };

/** What the ledger shows about the transaction that last wrote the record (its key's history). */
export interface WriteEvidence {
  readonly validationCode: string;
  readonly endorsers: readonly string[];
  readonly creatorMspId: string;
  /** The submitter certificate's govtrace.role; null without one. */
  readonly creatorRole: string | null;
  /** Its write set holds the record's key in the namespace of the record's definition (RecordTypeHome). */
  readonly wroteRecord: boolean;
}

/** The record's own status: whether it is in force (certificate and licence ACTIVE; every bag). */
export interface RecordStanding {
  readonly current: boolean;
  readonly status: string;
}

/**
 * Valid only when every rule holds. The write is judged first: a record whose write fails any rule
 * is not shown to be genuine, so whether it says it is in force does not matter; NOT_CURRENT is the
 * answer for a genuine record that is no longer in force.
 */
export function checkAuthority(
  kind: VerifiedRecordKind,
  write: WriteEvidence,
  standing: RecordStanding,
): Verdict {
  const { what, department, roles } = AUTHORITIES[kind];
  if (write.validationCode !== 'VALID') {
    return invalid(
      InvalidReasonCodes.TransactionInvalid,
      `The transaction that last wrote ${what} was not committed as valid (${write.validationCode}).`,
    );
  }
  if (!write.wroteRecord) {
    return invalid(
      InvalidReasonCodes.TransactionDidNotWriteRecord,
      `The transaction named as the last write of ${what} does not write this record.`,
    );
  }
  if (!write.endorsers.includes(department)) {
    const by = write.endorsers.length > 0 ? write.endorsers.join(', ') : 'no organisation';
    return invalid(
      InvalidReasonCodes.NotEndorsedByResponsibleDepartment,
      `The last write of ${what} was endorsed by ${by}, not by ${department}, the department responsible for it.`,
    );
  }
  if (
    write.creatorMspId !== department ||
    write.creatorRole === null ||
    !roles.includes(write.creatorRole as Role)
  ) {
    const role = write.creatorRole ?? 'no role';
    return invalid(
      InvalidReasonCodes.SubmitterNotAuthorised,
      `The last write of ${what} was submitted by ${write.creatorMspId} (${role}); only ${roles.join(' or ')} of ${department} may write it.`,
    );
  }
  if (!standing.current) {
    return invalid(
      InvalidReasonCodes.NotCurrent,
      `The record is ${standing.status}: it is no longer in force.`,
    );
  }
  return { valid: true };
}

/** Whether the transaction wrote (or deleted) `key` in `namespace`, per its public write set. */
export function writesRecord(tx: Pick<LedgerTransaction, 'writes'>, namespace: string, key: string): boolean {
  return tx.writes.get(namespace)?.includes(key) ?? false;
}

/** Fabric's composite key, exactly as the chaincode's createCompositeKey writes it into the write set. */
export function compositeKey(type: string, ...attributes: readonly string[]): string {
  return `\u0000${[type, ...attributes].join('\u0000')}\u0000`;
}

function invalid(code: InvalidReasonCode, message: string): Verdict {
  return { valid: false, reason: { code, message } };
}
