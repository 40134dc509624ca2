// Key layout of the realestate definition (namespace `realestate`; composite keys, one namespace per
// record type):
//
//   realestate.unit          [unitNumber]                       public   UnitRecord
//   realestate.registration  [unitNumber, sequence(8 digits)]   public   RegistrationRecord
//   realestate.certificate   [canonical certificate number]     public   CertificateRecord
//   realestate.holders       [unitNumber, sequence(8 digits)]   registryPrivate  names, IDs, salts of the act's holders
//   realestate.holderUnit    [lookupKey, unitNumber]            registryPrivate  {unitNumber, holdersSequence}:
//                            "this owner holds this unit"; lookupKey = hex HMAC-SHA256(pepper, ID), see holder-index.ts
//   realestate.certificateCode [certificate number]             registryPrivate  {salt, codeHash}: certificate-code.ts
//   realestate.particulars   [unitNumber, sequence(8 digits)]   registryPrivate  the act's private particulars and their salt:
//                            description, secured amount, court order (particulars.ts); the public records hold their hash
//
// Only RegistryMSP's peer endorses writes to this namespace (its chaincode-level policy). The deed-tax
// clearance and its transferees live in the tax definition (tax/keys.ts).

import { type Context } from 'fabric-contract-api';
import { RecordTypes, recordKey } from '../common/ledger';
import { sequenceKey } from './registration-record';

export function unitKey(ctx: Context, unitNumber: string): string {
  return recordKey(ctx, RecordTypes.RealEstateUnit, unitNumber);
}

export function registrationKey(ctx: Context, unitNumber: string, sequence: number): string {
  return recordKey(ctx, RecordTypes.RealEstateRegistration, unitNumber, sequenceKey(sequence));
}

export function certificateKey(ctx: Context, certificateNumber: string): string {
  return recordKey(ctx, RecordTypes.RealEstateCertificate, certificateNumber);
}

export function holdersKey(ctx: Context, unitNumber: string, sequence: number): string {
  return recordKey(ctx, RecordTypes.RealEstateHolders, unitNumber, sequenceKey(sequence));
}

/** lookupKey first, so a partial-key scan on it lists one person's units in unit-number order. */
export function holderUnitKey(ctx: Context, lookupKey: string, unitNumber: string): string {
  return recordKey(ctx, RecordTypes.RealEstateHolderUnit, lookupKey, unitNumber);
}

export function particularsKey(ctx: Context, unitNumber: string, sequence: number): string {
  return recordKey(ctx, RecordTypes.RealEstateParticulars, unitNumber, sequenceKey(sequence));
}
