// GetCertificateForPrint: what the registry clerk prints on a certificate, the full names and ID
// numbers of its holders included. EVALUATE ONLY, on a RegistryMSP peer, registry_clerk only: the
// holders and the act's particulars are in RegistryPrivate, which only registry peers hold, and the
// answer must never reach a block (no write, no event). The printed content and hash are the public
// record's, so what the clerk prints is exactly what the citizen page verifies.

import { type Context } from 'fabric-contract-api';
import { Roles, requireRole } from '../common/access';
import { type AnswerValue } from '../common/answer-shape';
import { Collections } from '../common/collections';
import { NotFoundError } from '../common/errors';
import { getPrivateRecord, requireRecord } from '../common/ledger';
import { type CertificateForPrintAnswer } from './answers';
import { parseStoredCertificate } from './certificate-record';
import { certificateKey, holdersKey, particularsKey } from './keys';
import { certificateNumberArgument } from './lookup-arguments';
import { parsePrivateParticulars } from './particulars';
import { parsePrivateHolders } from './private-holders';

/** The sequence at the end of a registration id (`<unit>-00000003` → 3). */
function sequenceOf(registrationId: string): number {
  return Number(registrationId.slice(registrationId.lastIndexOf('-') + 1));
}

export async function certificateForPrint(
  ctx: Context,
  certificateNumber: string,
): Promise<AnswerValue<typeof CertificateForPrintAnswer>> {
  requireRole(ctx, Roles.RegistryClerk);
  const number = certificateNumberArgument(certificateNumber).canonical;
  const certificate = await requireRecord(
    ctx,
    certificateKey(ctx, number),
    parseStoredCertificate,
    `certificate ${number}`,
  );
  const unitNumber = certificate.content.unitNumber;
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
  const particulars = await getPrivateRecord(
    ctx,
    Collections.RegistryPrivate,
    particularsKey(ctx, unitNumber, sequenceOf(certificate.content.registrationId)),
    parsePrivateParticulars,
  );
  return {
    certificateNumber: number,
    status: certificate.status,
    contentHash: certificate.contentHash,
    content: certificate.content,
    // the salts stay in the private record: printing needs the names, not the hashes' keys
    holders: stored.holders.map((holder) => ({
      name: holder.name,
      idNumber: holder.idNumber,
      share: holder.share,
    })),
    particulars: particulars === undefined ? null : { ...particulars.particulars },
  };
}
