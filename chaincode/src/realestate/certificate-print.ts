// GetCertificateForPrint: what a registry clerk prints on a certificate — the certificate as the
// ledger holds it (content, content hash, status) with the full names, ID numbers and shares of the
// holders printed on it, and the issuing act's private particulars with their salt, so the paper
// shows what the public content only binds by hashes, and anyone given the particulars and the salt
// can check them against `details.particularsHash`.
//
// EVALUATE ONLY, on a RegistryMSP peer, registry_clerk only: it reads RegistryPrivate, which only
// registry peers hold. Its answer is personal data: the gateway never logs or caches it.

import { type Context } from 'fabric-contract-api';
import { Roles, requireRole } from '../common/access';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { Collections } from '../common/collections';
import { NotFoundError } from '../common/errors';
import { getPrivateRecord, requireRecord } from '../common/ledger';
import { saltedIdHash } from '../common/personal-data';
import { CertificatePrintAnswer } from './answers';
import { parseStoredCertificate } from './certificate-record';
import { certificateKey, holdersKey, particularsKey } from './keys';
import { certificateNumberArgument } from './lookup-arguments';
import { parsePrivateParticulars } from './particulars';
import { parsePrivateHolders } from './private-holders';

/** The sequence of the act that issued the certificate: the last 8 digits of its registration id. */
function issuingSequence(registrationId: string): number {
  return Number(registrationId.slice(-8));
}

export async function certificateForPrint(
  ctx: Context,
  certificateNumber: string,
): Promise<AnswerJson<typeof CertificatePrintAnswer>> {
  requireRole(ctx, Roles.RegistryClerk);
  const number = certificateNumberArgument(certificateNumber).canonical;
  const certificate = await requireRecord(
    ctx,
    certificateKey(ctx, number),
    parseStoredCertificate,
    `certificate ${number}`,
  );
  const { unitNumber, registrationId } = certificate.content;
  const stored = await getPrivateRecord(
    ctx,
    Collections.RegistryPrivate,
    holdersKey(ctx, unitNumber, certificate.holdersSequence),
    parsePrivateHolders,
  );
  if (stored === undefined) {
    throw new NotFoundError(
      `the holders of certificate ${number} are not on this peer; ask a RegistryMSP peer`,
    );
  }
  // in the certificate's order, matched by the salted hash printed on it
  const byHash = new Map(
    stored.holders.map((holder) => [saltedIdHash(holder.salt, holder.idNumber), holder]),
  );
  const holders = certificate.content.holders.map((printed) => {
    const holder = byHash.get(printed.idHash);
    return {
      name: holder?.name ?? null,
      idNumber: holder?.idNumber ?? null,
      share: printed.share ?? null,
      maskedName: printed.maskedName,
    };
  });
  const particulars = await getPrivateRecord(
    ctx,
    Collections.RegistryPrivate,
    particularsKey(ctx, unitNumber, issuingSequence(registrationId)),
    parsePrivateParticulars,
  );
  return answerJson(CertificatePrintAnswer, {
    certificate,
    holders,
    particulars: particulars?.particulars ?? null,
    particularsSalt: particulars?.salt ?? null,
  });
}
