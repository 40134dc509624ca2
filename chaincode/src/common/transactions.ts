// Every transaction of every contract, by contract: the one list of names the gateway, the scripts and
// the tests call, so a renamed or removed transaction fails their compilation instead of a request.
// transactions.test.ts holds it equal to the transactions the contract classes declare (@Transaction).

import { type ContractName } from './definitions';

const names = <const T extends readonly string[]>(...list: T): { readonly [K in T[number]]: K } =>
  Object.freeze(Object.fromEntries(list.map((name) => [name, name]))) as { readonly [K in T[number]]: K };

export const Transactions = {
  realestate: names(
    'Register',
    'GetUnit',
    'GetCertificate',
    'GetUnitHistory',
    'GetHolderMatch',
    'FindUnitsByHolder',
    'GetCertificateForPrint',
  ),
  deedtax: names(
    'RecordDeedTaxClearance',
    'GetDeedTaxClearance',
    'GetDeedTaxClearanceTransferees',
    'AuditUnitTransfers',
  ),
  businesstax: names('CompleteTaxStep', 'GetTaxStep'),
  business: names(
    'OpenCase',
    'CompleteStep',
    'ChangeLicenseStatus',
    'GetCase',
    'FindCaseByUscc',
    'GetCaseRecord',
    'GetLicense',
  ),
  waste: names(
    'RegisterSite',
    'GetSite',
    'CommissionBags',
    'RecordScans',
    'RecordCollection',
    'RecordDelivery',
    'GetBag',
    'SetConfig',
    'GetConfig',
    'RegisterVehicle',
    'RetireVehicle',
    'GetVehicle',
    'RegisterBin',
    'RetireBin',
    'GetBin',
    'RecordRoute',
    'GetRoute',
    'CorrectLoadWeight',
    'GetLoad',
  ),
  proof: names('LatestWrite', 'ReadWithLatestWrite'),
  smoke: names('Put', 'PutMany', 'Get'),
} as const satisfies Record<ContractName, Readonly<Record<string, string>>>;

/** The transactions of contract `C`. */
export type TransactionOf<C extends ContractName> = keyof (typeof Transactions)[C] & string;
