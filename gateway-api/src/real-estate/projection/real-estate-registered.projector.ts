import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { type Projection, type Projector } from '../../index-db/projection/projector';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { RealEstateAct, RealEstateCertificate, RealEstateUnit } from '../entities';
import { parseRegisteredEvent, REAL_ESTATE_REGISTERED, type RegisteredEvent } from './registered-event';
import { registeredKeys } from './registered-keys';
import { subjectCommonName } from './submitter-name';

/**
 * RealEstateRegistered → one re_acts row (with the clearance a TRANSFER names and the clerk's common
 * name, for the lists), the issued certificate (re_certificates), the new status of the certificates
 * the act superseded or cancelled, and the unit's latest state (re_units).
 */
@Injectable()
export class RealEstateRegisteredProjector implements Projector {
  readonly eventName = REAL_ESTATE_REGISTERED;

  prepare(event: LedgerEvent): Projection {
    const registered = parseRegisteredEvent(event);
    return {
      claim: { keys: registeredKeys(registered) },
      write: (manager) => write(manager, event, registered),
    };
  }
}

async function write(
  manager: EntityManager,
  event: LedgerEvent,
  { registration, certificate, unit }: RegisteredEvent,
): Promise<void> {
  const acts = manager.getRepository(RealEstateAct);
  // a redelivered transaction changes nothing (it must not put an older unit state back)
  if (await acts.existsBy({ txId: event.transactionId })) return;
  await acts.insert({
    registrationId: registration.registrationId,
    unitNumber: registration.unitNumber,
    sequence: registration.sequence,
    type: registration.type,
    certificateNumber: registration.certificateNumber,
    deedTaxClearanceNumber: registration.details?.deedTaxClearanceNumber ?? null,
    clerkName: subjectCommonName(registration.clerk.id),
    unitStatus: registration.unitStatus,
    txId: event.transactionId,
    blockNumber: event.blockNumber,
    registeredAt: registration.registeredAt,
    clerkMspId: registration.clerk.mspId,
    clerkId: registration.clerk.id,
  });
  const certificates = manager.getRepository(RealEstateCertificate);
  if (certificate !== null) {
    await certificates.insert({
      certificateNumber: certificate.content.certificateNumber,
      kind: certificate.content.kind,
      issuedAt: certificate.content.issuedAt,
      contentHash: certificate.contentHash,
      status: certificate.status,
      unitNumber: registration.unitNumber,
      registrationId: registration.registrationId,
      statusChangedAt: null,
    });
  }
  for (const change of registration.certificateChanges) {
    await certificates.update(
      { certificateNumber: change.certificateNumber },
      { status: change.status, statusChangedAt: registration.registeredAt },
    );
  }
  await manager.upsert(
    RealEstateUnit,
    {
      unitNumber: unit.unitNumber,
      status: unit.status,
      titleCertificate: unit.titleCertificate,
      // only the public holder fields, whatever else a newer chaincode may add to them
      holders: JSON.stringify(
        unit.holders.map(({ maskedName, idHash, share }) => ({ maskedName, idHash, share })),
      ),
      sequence: unit.sequence,
      updatedAt: unit.updatedAt,
      lastRegistrationId: unit.lastRegistrationId,
      location: unit.property?.location ?? null,
      areaM2: unit.property?.areaM2 ?? null,
      usage: unit.property?.usage ?? null,
      txId: event.transactionId,
      blockNumber: event.blockNumber,
    },
    ['unitNumber'],
  );
}
