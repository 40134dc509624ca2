import { Inject, Injectable } from '@nestjs/common';

import { printedVerificationCode, Transactions } from '../../../chaincode/src/contract';
import { type Principal } from '../auth/principal';
import { chaincodeAnswerObject, unexpectedAnswer } from '../common/chaincode-answer';
import { type ApiError, RuleViolationError, ValidationFailedError } from '../common/errors';
import { LEDGER_CLIENT, type LedgerClient } from '../ledger/ledger-client.port';
import { type CreateDeedTaxClearanceDto } from './dto/create-clearance.dto';
import { type CreateRegistrationDto } from './dto/create-registration.dto';
import { type HolderUnit, type HolderUnitsResponse } from './dto/holder-units.dto';
import { type DeedTaxClearanceResponse, type RegistrationResponse } from './dto/responses.dto';
import {
  canonicalId,
  canonicalUnit,
  newSalt,
  toContractRequest,
  toTransientParticulars,
  toTransientHolders,
} from './registration-request';
import { HolderLookupKey } from './holder-lookup-key';
import { newVerificationCode } from './verification-code';

export const CONTRACT = 'realestate';
/** Deed-tax clearances: the tax bureau's own records, in the tax definition (definitions.ts). */
export const DEED_TAX_CONTRACT = 'deedtax';
/** Transient data for registryPrivate may reach RegistryMSP's peers only (collection membership). */
const REGISTRY_ORGS = ['RegistryMSP'];
/** Writes to the tax definition: its endorsement policy is the tax bureau's peer alone. */
const TAX_ORGS = ['TaxMSP'];

type Json = Record<string, unknown>;

/** The chaincode's `realestate` contract, always as the caller's own Fabric identity. */
@Injectable()
export class RealEstateService {
  constructor(
    @Inject(LEDGER_CLIENT) private readonly ledger: LedgerClient,
    private readonly holderLookupKey: HolderLookupKey,
  ) {}

  async register(caller: Principal, dto: CreateRegistrationDto): Promise<RegistrationResponse> {
    const request = toContractRequest(dto);
    const clearanceSalts = dto.type === 'TRANSFER' ? await this.clearanceSalts(caller, dto) : undefined;
    const holders = toTransientHolders(dto, clearanceSalts);
    const particulars = toTransientParticulars(dto);
    // the pepper goes with EVERY act: the chaincode needs it whenever ownership moves (FIRST, TRANSFER,
    // CORRECTION with holders, CANCELLATION) to keep its private owner index right; its version is
    // recorded in the entries, so those made with an older key can be re-indexed after a rotation
    const holderLookupPepper = await this.holderLookupKey.base64();
    const holderLookupKeyVersion = String(await this.holderLookupKey.version());
    // a certificate gets the code the holder proves it with; only its salted hash reaches the ledger
    const code = dto.certificateNumber !== undefined ? newVerificationCode() : undefined;
    const { txId, blockNumber, result, replayed } = await this.ledger.submit(caller.user, {
      contract: CONTRACT,
      transaction: Transactions.realestate.Register,
      args: [JSON.stringify(request)],
      transient: {
        holderLookupPepper,
        holderLookupKeyVersion,
        ...(holders !== undefined && { holders: JSON.stringify(holders) }),
        ...(particulars !== undefined && { particulars: JSON.stringify(particulars) }),
        ...(code !== undefined && { verificationCode: JSON.stringify({ code, salt: newSalt() }) }),
      },
      endorsingOrgs: REGISTRY_ORGS,
    });
    const answer = this.parse(result, 'Register');
    const registrationId = answer.registrationId;
    const unitNumber = answer.unitNumber;
    const unitStatus = answer.unitStatus;
    if (
      typeof registrationId !== 'string' ||
      typeof unitNumber !== 'string' ||
      typeof unitStatus !== 'string'
    ) {
      throw this.unexpected('Register', result);
    }
    return {
      registrationId,
      unitNumber,
      ...(typeof answer.certificateNumber === 'string' && { certificateNumber: answer.certificateNumber }),
      ...(typeof answer.certificateContentHash === 'string' && {
        certificateContentHash: answer.certificateContentHash,
      }),
      // shown once, for the clerk to print on the certificate; never stored in clear (not even for
      // replay). Not when the answer comes from an earlier attempt's transaction: this code is not it.
      ...(typeof answer.certificateNumber === 'string' &&
        code !== undefined &&
        replayed !== true && { verificationCode: printedVerificationCode(code) }),
      unitStatus,
      txId,
      blockNumber: Number(blockNumber),
    };
  }

  async recordDeedTaxClearance(
    caller: Principal,
    dto: CreateDeedTaxClearanceDto,
  ): Promise<DeedTaxClearanceResponse> {
    const transferees = dto.transfereeIdNumbers.map((id) => ({ idNumber: canonicalId(id), salt: newSalt() }));
    const { txId, blockNumber, result } = await this.ledger.submit(caller.user, {
      contract: DEED_TAX_CONTRACT,
      transaction: Transactions.deedtax.RecordDeedTaxClearance,
      // the tax receipt number is the clearance number the TRANSFER will name
      args: [
        JSON.stringify({ unitNumber: canonicalUnit(dto.unitNumber), clearanceNumber: dto.receiptNumber }),
      ],
      transient: { transferees: JSON.stringify(transferees) },
      endorsingOrgs: TAX_ORGS,
    });
    const answer = this.parse(result, 'RecordDeedTaxClearance');
    const { clearanceNumber, unitNumber, titleVersion } = answer;
    if (
      typeof clearanceNumber !== 'string' ||
      typeof unitNumber !== 'string' ||
      typeof titleVersion !== 'number'
    ) {
      throw this.unexpected('RecordDeedTaxClearance', result);
    }
    return { clearanceNumber, unitNumber, titleVersion, txId, blockNumber: Number(blockNumber) };
  }

