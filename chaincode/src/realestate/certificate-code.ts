// The salted hash of a certificate's verification code (common/verification-code.ts), in
// RegistryPrivate under `realestate.certificateCode` [certificate number]. Private, not public: the
// code has about 40 bits, so a public hash could be searched offline in hours whatever its salt.
// The block carries SHA-256 of the private value, but that value holds a 128-bit (or longer) random
// salt, so it cannot be searched either. The clear code is never written anywhere: it travels once,
// as transient data, from the gateway that generated it.
//
//   codeHash = hex(SHA-256(UTF-8(salt + ':' + canonical code)))

import { createHash } from 'node:crypto';
import { type Context } from 'fabric-contract-api';
import { Collections } from '../common/collections';
import { ValidationError } from '../common/errors';
import { getPrivateRecord, putPrivateRecord, RecordTypes, recordKey } from '../common/ledger';
import { SALT_PATTERN } from '../common/personal-data';
import { canonicalVerificationCode } from '../common/verification-code';
import { readTransientJson } from './personal-data';
import { storedObject } from './stored';

/** Transient field of Register: `{ code, salt }`, sent when the act issues a certificate. */
export const VERIFICATION_CODE_TRANSIENT = 'verificationCode';

export interface CodeInput {
  readonly code: string;
  readonly salt: string;
}

export interface CertificateCodeRecord {
  readonly certificateNumber: string;
  readonly salt: string;
  readonly codeHash: string;
}

export function certificateCodeKey(ctx: Context, certificateNumber: string): string {
  return recordKey(ctx, RecordTypes.RealEstateCertificateCode, certificateNumber);
}

export function codeHash(salt: string, code: string): string {
  return createHash('sha256').update(`${salt}:${code}`, 'utf8').digest('hex');
}

/** The transient code of a Register, or undefined when none was sent. */
export function transientCode(ctx: Context): CodeInput | undefined {
  const raw = readTransientJson(ctx, VERIFICATION_CODE_TRANSIENT);
  if (raw === undefined) return undefined;
  const field = `transient.${VERIFICATION_CODE_TRANSIENT}`;
  const fields = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<
    string,
    unknown
  >;
  const code = typeof fields.code === 'string' ? canonicalVerificationCode(fields.code) : undefined;
  const salt = typeof fields.salt === 'string' && SALT_PATTERN.test(fields.salt) ? fields.salt : undefined;
  const unknown = Object.keys(fields).filter((name) => name !== 'code' && name !== 'salt');
  if (code === undefined || salt === undefined || unknown.length > 0) {
    throw new ValidationError('the verification code must be { code, salt }', [
      ...(code === undefined
        ? [{ field: `${field}.code`, message: 'must be 8 characters of the code alphabet' }]
        : []),
      ...(salt === undefined ? [{ field: `${field}.salt`, message: 'must be 32 to 128 hex digits' }] : []),
      ...unknown.map((name) => ({ field: `${field}.${name}`, message: 'is not a known field' })),
    ]);
  }
  return { code, salt: salt.toLowerCase() };
}

/** Refuses a code on an act that issues no certificate: there would be nothing to print it on. */
export function requireCertificateForCode(code: CodeInput | undefined, issuesCertificate: boolean): void {
  if (code === undefined || issuesCertificate) return;
  throw new ValidationError('a verification code is sent only when the act issues a certificate', [
    {
      field: `transient.${VERIFICATION_CODE_TRANSIENT}`,
      message: 'must be absent when no certificate is issued',
    },
  ]);
}

/**
 * Stores the salted hash of the issued certificate's code. Optional: a certificate issued without a
 * code simply has no holder check (GetHolderMatch answers codeIssued: false).
 */
export async function putCertificateCode(
  ctx: Context,
  certificateNumber: string | undefined,
  input: CodeInput | undefined,
): Promise<void> {
  if (certificateNumber === undefined || input === undefined) return;
  const record: CertificateCodeRecord = {
    certificateNumber,
    salt: input.salt,
    codeHash: codeHash(input.salt, input.code),
  };
  await putPrivateRecord(
    ctx,
    Collections.RegistryPrivate,
    certificateCodeKey(ctx, certificateNumber),
    record,
  );
}

/** The stored code hash, or undefined for a certificate issued without a code (before codes existed). */
export async function getCertificateCode(
  ctx: Context,
  certificateNumber: string,
): Promise<CertificateCodeRecord | undefined> {
  return getPrivateRecord(
    ctx,
    Collections.RegistryPrivate,
    certificateCodeKey(ctx, certificateNumber),
    (raw) => {
      const record = storedObject(raw, 'certificate code', ['certificateNumber', 'salt', 'codeHash']);
      return record as unknown as CertificateCodeRecord;
    },
  );
}
