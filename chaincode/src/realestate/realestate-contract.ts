// RealEstateContract ('realestate', definition `realestate`): real-estate registration (不动产登记).
// One Register transaction for every registration type (the state machine is in acts.ts), and the
// reads clerks, the tax bureau and the citizen verification page need. The deed-tax clearance is the
// tax bureau's, in its own definition (tax/deedtax-contract.ts); a TRANSFER reads it from there.
//
// Personal data never enters the arguments: right holders come as transient `holders`; see
// personal-data.ts and README "realestate".

// Context must be a value import: fabric-contract-api recognises the context parameter by its runtime type.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { answerType } from '../common/answer-metadata';
import {
  CertificateAnswer,
  CertificatePrintAnswer,
  HolderMatchAnswer,
  HolderUnitsAnswer,
  RegisterAnswer,
  UnitAnswer,
  UnitHistoryAnswer,
} from './answers';
import { requireMember } from '../common/access';
import { ContractNames } from '../common/definitions';
import { RecordTypes, listRecords, requireRecord } from '../common/ledger';
import { certificateForPrint } from './certificate-print';
import { type CertificateRecord, parseStoredCertificate } from './certificate-record';
import { findUnitsByHolder } from './find-units-by-holder';
import { certificateKey, unitKey } from './keys';
import { certificateNumberArgument, unitNumberArgument } from './lookup-arguments';
import { holderMatch } from './holder-match';
import { register } from './register';
import { parseStoredRegistration } from './registration-record';
import { type UnitRecord, activeCertificates, parseStoredUnit } from './unit-record';

@Info({
  title: 'RealEstateContract',
  description: 'Real-estate registration: units, registration acts, certificates',
})
export class RealEstateContract extends Contract {
  constructor() {
    super(ContractNames.RealEstate);
  }

  /**
   * Registers one act on a unit. `requestJson`: see register-request.ts. Transient `holders`
   * (JSON [{ name, idNumber, share?, salt, clearanceSalt? }]) for FIRST, TRANSFER, OBJECTION,
   * ADVANCE_NOTICE (required) and CORRECTION (optional; with a correctionBasis), never CHANGE.
   * Returns the registration id, sequence, issued certificate and its content hash.
   */
  @Transaction()
  @Returns(answerType(RegisterAnswer))
  async Register(ctx: Context, requestJson: string): Promise<AnswerJson<typeof RegisterAnswer>> {
    return register(ctx, requestJson);
  }

  /** The unit with masked holders, encumbrances and the records of its current certificates. */
  @Transaction(false)
  @Returns(answerType(UnitAnswer))
  async GetUnit(ctx: Context, unitNumber: string): Promise<AnswerJson<typeof UnitAnswer>> {
    requireMember(ctx);
    const unit = await this.#requireUnit(ctx, unitNumberArgument(unitNumber));
    const certificates: CertificateRecord[] = [];
    for (const number of activeCertificates(unit)) {
      certificates.push(
        await requireRecord(
          ctx,
          certificateKey(ctx, number),
          parseStoredCertificate,
          `certificate ${number}`,
        ),
      );
    }
    // the whole unit record goes with it: UnitAnswer lists only what its readers rely on
    const answer = { ...unit, certificates };
    return answerJson(UnitAnswer, answer);
  }

  /** One certificate by number (full-width or half-width brackets), with content, hash and status. */
  @Transaction(false)
  @Returns(answerType(CertificateAnswer))
  async GetCertificate(
    ctx: Context,
    certificateNumber: string,
  ): Promise<AnswerJson<typeof CertificateAnswer>> {
    requireMember(ctx);
    const number = certificateNumberArgument(certificateNumber).canonical;
    return answerJson(
      CertificateAnswer,
      await requireRecord(ctx, certificateKey(ctx, number), parseStoredCertificate, `certificate ${number}`),
    );
  }

  /** Every act on the unit in order, each with txId, time and the acting clerk's identity. */
  @Transaction(false)
  @Returns(answerType(UnitHistoryAnswer))
  async GetUnitHistory(ctx: Context, unitNumber: string): Promise<AnswerJson<typeof UnitHistoryAnswer>> {
    requireMember(ctx);
    const canonical = unitNumberArgument(unitNumber);
    await this.#requireUnit(ctx, canonical);
    const registrations = await listRecords(
      ctx,
      RecordTypes.RealEstateRegistration,
      [canonical],
      parseStoredRegistration,
    );
    return answerJson(UnitHistoryAnswer, {
      unitNumber: canonical,
      registrations: registrations.map((entry) => entry.record),
    });
  }

  /**
   * EVALUATE ONLY, on a RegistryMSP peer, registry_verifier only (the gateway's service identity):
   * whether `idNumber` belongs to a holder printed on the certificate AND `verificationCode` is the
   * code printed on it. It reads RegistryPrivate, which only registry peers hold, so it must never be
   * submitted. Returns `{certificateNumber, status, contentHash, codeIssued, match}`; no personal data.
   */
  @Transaction(false)
  @Returns(answerType(HolderMatchAnswer))
  async GetHolderMatch(
    ctx: Context,
    certificateNumber: string,
    idNumber: string,
    verificationCode: string,
  ): Promise<AnswerJson<typeof HolderMatchAnswer>> {
    return answerJson(
      HolderMatchAnswer,
      await holderMatch(ctx, certificateNumber, idNumber, verificationCode),
    );
  }

  /**
   * EVALUATE ONLY, on a RegistryMSP peer, registry_clerk only: the units `idNumber` currently owns,
   * from the private owner index, each with its public status and title certificate. Transient
   * `holderLookupPepper` (base64, the gateway's secret) is required. Returns `{ units: [...] }`.
   */
  @Transaction(false)
  @Returns(answerType(HolderUnitsAnswer))
  async FindUnitsByHolder(ctx: Context, idNumber: string): Promise<AnswerJson<typeof HolderUnitsAnswer>> {
    return findUnitsByHolder(ctx, idNumber);
  }

  /**
   * EVALUATE ONLY, on a RegistryMSP peer, registry_clerk only: the certificate with its holders' full
   * names and ID numbers and the issuing act's private particulars, for printing (certificate-print.ts).
   */
  @Transaction(false)
  @Returns(answerType(CertificatePrintAnswer))
  async GetCertificateForPrint(
    ctx: Context,
    certificateNumber: string,
  ): Promise<AnswerJson<typeof CertificatePrintAnswer>> {
    return certificateForPrint(ctx, certificateNumber);
  }

  async #requireUnit(ctx: Context, unitNumber: string): Promise<UnitRecord> {
    return requireRecord(ctx, unitKey(ctx, unitNumber), parseStoredUnit, `unit ${unitNumber}`);
  }
}