  /** GetUnit, evaluated on the caller's peer: status, masked holders, encumbrances, active certificates. */
  async unit(caller: Principal, unitNumber: string): Promise<Json> {
    return this.evaluate(caller, Transactions.realestate.GetUnit, [canonicalUnit(unitNumber)]);
  }

  /** GetUnitHistory: every act in order, with txId, time and the acting clerk. */
  async history(caller: Principal, unitNumber: string): Promise<Json> {
    return this.evaluate(caller, 'GetUnitHistory', [canonicalUnit(unitNumber)]);
  }

  /**
   * deedtax:AuditUnitTransfers on the tax officer's own peer: the tax bureau's after-the-fact check of
   * every TRANSFER the registry recorded, since only the registry's peer endorses a TRANSFER.
   */
  async transferAudit(caller: Principal, unitNumber: string): Promise<Json> {
    return this.evaluate(caller, 'AuditUnitTransfers', [canonicalUnit(unitNumber)], DEED_TAX_CONTRACT);
  }

  /**
   * FindUnitsByHolder on the clerk's own (RegistryMSP) peer: the units the person owns now, from the
   * chaincode's private owner index. The ID travels only as an argument of an evaluation, which is
   * never ordered into a block; nothing here logs it.
   */
  async holderUnits(caller: Principal, idNumber: string): Promise<HolderUnitsResponse> {
    const holderLookupPepper = await this.holderLookupKey.base64();
    const bytes = await this.ledger.evaluate(caller.user, {
      contract: CONTRACT,
      transaction: Transactions.realestate.FindUnitsByHolder,
      args: [canonicalId(idNumber)],
      transient: { holderLookupPepper },
    });
    const answer = this.parse(bytes, 'FindUnitsByHolder');
    if (!Array.isArray(answer.units)) throw this.unexpected('FindUnitsByHolder', bytes);
    const units: HolderUnit[] = [];
    for (const item of answer.units as unknown[]) {
      const unit = toHolderUnit(item);
      if (unit === undefined) throw this.unexpected('FindUnitsByHolder', bytes);
      units.push(unit);
    }
    return { units };
  }

  /**
   * A TRANSFER must present, per transferee, the salt the tax bureau used in the clearance (README
   * "Privacy"). The clerk reads them from DeedTaxShared on the registry's own peer and they are matched
   * to the holders by ID number; a holder the clearance does not name is a 422 here, with its field.
   */
  private async clearanceSalts(caller: Principal, dto: CreateRegistrationDto): Promise<Map<string, string>> {
    if (dto.deedTaxClearanceNumber === undefined) {
      throw new ValidationFailedError('A TRANSFER names its deed-tax clearance', {
        details: [{ field: 'deedTaxClearanceNumber', message: 'is required for a TRANSFER registration' }],
      });
    }
    const record = await this.evaluate(
      caller,
      'GetDeedTaxClearanceTransferees',
      [canonicalUnit(dto.unitNumber), dto.deedTaxClearanceNumber],
      DEED_TAX_CONTRACT,
    );
    const salts = new Map<string, string>();
    for (const item of Array.isArray(record.transferees) ? (record.transferees as unknown[]) : []) {
      const { idNumber, salt } = (item ?? {}) as Json;
      if (typeof idNumber === 'string' && typeof salt === 'string') salts.set(canonicalId(idNumber), salt);
    }
    const missing = (dto.holders ?? [])
      .map((holder, index) => ({ index, id: canonicalId(holder.idNumber) }))
      .filter(({ id }) => !salts.has(id));
    if (missing.length > 0) {
      throw new RuleViolationError(
        `The deed-tax clearance ${dto.deedTaxClearanceNumber} does not name every transferee`,
        {
          details: missing.map(({ index }) => ({
            field: `holders.${index}.idNumber`,
            message: 'is not a transferee of the deed-tax clearance',
          })),
        },
      );
    }
    return salts;
  }

  private async evaluate(
    caller: Principal,
    transaction: string,
    args: string[],
    contract: typeof CONTRACT | typeof DEED_TAX_CONTRACT = CONTRACT,
  ): Promise<Json> {
    const bytes = await this.ledger.evaluate(caller.user, { contract, transaction, args });
    return this.parse(bytes, transaction);
  }

  private parse(bytes: Uint8Array, transaction: string): Json {
    return chaincodeAnswerObject(bytes, `realestate ${transaction}`);
  }

  private unexpected(transaction: string, bytes: Uint8Array): ApiError {
    // never the answer itself: private reads carry ID numbers
    return unexpectedAnswer(`realestate ${transaction}`, `${bytes.length} bytes`);
  }
}

/** One entry of FindUnitsByHolder's answer, checked field by field; undefined when malformed. */
function toHolderUnit(item: unknown): HolderUnit | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { unitNumber, status, titleCertificate, holdersSequence, mortgaged, seized, updatedAt } =
    item as Json;
  if (
    typeof unitNumber !== 'string' ||
    typeof status !== 'string' ||
    (typeof titleCertificate !== 'string' && titleCertificate !== null) ||
    typeof holdersSequence !== 'number' ||
    typeof mortgaged !== 'boolean' ||
    typeof seized !== 'boolean' ||
    typeof updatedAt !== 'string'
  ) {
    return undefined;
  }
  return { unitNumber, status, titleCertificate, holdersSequence, mortgaged, seized, updatedAt };
}
