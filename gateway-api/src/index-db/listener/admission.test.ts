import { BusinessStepCompletedProjector } from '../../business/projection/business.projectors';
import { type BlockEvent, type LedgerEvent, type TransactionOrigin } from '../../ledger/ledger-events.port';
import { RealEstateRegisteredProjector } from '../../real-estate/projection/real-estate-registered.projector';
import { WasteScansProjector } from '../../waste/projection/waste-scans.projector';
import { type Projector } from '../projection/projector';
import { SmokeValueProjector } from '../smoke/smoke-value.projector';
import { trustedOrigin } from '../trust/testing/trusted-origin';
import { admit } from './admission';

// One event of each domain through its real projector and the trust check: what the listener will
// do with it for each kind of origin.

const UNIT = '440184001016GB00009F00800039';
const CERT = '粤(2026)广州市不动产权第09400110号';
const AT = '2026-03-02T02:00:00.000Z';

const registered = {
  registration: {
    registrationId: `${UNIT}-00000001`,
    unitNumber: UNIT,
    sequence: 1,
    type: 'FIRST',
    registeredAt: AT,
    clerk: { mspId: 'RegistryMSP', role: 'registry_clerk', id: 'x509::/CN=clerk::/CN=ca' },
    certificateNumber: CERT,
    certificateChanges: [],
    unitStatus: 'REGISTERED',
  },
  certificate: {
    content: { certificateNumber: CERT, kind: 'TITLE', issuedAt: AT },
    contentHash: 'a'.repeat(64),
    status: 'ACTIVE',
  },
  unit: {
    unitNumber: UNIT,
    status: 'REGISTERED',
    sequence: 1,
    titleCertificate: CERT,
    holders: [{ maskedName: '张*三', idHash: 'b'.repeat(64), share: '1/1' }],
    updatedAt: AT,
    lastRegistrationId: `${UNIT}-00000001`,
  },
};

const taxStep = {
  caseId: 'BO-91350100M000100Y43',
  uscc: '91350100M000100Y43',
  name: '福州示例有限公司',
  step: 'TAX',
  reference: 'REF-TAX',
  completedAt: AT,
  completedBy: { mspId: 'TaxMSP', role: 'tax_officer' },
  openedAt: AT,
};

const scans = {
  txId: 'tx-1',
  recordedAt: AT,
  accepted: [
    {
      barcode: '440103011234567898',
      stationId: 'LW-ST-001',
      scannedAt: AT,
      weightGrams: 800,
      quality: 'CONFORMANT',
      districtCode: '440103',
      bagCategory: '01',
      anomalies: [],
    },
  ],
  duplicates: [],
  rejected: [],
  anomalies: [],
};

const smoke = { key: 'k', value: 'v', updatedAt: AT, updatedBy: 'UrbanMSP' };

interface Domain {
  /** The definition that emits the event and holds its records. */
  readonly namespace: string;
  readonly projector: Projector;
  readonly payload: unknown;
  /** Peers of departments other than the responsible one(s). */
  readonly otherEndorsers: string[];
  /** A creator of another department, with that department's own role. */
  readonly otherCreator: Partial<TransactionOrigin>;
  /** A creator of the right department, with a role that may not write the record. */
  readonly wrongRole: Partial<TransactionOrigin>;
}

const DOMAINS: [string, Domain][] = [
  [
    'real estate',
    {
      namespace: 'realestate',
      projector: new RealEstateRegisteredProjector(),
      payload: registered,
      otherEndorsers: ['MarketMSP', 'TaxMSP', 'UrbanMSP'],
      otherCreator: { creatorMspId: 'TaxMSP', creatorRole: 'tax_officer' },
      wrongRole: { creatorRole: 'urban_inspector' },
    },
  ],
  [
    'business (TAX step)',
    {
      namespace: 'tax',
      projector: new BusinessStepCompletedProjector(),
      payload: taxStep,
      otherEndorsers: ['MarketMSP', 'RegistryMSP'], // the tax bureau's peer is missing
      otherCreator: { creatorMspId: 'MarketMSP', creatorRole: 'market_clerk' },
      wrongRole: { creatorRole: 'market_clerk' },
    },
  ],
  [
    'waste',
    {
      namespace: 'waste',
      projector: new WasteScansProjector(),
      payload: scans,
      otherEndorsers: ['RegistryMSP', 'MarketMSP', 'TaxMSP'],
      otherCreator: { creatorMspId: 'RegistryMSP', creatorRole: 'registry_clerk' },
      wrongRole: { creatorRole: 'hauler' },
    },
  ],
];

