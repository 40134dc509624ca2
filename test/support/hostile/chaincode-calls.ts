import { randomBytes } from 'node:crypto';
import { type Contract, type Proposal } from '@hyperledger/fabric-gateway';
import { type DomainContract } from '../contracts';
import * as ids from './identifiers';
import { type LedgerProbe } from './endpoints';
import { Transactions } from '../../../chaincode/src/contract';

// Direct chaincode requests (no gateway): each domain's writes with fresh identifiers, the transient
// data the contracts require, the department whose peer is responsible, and what the write would
// create (a probe that must stay NOT_FOUND when the write was refused or invalidated). A contract is
// called in its home definition (contractOf), whose endorsement policy is the responsible department's
// peer alone.

export interface ChaincodeWrite {
  /** Called in its home definition (ContractHome). */
  readonly contract: DomainContract;
  readonly transaction: string;
  readonly args: string[];
  readonly transient?: Record<string, Uint8Array>;
  readonly responsibleMsp: string;
  readonly probe: LedgerProbe;
}

const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');
const salt = (): string => randomBytes(16).toString('hex');

export function firstRegistration(unitNumber = ids.unitNumber()): ChaincodeWrite {
  return {
    contract: 'realestate',
    transaction: Transactions.realestate.Register,
    args: [JSON.stringify({ unitNumber, type: 'FIRST', certificateNumber: ids.titleCertificate() })],
    transient: {
      holders: json([{ name: '张测试', idNumber: ids.residentId(), share: '1/1', salt: salt() }]),
      // the registry's secret key for its private holder index (base64, as the gateway sends it)
      holderLookupPepper: Buffer.from(randomBytes(32).toString('base64')),
    },
    responsibleMsp: 'RegistryMSP',
    probe: { contract: 'realestate', transaction: Transactions.realestate.GetUnit, args: [unitNumber] },
  };
}

export function seizure(unitNumber: string): ChaincodeWrite {
  return {
    contract: 'realestate',
    transaction: Transactions.realestate.Register,
    args: [JSON.stringify({ unitNumber, type: 'SEIZURE', court: '测试法院' })],
    // the court order is a private particular (chaincode particulars.ts), with the salt of its hash
    transient: { particulars: json({ courtOrder: '(2026)粤0104执1号', salt: salt() }) },
    responsibleMsp: 'RegistryMSP',
    probe: { contract: 'realestate', transaction: Transactions.realestate.GetUnit, args: [unitNumber] },
  };
}

/** A deed-tax clearance (definition `tax`); the unit must be registered for it to be recorded. */
export function deedTaxClearance(unitNumber = ids.unitNumber()): ChaincodeWrite {
  const clearanceNumber = ids.receiptNumber();
  return {
    contract: 'deedtax',
    transaction: Transactions.deedtax.RecordDeedTaxClearance,
    args: [JSON.stringify({ unitNumber, clearanceNumber, taxPaidFen: '3000000' })],
    transient: { transferees: json([{ idNumber: ids.residentId(), salt: salt() }]) },
    responsibleMsp: 'TaxMSP',
    probe: {
      contract: 'deedtax',
      transaction: Transactions.deedtax.GetDeedTaxClearance,
      args: [unitNumber, clearanceNumber],
    },
  };
}

export function openCase(uscc = ids.uscc()): ChaincodeWrite {
  return {
    contract: 'business',
    transaction: Transactions.business.OpenCase,
    args: [
      JSON.stringify({
        uscc,
        name: `敌意背书${ids.digits(8)}有限公司`,
        entityType: 'LIMITED_LIABILITY_COMPANY',
        registeredCapitalCny: '1000000',
        address: '广州市天河区测试路1号',
        businessScope: '软件开发',
      }),
    ],
    transient: { legalRepresentative: json({ name: '司马测试', idNumber: ids.residentId(), salt: salt() }) },
    responsibleMsp: 'MarketMSP',
    probe: { contract: 'business', transaction: Transactions.business.GetCase, args: [`BO-${uscc}`] },
  };
}

