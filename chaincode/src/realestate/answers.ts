// What the real-estate contract answers (answer-shape.ts): the gateway decodes these, the contract
// builds them, and the contract metadata names them.

import { answerShape, listOf, nullable } from '../common/answer-shape';

export const CertificateChangeShape = answerShape('CertificateChange', {
  certificateNumber: 'string',
  status: 'string',
});

/** Register: the act recorded, the certificate it issued (null when none) and the unit's new status. */
export const RegisterAnswer = answerShape('RegisterAnswer', {
  registrationId: 'string',
  unitNumber: 'string',
  sequence: 'number',
  type: 'string',
  certificateNumber: nullable('string'),
  certificateContentHash: nullable('string'),
  certificateChanges: listOf(CertificateChangeShape),
  unitStatus: 'string',
});

/**
 * GetUnit: the unit record as stored (holders masked, encumbrances) with `certificates`, the records
 * of its current certificates; the gateway passes it on as it is, so only its identity is listed.
 */
export const UnitAnswer = answerShape('UnitAnswer', { unitNumber: 'string', status: 'string' });

/** GetUnitHistory: every registration record of the unit, in order. */
export const UnitHistoryAnswer = answerShape('UnitHistoryAnswer', {
  unitNumber: 'string',
  registrations: listOf('object'),
});

/** GetHolderMatch: `match` is null when the certificate was issued without a verification code. */
export const HolderMatchAnswer = answerShape('HolderMatchAnswer', {
  certificateNumber: 'string',
  status: 'string',
  contentHash: 'string',
  /** False for a certificate issued before verification codes: no holder check is possible. */
  codeIssued: 'boolean',
  /** Both the ID and the code match; null when no code was issued (nothing was compared). */
  match: nullable('boolean'),
});

export const HeldUnitShape = answerShape('HeldUnit', {
  unitNumber: 'string',
  status: 'string',
  titleCertificate: nullable('string'),
  holdersSequence: 'number',
  mortgaged: 'boolean',
  seized: 'boolean',
  updatedAt: 'string',
});

/** FindUnitsByHolder: the units the person holds now. */
export const HolderUnitsAnswer = answerShape('HolderUnitsAnswer', { units: listOf(HeldUnitShape) });

export const CertificateContentShape = answerShape('CertificateContent', {
  certificateNumber: 'string',
  kind: 'string',
  unitNumber: 'string',
  registrationId: 'string',
  registrationType: 'string',
  issuedAt: 'string',
  /** The right holders printed on it (masked names, salted ID hashes). */
  holders: listOf('object'),
  details: 'object',
});

/** GetCertificate: the certificate record as stored; `contentHash` is SHA-256 of canonical `content`. */
export const CertificateAnswer = answerShape('CertificateAnswer', {
  content: CertificateContentShape,
  contentHash: 'string',
  status: 'string',
  statusRegistrationId: nullable('string'),
  statusChangedAt: nullable('string'),
  holdersSequence: 'number',
});

export const PrintedHolderShape = answerShape('PrintedHolder', {
  /** Null only if the private record lacks a holder the certificate names (never written so). */
  name: nullable('string'),
  idNumber: nullable('string'),
  share: nullable('string'),
  maskedName: 'string',
});

/**
 * GetCertificateForPrint (registry clerks, on a registry peer): the certificate, its holders in full
 * and the issuing act's private particulars with their salt (null when the act had none).
 */
export const CertificatePrintAnswer = answerShape('CertificatePrintAnswer', {
  certificate: CertificateAnswer,
  holders: listOf(PrintedHolderShape),
  particulars: nullable('object'),
  particularsSalt: nullable('string'),
});
