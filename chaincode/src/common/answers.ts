// The answer of each transaction that answers something, by contract and transaction: the one place
// that says which shape (answer-shape.ts) a transaction answers. The contracts declare the same
// shapes (@Returns through answer-metadata.ts), the gateway decodes by this table, and
// answers.test.ts holds the two equal.

import * as business from '../business/answers';
import * as proof from '../proof/answers';
import * as realestate from '../realestate/answers';
import * as smoke from '../smoke/answers';
import * as tax from '../tax/answers';
import * as waste from '../waste/answers';
import { type AnswerOf, type AnswerShape } from './answer-shape';
import { type ContractName } from './definitions';
import { type TransactionOf } from './transactions';

export const Answers = {
  realestate: {
    Register: realestate.RegisterAnswer,
    GetUnit: realestate.UnitAnswer,
    GetCertificate: realestate.CertificateAnswer,
    GetUnitHistory: realestate.UnitHistoryAnswer,
    GetHolderMatch: realestate.HolderMatchAnswer,
    FindUnitsByHolder: realestate.HolderUnitsAnswer,
    GetCertificateForPrint: realestate.CertificatePrintAnswer,
  },
  deedtax: {
    RecordDeedTaxClearance: tax.DeedTaxClearanceAnswer,
    GetDeedTaxClearance: tax.ClearanceRecordAnswer,
    GetDeedTaxClearanceTransferees: tax.ClearanceTransfereesAnswer,
    AuditUnitTransfers: tax.UnitTransferAuditAnswer,
  },
  businesstax: { CompleteTaxStep: business.StepCompletedAnswer, GetTaxStep: tax.TaxStepAnswer },
  business: {
    OpenCase: business.CaseOpenedAnswer,
    CompleteStep: business.StepCompletedAnswer,
    ChangeLicenseStatus: business.LicenseStatusChangedAnswer,
    GetCase: business.CaseAnswer,
    FindCaseByUscc: business.CaseAnswer,
    GetCaseRecord: business.CaseRecordAnswer,
    GetLicense: business.LicenseAnswer,
  },
  waste: {
    RegisterSite: waste.SiteAnswer,
    GetSite: waste.SiteAnswer,
    CommissionBags: waste.CommissionAnswer,
    RecordScans: waste.ScansAnswer,
    RecordCollection: waste.CollectionAnswer,
    RecordDelivery: waste.DeliveryAnswer,
    GetBag: waste.BagTraceAnswer,
    SetConfig: waste.WasteConfigAnswer,
    GetConfig: waste.WasteConfigAnswer,
    RegisterVehicle: waste.VehicleAnswer,
    RetireVehicle: waste.VehicleAnswer,
    GetVehicle: waste.VehicleAnswer,
    RegisterBin: waste.BinAnswer,
    RetireBin: waste.BinAnswer,
    GetBin: waste.BinAnswer,
    RecordRoute: waste.RouteAnswer,
    GetRoute: waste.RouteAnswer,
    CorrectLoadWeight: waste.CorrectionAnswer,
    GetLoad: waste.LoadAnswer,
  },
  proof: { LatestWrite: proof.LatestWriteAnswer, ReadWithLatestWrite: proof.RecordWithLatestWriteAnswer },
  smoke: { Get: smoke.SmokeRecordAnswer },
} as const satisfies { readonly [C in ContractName]: { readonly [T in TransactionOf<C>]?: AnswerShape } };

/** The contracts with described answers, and the transactions of contract `C` that have one. */
export type AnsweredContract = keyof typeof Answers;
export type AnsweredTransaction<C extends AnsweredContract> = keyof (typeof Answers)[C] & string;

/** The shape transaction `T` of contract `C` answers. */
export type AnswerShapeOf<
  C extends AnsweredContract,
  T extends AnsweredTransaction<C>,
> = (typeof Answers)[C][T] extends infer S extends AnswerShape ? S : never;

/** The answer of transaction `T` of contract `C`, e.g. `TransactionAnswer<'realestate', 'Register'>`. */
export type TransactionAnswer<C extends AnsweredContract, T extends AnsweredTransaction<C>> = AnswerOf<
  AnswerShapeOf<C, T>
>;
