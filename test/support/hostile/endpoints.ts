import { type DomainContract } from '../contracts';
import * as ids from './identifiers';
import { Transactions } from '../../../chaincode/src/contract';

// The write endpoints of shared/API.md with the demo users allowed to call each, and a fresh valid
// body per call. "Allowed" means the role check lets the caller through: the call may still fail for
// a domain reason (404 for a case that does not exist), never with 401/403.

export const DEMO_USERS = [
  'registry-clerk',
  'tax-officer',
  'market-clerk',
  'urban-inspector',
  'station-operator',
  'hauler',
  'facility-operator',
] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

/** What a request could have created on the ledger, to check that a refused one did not. */
export interface LedgerProbe {
  /** Read in the contract's home definition (contractOf). */
  readonly contract: DomainContract;
  readonly transaction: string;
  readonly args: string[];
}

export interface WriteCall {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly probe?: LedgerProbe;
}

export interface WriteEndpoint {
  readonly name: string;
  readonly allowed: readonly DemoUser[];
  /** A fresh request: new identifiers each time, so an accepted one never collides with another. */
  readonly make: () => WriteCall;
}

const minuteAgo = (): string => new Date(Date.now() - 60_000).toISOString();

export const WRITE_ENDPOINTS: readonly WriteEndpoint[] = [
  {
    name: 'POST real-estate/registrations',
    allowed: ['registry-clerk'],
    make: (): WriteCall => {
      const unitNumber = ids.unitNumber();
      return {
        path: '/api/v1/real-estate/registrations',
        body: {
          type: 'FIRST',
          unitNumber,
          certificateNumber: ids.titleCertificate(),
          holders: [{ name: '张测试', idNumber: ids.residentId(), share: '1/1' }],
        },
        probe: { contract: 'realestate', transaction: Transactions.realestate.GetUnit, args: [unitNumber] },
      };
    },
  },
  {
    name: 'POST real-estate/deed-tax-clearances',
    allowed: ['tax-officer'],
    make: (): WriteCall => {
      const unitNumber = ids.unitNumber();
      const receiptNumber = ids.receiptNumber();
      return {
        path: '/api/v1/real-estate/deed-tax-clearances',
        body: { unitNumber, transfereeIdNumbers: [ids.residentId()], receiptNumber, taxPaidCny: 30000 },
        probe: {
          contract: 'deedtax',
          transaction: Transactions.deedtax.GetDeedTaxClearance,
          args: [unitNumber, receiptNumber],
        },
      };
    },
  },
  {
    name: 'POST business/cases',
    allowed: ['market-clerk'],
    make: (): WriteCall => {
      const uscc = ids.uscc();
      return {
        path: '/api/v1/business/cases',
        body: {
          uscc,
          name: `敌意测试${ids.digits(8)}有限公司`,
          entityType: 'LIMITED_LIABILITY_COMPANY',
          legalRepresentative: { name: '欧阳测试', idNumber: ids.residentId() },
          registeredCapitalCny: '1000000.00',
          address: '广州市天河区示例路1号',
          businessScope: '软件开发',
        },
        probe: { contract: 'business', transaction: Transactions.business.GetCase, args: [`BO-${uscc}`] },
      };
    },
  },
  {
    name: 'POST business/cases/{id}/steps/LICENSE',
    allowed: ['market-clerk'],
    make: () => ({
      path: `/api/v1/business/cases/BO-${ids.uscc()}/steps/LICENSE`,
      body: { reference: `LIC-${ids.digits(6)}` },
    }),
  },
  {
    name: 'POST business/cases/{id}/steps/TAX',
    allowed: ['tax-officer'],
    make: () => ({
      path: `/api/v1/business/cases/BO-${ids.uscc()}/steps/TAX`,
      body: { reference: `TAX-${ids.digits(6)}` },
    }),
  },
  {
    name: 'POST business/licenses/{uscc}/status',
    allowed: ['market-clerk'],
    make: () => ({
      path: `/api/v1/business/licenses/${ids.uscc()}/status`,
      body: { status: 'CANCELLED', reason: '测试注销' },
    }),
  },
  {
    name: 'POST waste/sites',
    allowed: ['urban-inspector'],
    make: (): WriteCall => {
      const siteId = ids.siteId('ST');
      return {
        path: '/api/v1/waste/sites',
        body: { siteId, kind: 'STATION', districtCode: '440103', name: '敌意测试收集点' },
        probe: { contract: 'waste', transaction: Transactions.waste.GetSite, args: [siteId] },
      };
    },
  },
  {
    name: 'POST waste/bag-batches',
    allowed: ['urban-inspector'],
    make: (): WriteCall => {
      const firstSerial = ids.bagSerial();
      return {
        path: '/api/v1/waste/bag-batches',
        body: { districtCode: '440103', category: '01', firstSerial, count: 1, householdRef: 'HX-household' },
        probe: {
          contract: 'waste',
          transaction: Transactions.waste.GetBag,
          args: [ids.barcode(firstSerial)],
        },
      };
    },
  },
  {
    name: 'POST waste/scans',
    allowed: ['station-operator'],
    make: () => ({
      path: '/api/v1/waste/scans',
      body: {
        scans: [
          {
            barcode: ids.barcode(),
            stationId: ids.siteId('ST'),
            scannedAt: minuteAgo(),
            weightGrams: 500,
            quality: 'CONFORMANT',
          },
        ],
      },
    }),
  },
  {
    name: 'POST waste/collections',
    allowed: ['hauler'],
    make: () => ({
      path: '/api/v1/waste/collections',
      body: {
        vehicleId: '粤A12345',
        stationId: ids.siteId('ST'),
        barcodes: [ids.barcode()],
        loadWeightGrams: 500,
        collectedAt: minuteAgo(),
      },
    }),
  },
  {
    name: 'POST waste/deliveries',
    allowed: ['facility-operator'],
    make: () => ({
      path: '/api/v1/waste/deliveries',
      body: {
        facilityId: ids.siteId('FA'),
        vehicleId: '粤A12345',
        barcodes: [ids.barcode()],
        receivedWeightGrams: 500,
        outcome: 'INCINERATED',
        receivedAt: minuteAgo(),
      },
    }),
  },
  {
    name: 'POST waste/vehicles',
    allowed: ['urban-inspector'],
    make: (): WriteCall => {
      const vehicleId = ids.plate();
      return {
        path: '/api/v1/waste/vehicles',
        body: { vehicleId, companyUscc: ids.uscc(), rfidTag: ids.rfidTag(), capacityKg: 8000 },
        probe: { contract: 'waste', transaction: Transactions.waste.GetVehicle, args: [vehicleId] },
      };
    },
  },
  {
    name: 'POST waste/vehicles/{v}/retire',
    allowed: ['urban-inspector'],
    make: () => ({ path: `/api/v1/waste/vehicles/${encodeURIComponent(ids.plate())}/retire`, body: {} }),
  },
  {
    name: 'POST waste/bins',
    allowed: ['urban-inspector'],
    make: (): WriteCall => {
      const binId = ids.binId();
      return {
        path: '/api/v1/waste/bins',
        body: { binId, siteId: ids.siteId('ST'), rfidTag: ids.rfidTag(), category: '01' },
        probe: { contract: 'waste', transaction: Transactions.waste.GetBin, args: [binId] },
      };
    },
  },
  {
    name: 'POST waste/bins/{b}/retire',
    allowed: ['urban-inspector'],
    make: () => ({ path: `/api/v1/waste/bins/${ids.binId()}/retire`, body: {} }),
  },
  {
    name: 'POST waste/routes',
    allowed: ['hauler', 'urban-inspector'],
    make: () => ({
      path: '/api/v1/waste/routes',
      body: { vehicleId: ids.plate(), day: '2026-03-01', siteIds: [ids.siteId('ST'), ids.siteId('FA')] },
    }),
  },
  {
    name: 'POST waste/loads/{l}/corrections',
    allowed: ['hauler', 'urban-inspector'],
    make: () => ({
      path: `/api/v1/waste/loads/${ids.loadId()}/corrections`,
      body: { correctedWeightGrams: 500, reason: '复秤' },
    }),
  },
  {
    name: 'POST smoke/values',
    allowed: DEMO_USERS,
    make: (): WriteCall => {
      const key = ids.smokeKey();
      return {
        path: '/api/v1/smoke/values',
        body: { key, value: 'hostile matrix' },
        probe: { contract: 'smoke', transaction: Transactions.smoke.Get, args: [key] },
      };
    },
  },
];

