import { EventNames, type OrgMsp, OrgMsps, RoleMsp, Roles } from '../../../../chaincode/src/contract';
import { type BlockEvent, type TransactionOrigin } from '../../ledger/ledger-events.port';
import { QuarantineReasons } from '../quarantine/quarantine-reasons';
import { checkTrust, type LedgerClaim } from './check-trust';
import { trustedOrigin } from './testing/trusted-origin';
import { ANY_MEMBER, TRUST_RULES, type TrustRule, trustRuleFor } from './trust-rules';

const KEYS = ['\u0000record\u0000a\u0000', '\u0000record\u0000b\u0000'];
const ALL_MSPS = Object.values(OrgMsps);

/** The event as its own definition emits it (`chaincodeName` to have another emit it). */
function blockEvent(
  eventName: string,
  origin: TransactionOrigin,
  subject?: string,
  chaincodeName = trustRuleFor(eventName, subject)?.namespace ?? 'unknown',
): BlockEvent {
  return {
    blockNumber: 3n,
    transactionId: 'tx-1',
    chaincodeName,
    eventName,
    payload: new Uint8Array(),
    origin,
  };
}

/** Every event with a department (the smoke fixture has none), the business step once per step. */
const DEPARTMENT_EVENTS: [string, string | undefined][] = Object.entries(TRUST_RULES).flatMap(
  ([eventName, entry]): [string, string | undefined][] => {
    if ('bySubject' in entry) return Object.keys(entry.bySubject).map((step) => [eventName, step]);
    return entry.submitters === ANY_MEMBER ? [] : [[eventName, undefined]];
  },
);
const labelled = DEPARTMENT_EVENTS.map(([eventName, subject]): [string, string, string | undefined] => [
  subject === undefined ? eventName : `${eventName} ${subject}`,
  eventName,
  subject,
]);

function ruleOf(eventName: string, subject: string | undefined): TrustRule & { submitters: string[] } {
  const rule = trustRuleFor(eventName, subject);
  if (rule === undefined || rule.submitters === ANY_MEMBER) throw new Error('not a department rule');
  return rule as TrustRule & { submitters: string[] };
}

describe('the trust table', () => {
  it('names the responsible department, its roles and its endorsing peers for every event', () => {
    const summary = Object.fromEntries(
      DEPARTMENT_EVENTS.map(([eventName, subject]) => {
        const rule = ruleOf(eventName, subject);
        const who = rule.submitters.map((role) => `${role}@${RoleMsp[role as keyof typeof RoleMsp]}`);
        return [
          `${eventName}${subject === undefined ? '' : `:${subject}`}`,
          `${who.join('|')} ⟸ ${rule.endorsers.join('+')}`,
        ];
      }),
    );
    expect(summary).toEqual({
      RealEstateRegistered: 'registry_clerk@RegistryMSP ⟸ RegistryMSP',
      DeedTaxClearanceRecorded: 'tax_officer@TaxMSP ⟸ TaxMSP',
      BusinessCaseOpened: 'market_clerk@MarketMSP ⟸ MarketMSP',
      'BusinessStepCompleted:LICENSE': 'market_clerk@MarketMSP ⟸ MarketMSP',
      'BusinessStepCompleted:SEAL': 'market_clerk@MarketMSP ⟸ MarketMSP',
      'BusinessStepCompleted:TAX': 'tax_officer@TaxMSP ⟸ TaxMSP',
      'BusinessStepCompleted:SOCIAL_SECURITY': 'market_clerk@MarketMSP ⟸ MarketMSP',
      'BusinessStepCompleted:HOUSING_FUND': 'market_clerk@MarketMSP ⟸ MarketMSP',
      'BusinessStepCompleted:BANK_ACCOUNT': 'market_clerk@MarketMSP ⟸ MarketMSP',
      BusinessLicenseStatusChanged: 'market_clerk@MarketMSP ⟸ MarketMSP',
      WasteSiteRegistered: 'urban_inspector@UrbanMSP ⟸ UrbanMSP',
      WasteBagsCommissioned: 'urban_inspector@UrbanMSP ⟸ UrbanMSP',
      WasteScansRecorded: 'station_operator@UrbanMSP|site_device@UrbanMSP ⟸ UrbanMSP',
      WasteCollectionRecorded: 'hauler@UrbanMSP|vehicle_device@UrbanMSP ⟸ UrbanMSP',
      WasteDeliveryRecorded: 'facility_operator@UrbanMSP|site_device@UrbanMSP ⟸ UrbanMSP',
      WasteConfigUpdated: 'urban_inspector@UrbanMSP ⟸ UrbanMSP',
      WasteVehicleRegistered: 'urban_inspector@UrbanMSP ⟸ UrbanMSP',
      WasteVehicleRetired: 'urban_inspector@UrbanMSP ⟸ UrbanMSP',
      WasteBinRegistered: 'urban_inspector@UrbanMSP ⟸ UrbanMSP',
      WasteBinRetired: 'urban_inspector@UrbanMSP ⟸ UrbanMSP',
      WasteRouteRecorded: 'hauler@UrbanMSP|urban_inspector@UrbanMSP ⟸ UrbanMSP',
      WasteLoadWeightCorrected: 'hauler@UrbanMSP|urban_inspector@UrbanMSP ⟸ UrbanMSP',
    });
  });
});

