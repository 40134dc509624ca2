// The answer of each transaction the gateway or the scripts read, by contract and transaction: the
// one place that says which shape (answer-shape.ts) a transaction answers. The contracts declare the
// same shapes (@Returns through answer-metadata.ts), the gateway decodes by this table, and
// answers.test.ts holds the two equal.

import {
  CaseAnswer,
  CaseOpenedAnswer,
  LicenseStatusChangedAnswer,
  StepCompletedAnswer,
} from '../business/answers';
import { LatestWriteAnswer, RecordWithLatestWriteAnswer } from '../proof/answers';
import {
  HolderMatchAnswer,
  HolderUnitsAnswer,
  RegisterAnswer,
  UnitAnswer,
  UnitHistoryAnswer,
} from '../realestate/answers';
import { SmokeRecordAnswer } from '../smoke/answers';
import { ClearanceTransfereesAnswer, DeedTaxClearanceAnswer, UnitTransferAuditAnswer } from '../tax/answers';
import {
  BagTraceAnswer,
  CollectionAnswer,
  CommissionAnswer,
  DeliveryAnswer,
  ScansAnswer,
  SiteAnswer,
} from '../waste/answers';
import { type AnswerOf, type AnswerShape } from './answer-shape';
import { type ContractName } from './definitions';
import { type TransactionOf } from './transactions';

export const Answers = {
  realestate: {
    Register: RegisterAnswer,
    GetUnit: UnitAnswer,
    GetUnitHistory: UnitHistoryAnswer,
    GetHolderMatch: HolderMatchAnswer,
    FindUnitsByHolder: HolderUnitsAnswer,
  },
  deedtax: {
    RecordDeedTaxClearance: DeedTaxClearanceAnswer,
    GetDeedTaxClearanceTransferees: ClearanceTransfereesAnswer,
    AuditUnitTransfers: UnitTransferAuditAnswer,
  },
  businesstax: { CompleteTaxStep: StepCompletedAnswer },
  business: {
    OpenCase: CaseOpenedAnswer,
    CompleteStep: StepCompletedAnswer,
    ChangeLicenseStatus: LicenseStatusChangedAnswer,
    GetCase: CaseAnswer,
    FindCaseByUscc: CaseAnswer,
  },
  waste: {
    RegisterSite: SiteAnswer,
    GetSite: SiteAnswer,
    CommissionBags: CommissionAnswer,
    RecordScans: ScansAnswer,
    RecordCollection: CollectionAnswer,
    RecordDelivery: DeliveryAnswer,
    GetBag: BagTraceAnswer,
  },
  proof: { LatestWrite: LatestWriteAnswer, ReadWithLatestWrite: RecordWithLatestWriteAnswer },
  smoke: { Get: SmokeRecordAnswer },
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
