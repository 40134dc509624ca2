/**
 * Why the index set an event aside instead of projecting it (index_quarantine.reason_code). Stable
 * codes: operators alert on them and /metrics labels by them.
 */
export const QuarantineReasons = {
  /** The projector cannot read the payload (MalformedEventError, or any error of its parser). */
  MalformedPayload: 'MALFORMED_PAYLOAD',
  /** The trust table has no rule for the event, or for the variant its payload names. */
  NoTrustRule: 'NO_TRUST_RULE',
  /** The event was emitted by another chaincode definition than the one that holds its records. */
  WrongNamespace: 'WRONG_NAMESPACE',
  /** No peer of the responsible department endorsed the transaction. */
  NotEndorsedByDepartment: 'NOT_ENDORSED_BY_DEPARTMENT',
  /** The transaction's creator is not an identity of the department allowed to write the record. */
  WrongCreatorMsp: 'WRONG_CREATOR_MSP',
  /** The creator's certificate has no role, or one that may not write the record. */
  WrongCreatorRole: 'WRONG_CREATOR_ROLE',
  /** The transaction did not write a key the record lives under: the event claims what is not in state. */
  KeyNotWritten: 'KEY_NOT_WRITTEN',
} as const;

export type QuarantineReason = (typeof QuarantineReasons)[keyof typeof QuarantineReasons];

export const QUARANTINE_REASON_CODES: readonly QuarantineReason[] = Object.values(QuarantineReasons);