describe.each(labelled)('checkTrust: %s', (_label, eventName, subject) => {
  const claim: LedgerClaim = subject === undefined ? { keys: KEYS } : { keys: KEYS, subject };
  const rule = ruleOf(eventName, subject);
  const trusted = trustedOrigin(eventName, claim);
  const check = (change: Partial<TransactionOrigin>) =>
    checkTrust(blockEvent(eventName, { ...trusted, ...change }, subject), claim);
  const firstRole = rule.submitters[0] as keyof typeof RoleMsp;
  const department = RoleMsp[firstRole];

  it('trusts the responsible department, also with further endorsers', () => {
    expect(check({})).toEqual({ trusted: true });
    expect(check({ endorserMspIds: ALL_MSPS })).toEqual({ trusted: true });
  });

  it.each(rule.endorsers.map((msp) => [msp]))('quarantines a transaction %s did not endorse', (missing) => {
    const others = ALL_MSPS.filter((msp) => msp !== missing);
    expect(check({ endorserMspIds: others })).toMatchObject({
      trusted: false,
      reason: QuarantineReasons.NotEndorsedByDepartment,
      problems: [expect.stringContaining(`needs a peer of ${missing}`)],
    });
  });

  it('quarantines a creator of another department, even one whose certificate claims the role', () => {
    const other = ALL_MSPS.find((msp) => msp !== department) as OrgMsp;
    expect(check({ creatorMspId: other })).toMatchObject({
      trusted: false,
      reason: QuarantineReasons.WrongCreatorMsp,
    });
    expect(check({ creatorMspId: 'OrdererMSP', creatorRole: firstRole })).toMatchObject({
      reason: QuarantineReasons.WrongCreatorMsp,
    });
  });

  it.each([
    ['no role', undefined],
    [
      'a role its MSP does not grant',
      department === OrgMsps.Registry ? Roles.TaxOfficer : Roles.RegistryClerk,
    ],
    [
      'a role that may not write it',
      department === OrgMsps.Urban && firstRole !== 'hauler' ? Roles.Hauler : 'clerk',
    ],
  ])('quarantines a creator of the department with %s', (_what, role) => {
    const origin = { ...trusted, creatorRole: role };
    if (role === undefined) delete origin.creatorRole;
    expect(checkTrust(blockEvent(eventName, origin, subject), claim)).toMatchObject({
      trusted: false,
      reason: QuarantineReasons.WrongCreatorRole,
    });
  });

  it('quarantines a transaction that did not write a claimed key, or wrote it in another namespace', () => {
    expect(check({ writes: new Map([[rule.namespace, [KEYS[0] as string]]]) })).toEqual({
      trusted: false,
      reason: QuarantineReasons.KeyNotWritten,
      problems: [`1 of 2 keys not written in namespace ${rule.namespace}: ␀record␀b␀`],
    });
    expect(check({ writes: new Map([['othercc', KEYS]]) })).toMatchObject({
      reason: QuarantineReasons.KeyNotWritten,
    });
  });

  it.each(['realestate', 'tax', 'business', 'waste', 'smoke'].map((name) => [name]))(
    'quarantines the event when definition %s emitted it, unless it is its own',
    (emitter) => {
      const verdict = checkTrust(blockEvent(eventName, trusted, subject, emitter), claim);
      if (emitter === rule.namespace) {
        expect(verdict).toEqual({ trusted: true });
        return;
      }
      // written in the right namespace, endorsed and signed by the right department: only the emitter is wrong
      expect(verdict).toEqual({
        trusted: false,
        reason: QuarantineReasons.WrongNamespace,
        problems: [`emitted by chaincode ${emitter}; ${eventName} comes from ${rule.namespace}`],
      });
    },
  );
});

