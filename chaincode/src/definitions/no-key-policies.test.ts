// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
// Every production definition's chaincode-level policy is its department's peer alone, so no
// production transaction sets a key-level (state-based) endorsement policy: this runs every SUBMIT
// transaction of every production entry, as its chaincode server runs it (fabric-shim's router), and
// checks that none writes key metadata. A new SUBMIT transaction fails the last test until it is
// exercised here.

import { type Role, Roles } from '../common/access';
import { type ChaincodeName, ProductionDefinitions } from '../common/definitions';
import { ShimRouter, identityForRole } from '../testing';
import { channelLedger, DefinitionEntries } from '../testing/channel';
import { people, PEPPER, soleOwner, titleNumber, UNIT } from '../testing/registry-fixtures';
import { bag, HOUSEHOLD, SALT, scan, vehicleInput } from '../testing/waste-fixtures';

const USCC = '91350100M000100Y43';
const CASE_ID = `BO-${USCC}`;
const [alice, , carol] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];

interface Call {
  readonly chaincode: Exclude<ChaincodeName, 'smoke'>;
  readonly role: Role;
  readonly args: readonly string[];
  readonly transient?: Record<string, string>;
  /** A fixed transaction id, for a later call that names what this one wrote (a load). */
  readonly txId?: string;
}

const LOAD_TX_ID = 'a1'.repeat(32);

const json = (value: unknown): string => JSON.stringify(value);

