// GetHolderMatch: "is this certificate mine?", asked by the holder through the gateway's public
// check. It answers only when both the ID number and the verification code printed on the
// certificate match, and only to the registry's own service identity (registry_verifier): any other
// member could otherwise use it as an oracle, guessing ID numbers from a known birth date. The
// gateway adds what the chaincode cannot do, a per-certificate lockout after failed checks.

import { type Context } from 'fabric-contract-api';
import { Roles, requireRole } from '../common/access';
import { Collections } from '../common/collections';
import { NotFoundError, ValidationError } from '../common/errors';
import { getPrivateRecord, requireRecord } from '../common/ledger';
import { saltedIdHash } from '../common/personal-data';
import { canonicalVerificationCode } from '../common/verification-code';
import { codeHash, getCertificateCode } from './certificate-code';
import { parseStoredCertificate } from './certificate-record';
import { certificateKey, holdersKey } from './keys';
import { certificateNumberArgument, residentIdArgument } from './lookup-arguments';
import { parsePrivateHolders } from './private-holders';
import { type AnswerValue } from '../common/answer-shape';
import { type HolderMatchAnswer } from './answers';

export async function holderMatch(
  ctx: Context,
  certificateNumber: string,
  idNumber: string,
  verificationCode: string,
): Promise<AnswerValue<typeof HolderMatchAnswer>> {
  requireRole(ctx, Roles.RegistryVerifier);
  const number = certificateNumberArgument(certificateNumber).canonical;
  const id = residentIdArgument(idNumber);
  const code = verificationCodeArgument(verificationCode);
  const certificate = await requireRecord(
    ctx,
    certificateKey(ctx, number),
    parseStoredCertificate,
    `certificate ${number}`,
  );
  const answer = {
    certificateNumber: number,
    status: certificate.status,
    contentHash: certificate.contentHash,
  };
  const stored = await getPrivateRecord(
    ctx,
    Collections.RegistryPrivate,
    holdersKey(ctx, certificate.content.unitNumber, certificate.holdersSequence),
    parsePrivateHolders,
  );
  if (stored === undefined) {
    throw new NotFoundError(
      `the holders of certificate ${number} are not on this peer; ask a RegistryMSP peer`,
    );
  }
  const printedCode = await getCertificateCode(ctx, number);
  // Without a code the ID number is not compared at all: the answer must not become an ID oracle.
  if (printedCode === undefined) return { ...answer, codeIssued: false, match: null };
  const codeMatches = codeHash(printedCode.salt, code) === printedCode.codeHash;
  const printed = new Set(certificate.content.holders.map((holder) => holder.idHash));
  const idMatches = stored.holders.some((holder) => printed.has(saltedIdHash(holder.salt, id)));
  return { ...answer, codeIssued: true, match: codeMatches && idMatches };
}

function verificationCodeArgument(input: string): string {
  const code = canonicalVerificationCode(input);
  if (code === undefined) {
    throw new ValidationError('invalid verification code', [
      { field: 'verificationCode', message: 'must be 8 characters of the code alphabet' },
    ]);
  }
  return code;
}