/** A business step other than TAX (LICENSE): the market regulator's own, definition `business`. */
export function completeStep(uscc: string, step: string): ChaincodeWrite {
  return {
    contract: 'business',
    transaction: Transactions.business.CompleteStep,
    args: [`BO-${uscc}`, step, `${step}-${ids.digits(6)}`],
    responsibleMsp: 'MarketMSP',
    probe: { contract: 'business', transaction: Transactions.business.GetLicense, args: [uscc] },
  };
}

/**
 * The tax bureau's TAX step of a case (definition `tax`): needs the case and an ACTIVE licence. What it
 * creates is the TAX step record (businesstax:GetTaxStep).
 */
export function completeTaxStep(uscc: string): ChaincodeWrite {
  return {
    contract: 'businesstax',
    transaction: Transactions.businesstax.CompleteTaxStep,
    args: [`BO-${uscc}`, `TAX-${ids.digits(6)}`],
    responsibleMsp: 'TaxMSP',
    probe: {
      contract: 'businesstax',
      transaction: Transactions.businesstax.GetTaxStep,
      args: [`BO-${uscc}`],
    },
  };
}

export function changeLicenseStatus(uscc = ids.uscc()): ChaincodeWrite {
  return {
    contract: 'business',
    transaction: Transactions.business.ChangeLicenseStatus,
    args: [uscc, 'CANCELLED', '测试注销'],
    responsibleMsp: 'MarketMSP',
    probe: { contract: 'business', transaction: Transactions.business.GetLicense, args: [uscc] },
  };
}

export function registerSite(siteId = ids.siteId('ST')): ChaincodeWrite {
  return {
    contract: 'waste',
    transaction: Transactions.waste.RegisterSite,
    args: [JSON.stringify({ siteId, kind: 'STATION', districtCode: '440103', name: '敌意背书测试站' })],
    responsibleMsp: 'UrbanMSP',
    probe: { contract: 'waste', transaction: Transactions.waste.GetSite, args: [siteId] },
  };
}

export function commissionBags(firstSerial = ids.bagSerial()): ChaincodeWrite {
  return {
    contract: 'waste',
    transaction: Transactions.waste.CommissionBags,
    args: [JSON.stringify({ districtCode: '440103', category: '01', firstSerial, count: 1 })],
    transient: {
      householdRef: Buffer.from('HX-household', 'utf8'),
      householdSalt: Buffer.from(salt(), 'utf8'),
    },
    responsibleMsp: 'UrbanMSP',
    probe: { contract: 'waste', transaction: Transactions.waste.GetBag, args: [ids.barcode(firstSerial)] },
  };
}

export function recordScan(barcode: string, stationId: string): ChaincodeWrite {
  const scan = {
    barcode,
    stationId,
    scannedAt: new Date(Date.now() - 60_000).toISOString(),
    weightGrams: 700,
    quality: 'CONFORMANT',
  };
  return {
    contract: 'waste',
    transaction: Transactions.waste.RecordScans,
    args: [JSON.stringify({ scans: [scan] })],
    responsibleMsp: 'UrbanMSP',
    probe: { contract: 'waste', transaction: Transactions.waste.GetBag, args: [barcode] },
  };
}

/** Endorses `write` on the peers of `orgs` only (fabric-gateway's endorsingOrganizations). */
export function proposal(contract: Contract, write: ChaincodeWrite, orgs: readonly string[]): Proposal {
  return contract.newProposal(write.transaction, {
    arguments: write.args,
    ...(write.transient && { transientData: write.transient }),
    endorsingOrganizations: [...orgs],
  });
}

/** The text of a fabric-gateway error with its per-peer details (where the chaincode's JSON sits). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = (error as { details?: unknown }).details;
  const messages = Array.isArray(details)
    ? (details as { message?: unknown }[]).map((detail) => String(detail.message))
    : [];
  return [error.message, ...messages].join(' | ');
}

/** The probe's record as JSON, or undefined when the chaincode answers NOT_FOUND. */
export async function read(
  contractFor: (name: DomainContract) => Contract,
  probe: LedgerProbe,
): Promise<unknown> {
  try {
    const bytes = await contractFor(probe.contract).evaluateTransaction(probe.transaction, ...probe.args);
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch (error) {
    if (errorText(error).includes('"code":"NOT_FOUND"')) return undefined;
    throw error;
  }
}
