// What the real-estate events carry (answer-shape.ts). Event payloads leave out the txId: the gateway
// reads it from the event envelope, and the payload then holds only facts of the ledger state.

import { answerShape, listOf, nullable, optional } from '../common/answer-shape';
import { CertificateChangeShape } from './answers';

export function withoutTxId<T extends { readonly txId: string }>(record: T): Omit<T, 'txId'> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'txId')) as Omit<T, 'txId'>;
}

/** Who acted: the submitter's organisation and X.509 id (the record also has the role). */
export const ClerkShape = answerShape('Clerk', { mspId: 'string', id: 'string' });

/** A right holder as the public ledger shows one: masked name, salted ID hash, share (or null). */
export const PublicHolderShape = answerShape('PublicHolder', {
  maskedName: 'string',
  idHash: 'string',
  share: nullable('string'),
});

// The payload passes the chaincode's records on whole (registration.ts, certificate-record.ts,
// unit-record.ts); as for answers, the shapes below list what the gateway's index reads of them.

/** The registration record of the act, without its txId. */
export const RegistrationPayloadShape = answerShape('RegistrationPayload', {
  registrationId: 'string',
  unitNumber: 'string',
  sequence: 'number',
  type: 'string',
  registeredAt: 'string',
  clerk: ClerkShape,
  certificateNumber: nullable('string'),
  certificateChanges: listOf(CertificateChangeShape),
  unitStatus: 'string',
  // the public details of the act; the index reads the clearance a TRANSFER names (tax_clearances)
  details: optional(answerShape('RegistrationDetails', { deedTaxClearanceNumber: optional('string') })),
});

/** The certificate record the act issued. */
export const IssuedCertificateShape = answerShape('IssuedCertificate', {
  content: answerShape('IssuedCertificateContent', {
    certificateNumber: 'string',
    kind: 'string',
    issuedAt: 'string',
  }),
  contentHash: 'string',
  status: 'string',
});

/** The unit's location, area and usage (property-particulars.ts). */
export const PropertyParticularsShape = answerShape('PropertyParticulars', {
  location: 'string',
  areaM2: 'string',
  usage: 'string',
});

/** The unit record after the act; `property` is absent before the unit has particulars. */
export const RegisteredUnitShape = answerShape('RegisteredUnit', {
  unitNumber: 'string',
  status: 'string',
  sequence: 'number',
  titleCertificate: nullable('string'),
  holders: listOf(PublicHolderShape),
  updatedAt: 'string',
  lastRegistrationId: 'string',
  property: optional(PropertyParticularsShape),
});

/** RealEstateRegistered: the act, the certificate it issued (null when none) and the unit after it. */
export const RegisteredPayload = answerShape('RealEstateRegisteredPayload', {
  registration: RegistrationPayloadShape,
  certificate: nullable(IssuedCertificateShape),
  unit: RegisteredUnitShape,
});

/**
 * DeedTaxClearanceRecorded: the clearance record without its txId (no transferee ID numbers). The tax
 * paid (whole fen) is absent from events of chaincode that did not record it yet.
 */
export const DeedTaxClearanceRecordedPayload = answerShape('DeedTaxClearanceRecordedPayload', {
  clearanceNumber: 'string',
  unitNumber: 'string',
  titleVersion: 'number',
  transfereeIdHashes: listOf('string'),
  taxPaidFen: optional(nullable('string')),
  recordedAt: 'string',
  officer: ClerkShape,
});