const scenario: readonly Call[] = [
  {
    chaincode: 'realestate',
    role: Roles.RegistryClerk,
    args: [
      'realestate:Register',
      json({ unitNumber: UNIT, type: 'FIRST', certificateNumber: titleNumber('09400110') }),
    ],
    transient: { holderLookupPepper: PEPPER, holders: json([soleOwner(alice)]) },
  },
  {
    chaincode: 'tax',
    role: Roles.TaxOfficer,
    args: [
      'deedtax:RecordDeedTaxClearance',
      json({ unitNumber: UNIT, clearanceNumber: 'QS-1', taxPaidFen: '3000000' }),
    ],
    transient: { transferees: json([{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]) },
  },
  {
    chaincode: 'realestate',
    role: Roles.RegistryClerk,
    args: [
      'realestate:Register',
      json({
        unitNumber: UNIT,
        type: 'TRANSFER',
        certificateNumber: titleNumber('09400111'),
        deedTaxClearanceNumber: 'QS-1',
      }),
    ],
    transient: { holderLookupPepper: PEPPER, holders: json([soleOwner(carol)]) },
  },
  {
    chaincode: 'business',
    role: Roles.MarketClerk,
    args: [
      'business:OpenCase',
      json({
        uscc: USCC,
        name: '广州市 ABC 科技有限公司',
        entityType: 'LIMITED_LIABILITY_COMPANY',
        registeredCapitalCny: '1000',
        address: '广州市越秀区某路1号',
        businessScope: '软件开发',
      }),
    ],
    transient: {
      legalRepresentative: json({
        name: '欧阳小明',
        idNumber: '11010519491231002X',
        salt: '0123456789abcdef'.repeat(2),
      }),
    },
  },
  {
    chaincode: 'business',
    role: Roles.MarketClerk,
    args: ['business:CompleteStep', CASE_ID, 'LICENSE', 'L-1'],
  },
  { chaincode: 'business', role: Roles.MarketClerk, args: ['business:CompleteStep', CASE_ID, 'SEAL', 'S-1'] },
  { chaincode: 'tax', role: Roles.TaxOfficer, args: ['businesstax:CompleteTaxStep', CASE_ID, 'T-1'] },
  {
    chaincode: 'business',
    role: Roles.MarketClerk,
    args: ['business:ChangeLicenseStatus', USCC, 'CANCELLED', '解散'],
  },
  ...['LW-ST-001:STATION', 'LW-FA-001:FACILITY'].map((site): Call => ({
    chaincode: 'waste',
    role: Roles.UrbanInspector,
    args: [
      'waste:RegisterSite',
      json({ siteId: site.split(':')[0], kind: site.split(':')[1], districtCode: '440103', name: '站点' }),
    ],
  })),
  {
    chaincode: 'waste',
    role: Roles.UrbanInspector,
    args: [
      'waste:CommissionBags',
      json({ districtCode: '440103', category: '02', firstSerial: 1, count: 2 }),
    ],
    transient: { householdRef: HOUSEHOLD, householdSalt: SALT },
  },
  {
    chaincode: 'waste',
    role: Roles.UrbanInspector,
    args: ['waste:SetConfig', json({ toleranceRatio: 0.05 })],
  },
  {
    chaincode: 'waste',
    role: Roles.UrbanInspector,
    args: ['waste:RegisterVehicle', json(vehicleInput('粤A12345'))],
  },
  {
    chaincode: 'waste',
    role: Roles.StationOperator,
    args: ['waste:RecordScans', json({ scans: [scan(bag(1))] })],
  },
  {
    chaincode: 'waste',
    role: Roles.Hauler,
    args: ['waste:RecordRoute', json({ vehicleId: '粤A12345', day: '2026-01-01', siteIds: ['LW-ST-001'] })],
  },
  {
    chaincode: 'waste',
    role: Roles.Hauler,
    txId: LOAD_TX_ID,
    args: [
      'waste:RecordCollection',
      json({
        vehicleId: '粤A12345',
        stationId: 'LW-ST-001',
        barcodes: [bag(1)],
        loadWeightGrams: 1200,
        collectedAt: '2026-01-01T09:00:00+08:00',
      }),
    ],
  },
  {
    chaincode: 'waste',
    role: Roles.FacilityOperator,
    args: [
      'waste:RecordDelivery',
      json({
        facilityId: 'LW-FA-001',
        vehicleId: '粤A12345',
        barcodes: [bag(1)],
        receivedWeightGrams: 1200,
        outcome: 'COMPOSTED',
        receivedAt: '2026-01-01T11:00:00+08:00',
      }),
    ],
  },
  {
    chaincode: 'waste',
    role: Roles.UrbanInspector,
    args: [
      'waste:CorrectLoadWeight',
      json({ loadId: LOAD_TX_ID, correctedWeightGrams: 1250, reason: '皮重未扣' }),
    ],
  },
  { chaincode: 'waste', role: Roles.UrbanInspector, args: ['waste:RetireVehicle', '粤A12345'] },
  {
    chaincode: 'waste',
    role: Roles.UrbanInspector,
    args: [
      'waste:RegisterBin',
      json({
        binId: 'LW-ST-001-B01',
        siteId: 'LW-ST-001',
        rfidTag: 'E28011606000020A1B2C3D4F',
        category: '02',
      }),
    ],
  },
  { chaincode: 'waste', role: Roles.UrbanInspector, args: ['waste:RetireBin', 'LW-ST-001-B01'] },
];

/** `contract:Function` of every SUBMIT transaction of the definition, from its contract metadata. */
function submitTransactions(name: ChaincodeName): string[] {
  const metadata = new ShimRouter(DefinitionEntries[name]).metadata() as {
    contracts: Record<string, { name: string; transactions: { name: string; tag?: string[] }[] }>;
  };
  return Object.values(metadata.contracts)
    .filter((contract) => contract.name !== 'org.hyperledger.fabric')
    .flatMap((contract) =>
      contract.transactions
        .filter((transaction) => transaction.tag?.includes('SUBMIT') === true)
        .map((transaction) => `${contract.name}:${transaction.name}`),
    );
}

describe('production transactions write no key-level endorsement policy', () => {
  const ledger = channelLedger('realestate', { startTime: '2026-01-01T04:00:00.000Z' });
  const exercised = new Set<string>();

  it.each(scenario.map((call, index) => [index + 1, call.args[0] ?? '', call] as const))(
    '%i. %s commits without key metadata',
    async (_index, fn, call) => {
      const tx = ledger.newTransaction({
        identity: identityForRole(call.role),
        chaincodeName: call.chaincode,
        args: call.args,
        ...(call.transient === undefined ? {} : { transient: call.transient }),
        ...(call.txId === undefined ? {} : { txId: call.txId }),
      });
      const response = await new ShimRouter(DefinitionEntries[call.chaincode]).invoke(tx);
      expect([response.status, response.message]).toEqual([200, '']);
      expect(tx.pendingValidationParameterWrites()).toEqual([]);
      expect(tx.pendingWrites().length).toBeGreaterThan(0);
      expect(tx.commit().validationCode).toBe('VALID');
      exercised.add(`${call.chaincode} ${fn}`);
    },
  );

  it('left no key-level policy on any committed key of any namespace', () => {
    expect(ledger.namespaces).toEqual(['business', 'realestate', 'tax', 'waste']);
    for (const namespace of ledger.namespaces) {
      for (const key of ledger.stateKeys(namespace)) {
        expect([namespace, key, ledger.getStateValidationParameter(key, namespace)]).toEqual([
          namespace,
          key,
          undefined,
        ]);
      }
    }
  });

  it('exercised every SUBMIT transaction of every production definition', () => {
    const all: string[] = [];
    for (const definition of ProductionDefinitions) {
      all.push(...submitTransactions(definition.name).map((fn) => `${definition.name} ${fn}`));
    }
    expect(all.length).toBeGreaterThan(10);
    expect([...exercised].sort()).toEqual([...new Set(all)].sort());
  });
});