/** Read endpoints (paths with a placeholder for the one identifier each takes), for hostile paths. */
export interface ReadEndpoint {
  readonly name: string;
  readonly path: (value: string) => string;
  readonly user: DemoUser | undefined;
}

export const READ_ENDPOINTS: readonly ReadEndpoint[] = [
  { name: 'GET units/{n}', path: (v) => `/api/v1/real-estate/units/${v}`, user: 'registry-clerk' },
  {
    name: 'GET units/{n}/history',
    path: (v) => `/api/v1/real-estate/units/${v}/history`,
    user: 'tax-officer',
  },
  {
    name: 'GET acts?unitNumber',
    path: (v) => `/api/v1/real-estate/acts?unitNumber=${v}`,
    user: 'registry-clerk',
  },
  {
    name: 'GET acts?clerk&certificateNumber',
    path: (v) => `/api/v1/real-estate/acts?clerk=${v}&certificateNumber=${v.slice(0, 100)}`,
    user: 'registry-clerk',
  },
  {
    name: 'GET certificates?certificateNumber&status',
    path: (v) => `/api/v1/real-estate/certificates?certificateNumber=${v}&status=${v.slice(0, 100)}`,
    user: 'registry-clerk',
  },
  {
    name: 'GET deed-tax-clearances?receiptNumber&from',
    path: (v) => `/api/v1/real-estate/deed-tax-clearances?receiptNumber=${v}&from=${v.slice(0, 100)}`,
    user: 'tax-officer',
  },
  { name: 'GET business/cases/{id}', path: (v) => `/api/v1/business/cases/${v}`, user: 'market-clerk' },
  {
    name: 'GET business/cases?status',
    path: (v) => `/api/v1/business/cases?status=${v}`,
    user: 'market-clerk',
  },
  {
    name: 'GET business/enterprises?namePrefix',
    path: (v) => `/api/v1/business/enterprises?namePrefix=${v}`,
    user: 'tax-officer',
  },
  {
    name: 'GET business/cases?page',
    path: (v) => `/api/v1/business/cases?page=${v}&pageSize=2`,
    user: 'hauler',
  },
  {
    name: 'GET business/cases?step&from',
    path: (v) => `/api/v1/business/cases?step=${v}&from=${v.slice(0, 100)}`,
    user: 'market-clerk',
  },
  {
    name: 'GET business/licenses?name',
    path: (v) => `/api/v1/business/licenses?name=${v}&uscc=${v.slice(0, 100)}`,
    user: 'market-clerk',
  },
  { name: 'GET waste/bags/{b}/trace', path: (v) => `/api/v1/waste/bags/${v}/trace`, user: 'hauler' },
  {
    name: 'GET waste/bags?districtCode',
    path: (v) => `/api/v1/waste/bags?districtCode=${v}&status=${v.slice(0, 100)}`,
    user: 'urban-inspector',
  },
  {
    name: 'GET waste/anomalies?stationId&to',
    path: (v) => `/api/v1/waste/anomalies?stationId=${v}&to=${v.slice(0, 100)}`,
    user: 'station-operator',
  },
  {
    name: 'GET waste/stations/{s}/stats/daily',
    path: (v) => `/api/v1/waste/stations/${v}/stats/daily?from=2026-03-01&to=${v.slice(0, 100)}`,
    user: 'urban-inspector',
  },
  {
    name: 'GET waste/districts/{d}/stats/daily',
    path: (v) => `/api/v1/waste/districts/${v}/stats/daily?from=${v.slice(0, 100)}&to=2026-03-01`,
    user: 'hauler',
  },
  {
    name: 'GET waste/stations/{s}/stats',
    path: (v) => `/api/v1/waste/stations/${v}/stats?date=${v.slice(0, 100)}`,
    user: 'station-operator',
  },
  {
    name: 'GET waste/vehicles?status&companyUscc',
    path: (v) => `/api/v1/waste/vehicles?status=${v}&companyUscc=${v.slice(0, 100)}`,
    user: 'hauler',
  },
  { name: 'GET waste/vehicles/{v}', path: (v) => `/api/v1/waste/vehicles/${v}`, user: 'urban-inspector' },
  {
    name: 'GET waste/vehicles/{v}/routes/{day}',
    path: (v) => `/api/v1/waste/vehicles/${v}/routes/${v.slice(0, 100)}`,
    user: 'hauler',
  },
  {
    name: 'GET waste/vehicles/{v}/stats/daily',
    path: (v) => `/api/v1/waste/vehicles/${v}/stats/daily?from=2026-03-01&to=${v.slice(0, 100)}`,
    user: 'urban-inspector',
  },
  {
    name: 'GET waste/bins?siteId&status',
    path: (v) => `/api/v1/waste/bins?siteId=${v}&status=${v.slice(0, 100)}`,
    user: 'station-operator',
  },
  { name: 'GET waste/bins/{b}', path: (v) => `/api/v1/waste/bins/${v}`, user: 'station-operator' },
  {
    name: 'GET waste/loads?vehicleId&status',
    path: (v) => `/api/v1/waste/loads?vehicleId=${v}&status=${v.slice(0, 100)}`,
    user: 'hauler',
  },
  { name: 'GET waste/loads/{l}', path: (v) => `/api/v1/waste/loads/${v}`, user: 'facility-operator' },
  { name: 'GET smoke/values/{k}', path: (v) => `/api/v1/smoke/values/${v}`, user: 'urban-inspector' },
  { name: 'GET ledger/transactions/{id}', path: (v) => `/api/v1/ledger/transactions/${v}`, user: undefined },
  { name: 'GET health', path: (v) => `/health?x=${v}`, user: undefined },
];