function blockEvent(
  projector: Projector,
  payload: unknown,
  origin?: TransactionOrigin,
  chaincodeName = projector.eventName === 'SmokeValueWritten' ? 'smoke' : 'unknown',
): BlockEvent {
  const event: LedgerEvent = {
    blockNumber: 7n,
    transactionId: 'tx-1',
    chaincodeName,
    eventName: projector.eventName,
    payload: new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload)),
  };
  return { ...event, origin: origin ?? trustedOrigin(event.eventName, projector.prepare(event).claim) };
}

describe.each(DOMAINS)(
  'admit: %s',
  (_domain, { namespace, projector, payload, otherEndorsers, otherCreator, wrongRole }) => {
    const trusted = blockEvent(projector, payload, undefined, namespace).origin;
    const admitted = (change: Partial<TransactionOrigin>, emitter = namespace) =>
      admit(projector, blockEvent(projector, payload, { ...trusted, ...change }, emitter));

    it('projects what the responsible department signed and wrote', () => {
      expect(admitted({})).toMatchObject({ kind: 'project' });
      expect(trusted.writes.get(namespace)?.length).toBeGreaterThan(0);
    });

    it('quarantines the event when another definition emitted it', () => {
      const other = namespace === 'waste' ? 'realestate' : 'waste';
      expect(admitted({}, other)).toMatchObject({ kind: 'quarantine', reason: 'WRONG_NAMESPACE' });
    });

    it.each([
      [
        'endorsed by other departments only',
        { endorserMspIds: otherEndorsers },
        'NOT_ENDORSED_BY_DEPARTMENT',
      ],
      ['submitted by another department', otherCreator, 'WRONG_CREATOR_MSP'],
      ['submitted by a role that may not write it', wrongRole, 'WRONG_CREATOR_ROLE'],
      [
        'not writing the record',
        { writes: new Map([[namespace, ['\u0000other\u0000k\u0000']]]) },
        'KEY_NOT_WRITTEN',
      ],
    ] as [string, Partial<TransactionOrigin>, string][])(
      'quarantines an event %s',
      (_what, change, reason) => {
        expect(admitted(change)).toMatchObject({ kind: 'quarantine', reason });
      },
    );
  },
);

describe('admit', () => {
  it('quarantines a payload its projector refuses as malformed', () => {
    const projector = new SmokeValueProjector();
    const event = blockEvent(
      projector,
      '{"key":"bad key!"}',
      trustedOrigin('SmokeValueWritten', { keys: [] }),
    );
    expect(admit(projector, event)).toEqual({
      kind: 'quarantine',
      reason: 'MALFORMED_PAYLOAD',
      problem: expect.stringMatching(
        /^MalformedEventError: SmokeValueWritten in transaction tx-1 is malformed/,
      ) as unknown,
    });
  });

  it('quarantines a payload its parser fails on in any other way: reading it again would fail again', () => {
    const projector: Projector = {
      eventName: 'SmokeValueWritten',
      prepare: () => {
        throw new RangeError('Invalid time value');
      },
    };
    const event = blockEvent(new SmokeValueProjector(), smoke);
    expect(admit(projector, event)).toEqual({
      kind: 'quarantine',
      reason: 'MALFORMED_PAYLOAD',
      problem: 'RangeError: Invalid time value',
    });
  });

  it('lets the smoke fixture through for any member', () => {
    const projector = new SmokeValueProjector();
    expect(admit(projector, blockEvent(projector, smoke))).toMatchObject({ kind: 'project' });
  });
});