describe('checkTrust', () => {
  it('reports every failed check, under the reason of the first', () => {
    const claim = { keys: KEYS };
    const origin: TransactionOrigin = {
      creatorMspId: 'UrbanMSP',
      creatorRole: 'hauler',
      endorserMspIds: ['UrbanMSP'],
      writes: new Map(),
    };
    expect(checkTrust(blockEvent(EventNames.RealEstateRegistered, origin), claim)).toEqual({
      trusted: false,
      reason: QuarantineReasons.NotEndorsedByDepartment,
      problems: [
        'endorsed by UrbanMSP; needs a peer of RegistryMSP',
        'created by an identity of UrbanMSP; needs registry_clerk of RegistryMSP',
        '2 of 2 keys not written in namespace realestate: ␀record␀a␀, ␀record␀b␀',
      ],
    });
  });

  it('names at most three missing keys of a large batch', () => {
    const keys = Array.from({ length: 1000 }, (_unused, i) => `\u0000waste-bag\u0000${i}\u0000`);
    const origin = trustedOrigin(EventNames.WasteBagsCommissioned, { keys: keys.slice(0, 10) });
    const verdict = checkTrust(blockEvent(EventNames.WasteBagsCommissioned, origin), { keys });
    expect(verdict).toEqual({
      trusted: false,
      reason: QuarantineReasons.KeyNotWritten,
      problems: [
        '990 of 1000 keys not written in namespace waste: ␀waste-bag␀10␀, ␀waste-bag␀11␀, ␀waste-bag␀12␀, …',
      ],
    });
  });

  it('lets any member write the smoke fixture, with or without a role, but not an outsider', () => {
    const claim = { keys: KEYS };
    const origin = trustedOrigin(EventNames.SmokeValueWritten, claim);
    for (const msp of ALL_MSPS) {
      const member = { ...origin, creatorMspId: msp, endorserMspIds: [msp] };
      expect(checkTrust(blockEvent(EventNames.SmokeValueWritten, member), claim)).toEqual({ trusted: true });
    }
    const outsider = { ...origin, creatorMspId: 'OrdererMSP' };
    expect(checkTrust(blockEvent(EventNames.SmokeValueWritten, outsider), claim)).toMatchObject({
      reason: QuarantineReasons.WrongCreatorMsp,
    });
    const unwritten = { ...origin, writes: new Map() };
    expect(checkTrust(blockEvent(EventNames.SmokeValueWritten, unwritten), claim)).toMatchObject({
      reason: QuarantineReasons.KeyNotWritten,
    });
  });

  it('has no rule for an event it does not know, or a business step without (or with an unknown) subject', () => {
    const origin = trustedOrigin(EventNames.BusinessCaseOpened, { keys: KEYS });
    for (const [eventName, subject] of [
      ['SomethingElse', undefined],
      [EventNames.BusinessStepCompleted, undefined],
      [EventNames.BusinessStepCompleted, 'NOTARY'],
      [EventNames.BusinessStepCompleted, 'toString'],
    ] as const) {
      const claim = subject === undefined ? { keys: KEYS } : { keys: KEYS, subject };
      expect(checkTrust(blockEvent(eventName, origin), claim)).toMatchObject({
        trusted: false,
        reason: QuarantineReasons.NoTrustRule,
      });
    }
  });

  it('takes a TAX step only from the tax definition, endorsed by the tax bureau alone', () => {
    const claim = { keys: KEYS, subject: 'TAX' };
    const origin = trustedOrigin(EventNames.BusinessStepCompleted, claim);
    expect(origin).toMatchObject({ creatorMspId: 'TaxMSP', creatorRole: 'tax_officer' });
    expect(trustRuleFor(EventNames.BusinessStepCompleted, 'TAX')?.namespace).toBe('tax');
    expect(trustRuleFor(EventNames.BusinessStepCompleted, 'LICENSE')?.namespace).toBe('business');
    const emittedBy = (chaincode: string, endorserMspIds: string[]) =>
      checkTrust(
        blockEvent(EventNames.BusinessStepCompleted, { ...origin, endorserMspIds }, 'TAX', chaincode),
        claim,
      );
    expect(emittedBy('tax', ['TaxMSP'])).toEqual({ trusted: true });
    expect(emittedBy('tax', ['MarketMSP'])).toMatchObject({
      problems: ['endorsed by MarketMSP; needs a peer of TaxMSP'],
    });
    // the business definition's own TAX step (as modified chaincode might emit it) is never projected
    expect(emittedBy('business', ['MarketMSP', 'TaxMSP'])).toMatchObject({
      reason: QuarantineReasons.WrongNamespace,
    });
  });
});
