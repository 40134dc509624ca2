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
  readonly court?: string;
  readonly mortgage?: { mortgageeName: string; mortgageeUscc: string };
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
 * The act's private particulars for transient `particulars` (chaincode particulars.ts): the free text,
 * the secured amount and the court order, with a fresh salt for their public hash. Undefined when the
 * act has none.
 */
export interface TransientParticulars {
  readonly description?: string;
  readonly courtOrder?: string;
  readonly securedAmountFen?: string;
  readonly salt: string;
}

export function toTransientParticulars(dto: CreateRegistrationDto): TransientParticulars | undefined {
  const description = describe(dto);
  const particulars = {
    ...(description !== undefined && { description }),
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

function mortgageTerms(mortgage: MortgageDto): NonNullable<ContractRegisterRequest['mortgage']> {
  return {
    mortgageeName: mortgage.mortgagee.trim(),
    mortgageeUscc: mortgage.mortgageeUscc.trim().toUpperCase(),
  };
}

/**
 * The contract has one free-text particular, `description`: API.md's property facts, the mortgage
 * term and the remarks are folded into it, after the clerk's own description.
 */
function describe(dto: CreateRegistrationDto): string | undefined {
  const parts = [
    dto.description?.trim(),
    dto.property === undefined ? undefined : describeProperty(dto.property),
    dto.mortgage?.term === undefined
      ? undefined
      : `抵押期限: ${dto.mortgage.term.from} 至 ${dto.mortgage.term.to}`,
    dto.remarks === undefined ? undefined : `附记: ${dto.remarks.trim()}`,
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.length === 0 ? undefined : parts.join('; ');
}

function describeProperty(property: PropertyDto): string | undefined {
  const parts = [
    property.location === undefined ? undefined : `坐落: ${property.location.trim()}`,
    property.areaM2 === undefined ? undefined : `面积: ${property.areaM2} m²`,
    property.usage === undefined ? undefined : `用途: ${property.usage.trim()}`,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(', ');
}
