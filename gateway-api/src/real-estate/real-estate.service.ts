import { Inject, Injectable } from '@nestjs/common';

import {
  type AnsweredTransaction,
  ContractNames,
  printedVerificationCode,
  type TransactionAnswer,
  Transactions,
} from '../../../chaincode/src/contract';
import { type Principal } from '../auth/principal';
import { chaincodeAnswer } from '../common/chaincode-answer';
import { RuleViolationError, ValidationFailedError } from '../common/errors';
import { LEDGER_CLIENT, type LedgerClient } from '../ledger/ledger-client.port';
import { type CreateDeedTaxClearanceDto } from './dto/create-clearance.dto';
import { type CreateRegistrationDto } from './dto/create-registration.dto';
import { type HolderUnitsResponse } from './dto/holder-units.dto';
import { type DeedTaxClearanceResponse, type RegistrationResponse } from './dto/responses.dto';
import {
  canonicalId,
  canonicalUnit,
  newSalt,
  toContractRequest,
  toFen,
  toTransientParticulars,
  toTransientHolders,
} from './registration-request';
import { HolderLookupKey } from './holder-lookup-key';
import { newVerificationCode } from './verification-code';

export const CONTRACT = ContractNames.RealEstate;
/** Deed-tax clearances: the tax bureau's own records, in the tax definition (definitions.ts). */
export const DEED_TAX_CONTRACT = ContractNames.DeedTax;
/** Transient data for registryPrivate may reach RegistryMSP's peers only (collection membership). */
const REGISTRY_ORGS = ['RegistryMSP'];
/** Writes to the tax definition: its endorsement policy is the tax bureau's peer alone. */
const TAX_ORGS = ['TaxMSP'];

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
    const { registrationId, unitNumber, certificateNumber, certificateContentHash, unitStatus } =
      chaincodeAnswer(result, CONTRACT, Transactions.realestate.Register);
    return {
      registrationId,
      unitNumber,
      ...(certificateNumber !== null && { certificateNumber }),
      ...(certificateContentHash !== null && { certificateContentHash }),
      // shown once, for the clerk to print on the certificate; never stored in clear (not even for
      // replay). Not when the answer comes from an earlier attempt's transaction: this code is not it.
      ...(certificateNumber !== null &&
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
        JSON.stringify({
          unitNumber: canonicalUnit(dto.unitNumber),
          clearanceNumber: dto.receiptNumber,
          taxPaidFen: toFen(dto.taxPaidCny),
        }),
      ],
      transient: { transferees: JSON.stringify(transferees) },
      endorsingOrgs: TAX_ORGS,
    });
    const { clearanceNumber, unitNumber, titleVersion } = chaincodeAnswer(
      result,
      DEED_TAX_CONTRACT,
      Transactions.deedtax.RecordDeedTaxClearance,
    );
    return { clearanceNumber, unitNumber, titleVersion, txId, blockNumber: Number(blockNumber) };
  }

  /**
   * GetCertificateForPrint, evaluated on the clerk's own (RegistryMSP) peer: the certificate with its
   * holders' full names and ID numbers and the issuing act's private particulars. Personal data: the
   * route answers it `no-store`, and nothing here logs it.
   */
  async certificateForPrint(
    caller: Principal,
    certificateNumber: string,
  ): Promise<TransactionAnswer<typeof CONTRACT, typeof Transactions.realestate.GetCertificateForPrint>> {
    return this.read(caller, CONTRACT, Transactions.realestate.GetCertificateForPrint, [certificateNumber]);
  }

  /** GetUnit, evaluated on the caller's peer: status, masked holders, encumbrances, active certificates. */
  async unit(
    caller: Principal,
    unitNumber: string,
  ): Promise<TransactionAnswer<typeof CONTRACT, typeof Transactions.realestate.GetUnit>> {
    return this.read(caller, CONTRACT, Transactions.realestate.GetUnit, [canonicalUnit(unitNumber)]);
  }

  /** GetUnitHistory: every act in order, with txId, time and the acting clerk. */
  async history(
    caller: Principal,
    unitNumber: string,
  ): Promise<TransactionAnswer<typeof CONTRACT, typeof Transactions.realestate.GetUnitHistory>> {
    return this.read(caller, CONTRACT, Transactions.realestate.GetUnitHistory, [canonicalUnit(unitNumber)]);
  }

  /**
   * deedtax:AuditUnitTransfers on the tax officer's own peer: the tax bureau's after-the-fact check of
   * every TRANSFER the registry recorded, since only the registry's peer endorses a TRANSFER.
   */
  async transferAudit(
    caller: Principal,
    unitNumber: string,
  ): Promise<TransactionAnswer<typeof DEED_TAX_CONTRACT, typeof Transactions.deedtax.AuditUnitTransfers>> {
    return this.read(caller, DEED_TAX_CONTRACT, Transactions.deedtax.AuditUnitTransfers, [
      canonicalUnit(unitNumber),
    ]);
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
    const { units } = chaincodeAnswer(bytes, CONTRACT, Transactions.realestate.FindUnitsByHolder);
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
    const { transferees } = await this.read(
      caller,
      DEED_TAX_CONTRACT,
      Transactions.deedtax.GetDeedTaxClearanceTransferees,
      [canonicalUnit(dto.unitNumber), dto.deedTaxClearanceNumber],
    );
    const salts = new Map(transferees.map(({ idNumber, salt }) => [canonicalId(idNumber), salt]));
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

  /** An evaluation on the caller's peer, its answer decoded by the shape the transaction declares. */
  private async read<C extends typeof CONTRACT | typeof DEED_TAX_CONTRACT, T extends AnsweredTransaction<C>>(
    caller: Principal,
    contract: C,
    transaction: T,
    args: string[],
  ): Promise<TransactionAnswer<C, T>> {
    const bytes = await this.ledger.evaluate(caller.user, { contract, transaction, args });
    return chaincodeAnswer(bytes, contract, transaction);
  }
}
