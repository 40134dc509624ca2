// The public keys Register writes for what a RealEstateRegistered event tells the index, computed
// from the payload as chaincode/src/realestate/keys.ts computes them: the trust check finds each one
// in the transaction's write set, or the index does not believe the event.

import { RecordTypes, sequenceKey } from '../../../../chaincode/src/contract';
import { ledgerKey } from '../../index-db/trust/ledger-key';
import { type RegisteredEvent } from './registered-event';

/**
 * The act (`realestate.registration / unit / sequence`), the unit's new state (`realestate.unit`),
 * the issued certificate and every certificate whose status the act changed
 * (`realestate.certificate / number`): each is a row or a column of the index.
 */
export function registeredKeys({ registration, certificate, unit }: RegisteredEvent): string[] {
  return [
    ledgerKey(
      RecordTypes.RealEstateRegistration,
      registration.unitNumber,
      sequenceKey(registration.sequence),
    ),
    ledgerKey(RecordTypes.RealEstateUnit, unit.unitNumber),
    ...(certificate === null
      ? []
      : [ledgerKey(RecordTypes.RealEstateCertificate, certificate.content.certificateNumber)]),
    ...registration.certificateChanges.map((change) =>
      ledgerKey(RecordTypes.RealEstateCertificate, change.certificateNumber),
    ),
  ];
}
