import { randomBytes } from 'node:crypto';

import { parseResidentId, parseUnitNumber } from '../../../chaincode/src/contract';
import { type CreateRegistrationDto } from './dto/create-registration.dto';
import { type MortgageDto } from './dto/mortgage.dto';
import { type PropertyDto } from './dto/property.dto';

/** The unit number as the chaincode keys it (trimmed, upper case). */
export function canonicalUnit(unitNumber: string): string {
  const parsed = parseUnitNumber(unitNumber);
  return parsed.valid ? parsed.value.canonical : unitNumber;
}

/** A fresh random salt per holder (the chaincode has no randomness; README "Privacy"). */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** The resident ID as the chaincode hashes it (upper-case X), so holders and clearances compare. */
export function canonicalId(idNumber: string): string {
  const parsed = parseResidentId(idNumber);
  return parsed.valid ? parsed.value.canonical : idNumber;
}

/**
 * The contract's public Register request (register-request.ts): it lands in a block, so neither
 * personal data nor the act's private particulars go here.
 */
export interface ContractRegisterRequest {
  readonly unitNumber: string;
  readonly type: string;
  readonly certificateNumber?: string;
  readonly property?: { location: string; areaM2: string; usage: string };
  readonly court?: string;
  readonly mortgage?: {
    mortgageeName: string;
    mortgageeUscc: string;
    term?: { from: string; to: string };
  };
  readonly deedTaxClearanceNumber?: string;
  readonly mortgageeConsentReference?: string;
  readonly closesObjection?: boolean;
  readonly correctionBasis?: { kind: string; reference: string };
}

export interface TransientHolder {
  readonly name: string;
  readonly idNumber: string;
  readonly share?: string;
  readonly salt: string;
  readonly clearanceSalt?: string;
}

/**
 * The act's private particulars for transient `particulars` (chaincode particulars.ts): the free texts
 * (description, remarks), the secured amount and the court order, with a fresh salt for their public
 * hash. Undefined when the act has none.
 */
export interface TransientParticulars {
  readonly description?: string;
  readonly remarks?: string;
  readonly courtOrder?: string;
  readonly securedAmountFen?: string;
  readonly salt: string;
}

export function toTransientParticulars(dto: CreateRegistrationDto): TransientParticulars | undefined {
  const description = dto.description?.trim();
  const remarks = dto.remarks?.trim();
  const particulars = {
    ...(description !== undefined && description !== '' && { description }),
    ...(remarks !== undefined && remarks !== '' && { remarks }),
    ...(dto.courtOrder !== undefined && { courtOrder: dto.courtOrder }),
    ...(dto.mortgage !== undefined && { securedAmountFen: toFen(dto.mortgage.amountCny) }),
  };
  return Object.keys(particulars).length === 0 ? undefined : { ...particulars, salt: newSalt() };
}

export function toContractRequest(dto: CreateRegistrationDto): ContractRegisterRequest {
  return {
    unitNumber: canonicalUnit(dto.unitNumber),
    type: dto.type,
    ...(dto.certificateNumber !== undefined && { certificateNumber: dto.certificateNumber }),
    ...(dto.property !== undefined && { property: propertyParticulars(dto.property) }),
    ...(dto.court !== undefined && { court: dto.court }),
    ...(dto.mortgage !== undefined && { mortgage: mortgageTerms(dto.mortgage) }),
    ...(dto.deedTaxClearanceNumber !== undefined && { deedTaxClearanceNumber: dto.deedTaxClearanceNumber }),
    ...(dto.mortgageeConsentReference !== undefined && {
      mortgageeConsentReference: dto.mortgageeConsentReference,
    }),
    ...(dto.closesObjection !== undefined && { closesObjection: dto.closesObjection }),
    // public: the chaincode records it in the registration (README "realestate", CORRECTION basis)
    ...(dto.correctionBasis !== undefined && {
      correctionBasis: { kind: dto.correctionBasis.kind, reference: dto.correctionBasis.reference.trim() },
    }),
  };
}

/**
 * Holders for transient `holders`, each with a fresh salt. `clearanceSalts` (TRANSFER) maps a
 * canonical ID number to the salt the tax bureau used for that transferee.
 */
export function toTransientHolders(
  dto: CreateRegistrationDto,
  clearanceSalts?: ReadonlyMap<string, string>,
): TransientHolder[] | undefined {
  return dto.holders?.map((holder) => {
    const idNumber = canonicalId(holder.idNumber);
    const clearanceSalt = clearanceSalts?.get(idNumber);
    return {
      name: holder.name.trim(),
      idNumber,
      ...(holder.share !== undefined && { share: holder.share }),
      salt: newSalt(),
      ...(clearanceSalt !== undefined && { clearanceSalt }),
    };
  });
}

/** Yuan with up to 2 decimals → whole fen as a decimal string (rounded to undo binary fractions). */
export function toFen(amountCny: number): string {
  return BigInt(Math.round(amountCny * 100)).toString();
}

/**
 * The structured property particulars (public: chaincode property-particulars.ts). The area goes as
 * a decimal string with exactly two decimals; the DTO allows at most two, so toFixed is exact.
 */
function propertyParticulars(property: PropertyDto): NonNullable<ContractRegisterRequest['property']> {
  return {
    location: property.location.trim(),
    areaM2: property.areaM2.toFixed(2),
    usage: property.usage,
  };
}

function mortgageTerms(mortgage: MortgageDto): NonNullable<ContractRegisterRequest['mortgage']> {
  return {
    mortgageeName: mortgage.mortgagee.trim(),
    mortgageeUscc: mortgage.mortgageeUscc.trim().toUpperCase(),
    ...(mortgage.term !== undefined && { term: { from: mortgage.term.from, to: mortgage.term.to } }),
  };
}
