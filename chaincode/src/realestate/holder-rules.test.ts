// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { residentIdCheckCharacter } from '../common/identifiers';
import { type InMemoryLedger, identityForRole } from '../testing';
import { channelLedger } from '../testing/channel';
import { DeedTaxContract } from '../tax/deedtax-contract';
import { RealEstateContract } from './realestate-contract';
import { RegistrationTypes } from './registration-types';
import { asSent } from '../testing/registry-fixtures';

// Holders change only by the rules (issue 13): only TRANSFER and a CORRECTION with a recorded basis
// change who holds a unit, and a seized unit admits only SEIZURE, SEIZURE_RELEASE, OBJECTION and a
// CORRECTION that leaves the holders alone (holder-change-rules.ts, unit-state-rules.ts).

const contract = new RealEstateContract();
const clerk = identityForRole(Roles.RegistryClerk);
const officer = identityForRole(Roles.TaxOfficer);

const UNIT = '440184001016GB00009F00800039';
const title = (serial: string): string => `粤(2026)广州市不动产权第${serial}号`;
const proof = (serial: string): string => `粤(2026)广州市不动产证明第${serial}号`;
const residentId = (first17: string): string => first17 + residentIdCheckCharacter(first17);
const PEPPER = Buffer.alloc(32, 7).toString('base64');

const alice = {
  name: '张晓三',
  idNumber: residentId('44010619800101123'),
  share: '1/2',
  salt: 'a1'.repeat(16),
};
const bob = { name: '李四', idNumber: residentId('44010619850202234'), share: '1/2', salt: 'b2'.repeat(16) };
const carol = {
  name: '欧阳娜娜',
  idNumber: residentId('44010619900303345'),
  share: '1/1',
  salt: 'c3'.repeat(16),
  clearanceSalt: 'd4'.repeat(16),
};
const dave = { name: '王五', idNumber: residentId('44010619700404456'), salt: 'e5'.repeat(16) };
const BANK = {
  mortgageeName: '中国工商银行股份有限公司广州分行',
  mortgageeUscc: '914403001922038216',
  securedAmountFen: '150000000',
};
const COURT = '广州市越秀区人民法院';
const ORDER = '(2026)粤0106执保123号';
const CLEARANCE = 'QS-2026-0001';
const COURT_BASIS = { kind: 'COURT_DECISION', reference: '(2026)粤0106民初77号' };
const REGISTRY_BASIS = { kind: 'REGISTRY_ERROR', reference: 'GZBDC-GZ-2026-0042' };
/** Alice alone: the corrected register names her as the only owner. */
const corrected = [{ ...alice, share: '1/1' }];

type Json = Record<string, unknown>;
interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly fields: readonly string[];
}

class Harness {
  readonly ledger = channelLedger('realestate');

  async register(request: Json, holders?: unknown): Promise<Json> {
    const sent = asSent(request);
    const tx = this.#registerTx(holders, sent.transient);
    const result = JSON.parse(await contract.Register(tx.ctx, JSON.stringify(sent.request))) as Json;
    expect(tx.commit().validationCode).toBe('VALID');
    return result;
  }

  /** Register expected to fail: the error payload, after checking nothing was written or emitted. */
  async refused(request: Json, holders?: unknown): Promise<Refusal> {
    const sent = asSent(request);
    const tx = this.#registerTx(holders, sent.transient);
    let failure: unknown;
    try {
      await contract.Register(tx.ctx, JSON.stringify(sent.request));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(Error);
    expect(tx.pendingWrites()).toEqual([]);
    expect(tx.events).toEqual([]);
    const payload = parseChaincodeErrorMessage((failure as Error).message);
    return {
      code: payload?.code ?? '',
      message: payload?.message ?? '',
      fields: (payload?.details ?? []).map((detail) => detail.field ?? ''),
    };
  }

  async clearance(clearanceNumber: string): Promise<void> {
    const tx = this.ledger.newTransaction({
      identity: officer,
      chaincodeName: 'tax',
      transient: { transferees: JSON.stringify([{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]) },
    });
    await new DeedTaxContract().RecordDeedTaxClearance(
      tx.ctx,
      JSON.stringify({ unitNumber: UNIT, clearanceNumber, taxPaidFen: '3000000' }),
    );
    expect(tx.commit().validationCode).toBe('VALID');
  }

  async read(call: (ctx: ReturnType<InMemoryLedger['newTransaction']>['ctx']) => Promise<string>) {
    return JSON.parse(await call(this.ledger.newTransaction({ identity: clerk }).ctx)) as Json;
  }

  unit(): Promise<Json> {
    return this.read((ctx) => contract.GetUnit(ctx, UNIT));
  }

  async history(): Promise<Json[]> {
    return (await this.read((ctx) => contract.GetUnitHistory(ctx, UNIT))).registrations as Json[];
  }

  #registerTx(holders: unknown, particulars: Record<string, string>) {
    return this.ledger.newTransaction({
      identity: clerk,
      transient: {
        ...particulars,
        holderLookupPepper: PEPPER,
        ...(holders === undefined ? {} : { holders: JSON.stringify(holders) }),
      },
    });
  }
}

// ---- every act × unit state ----

const States = ['active', 'mortgaged', 'seized', 'cancelled'] as const;
type State = (typeof States)[number];

/**
 * FIRST for alice and bob with a deed-tax clearance for carol recorded, then the state. The seized
 * unit is mortgaged as well, so MORTGAGE_DISCHARGE and a TRANSFER with the mortgagee's consent would
 * pass their own rules there: every refusal on it is the seizure's, as the message check shows.
 */
async function unitIn(state: State): Promise<Harness> {
  const h = new Harness();
  await h.register({ unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110') }, [alice, bob]);
  await h.clearance(CLEARANCE);
  if (state === 'mortgaged' || state === 'seized') {
    await h.register({
      unitNumber: UNIT,
      type: 'MORTGAGE',
      certificateNumber: proof('0001001'),
      mortgage: BANK,
    });
  }
  if (state === 'seized') {
    await h.register({ unitNumber: UNIT, type: 'SEIZURE', court: COURT, courtOrder: ORDER });
  }
  if (state === 'cancelled') {
    await h.register({ unitNumber: UNIT, type: 'CANCELLATION' });
  }
  return h;
}

/** 'OK', or the refusal: code, a fragment of its message, and the fields it names when it names any. */
type Outcome = 'OK' | readonly [code: string, message: string, fields?: readonly string[]];

const SEIZED: Outcome = ['RULE_VIOLATION', `is seized by ${COURT} (registration `];
const CANCELLED: Outcome = ['RULE_VIOLATION', 'is cancelled: only a CORRECTION can be registered'];
const CANCELLED_CORRECTION: Outcome = ['RULE_VIOLATION', 'cannot issue a certificate or change holders'];
const CHANGE_HOLDERS: Outcome = ['RULE_VIOLATION', 'not who holds it', ['transient.holders']];
const NO_BASIS: Outcome = ['RULE_VIOLATION', 'needs its recorded basis', ['correctionBasis']];

interface ActCase {
  readonly act: string;
  /** The act's request and transient holders, valid in every state the act's own rules allow. */
  readonly build: (state: State) => { readonly request: Json; readonly holders?: unknown };
  readonly expected: Readonly<Record<State, Outcome>>;
}

const mortgagedIn = (state: State): boolean => state === 'mortgaged' || state === 'seized';

const ActCases: readonly ActCase[] = [
  {
    act: 'FIRST',
    build: () => ({
      request: { unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400150') },
      holders: [alice, bob],
    }),
    expected: {
      active: ['CONFLICT', 'already has its first registration'],
      mortgaged: ['CONFLICT', 'already has its first registration'],
      seized: ['CONFLICT', 'already has its first registration'],
      cancelled: ['CONFLICT', 'already has its first registration'],
    },
  },
  {
    act: 'TRANSFER (with the mortgagee consent when mortgaged)',
    build: (state) => ({
      request: {
        unitNumber: UNIT,
        type: 'TRANSFER',
        certificateNumber: title('09400150'),
        deedTaxClearanceNumber: CLEARANCE,
        ...(mortgagedIn(state) && { mortgageeConsentReference: 'ICBC-CONSENT-77' }),
      },
      holders: [carol],
    }),
    expected: { active: 'OK', mortgaged: 'OK', seized: SEIZED, cancelled: CANCELLED },
  },
  {
    act: 'CHANGE of the particulars',
    build: () => ({
      request: {
        unitNumber: UNIT,
        type: 'CHANGE',
        certificateNumber: title('09400150'),
        description: '用途变更',
      },
    }),
    expected: { active: 'OK', mortgaged: 'OK', seized: SEIZED, cancelled: CANCELLED },
  },
  {
    act: 'CHANGE carrying holders',
    build: () => ({
      request: {
        unitNumber: UNIT,
        type: 'CHANGE',
        certificateNumber: title('09400150'),
        description: '变更',
      },
      holders: corrected,
    }),
    expected: {
      active: CHANGE_HOLDERS,
      mortgaged: CHANGE_HOLDERS,
      seized: CHANGE_HOLDERS,
      cancelled: CHANGE_HOLDERS,
    },
  },
  {
    act: 'CORRECTION of an entry',
    build: () => ({ request: { unitNumber: UNIT, type: 'CORRECTION', description: '更正坐落' } }),
    expected: { active: 'OK', mortgaged: 'OK', seized: 'OK', cancelled: 'OK' },
  },
  {
    act: 'CORRECTION of an entry printed on a new title',
    build: () => ({
      request: {
        unitNumber: UNIT,
        type: 'CORRECTION',
        certificateNumber: title('09400150'),
        description: '更正面积',
      },
    }),
    expected: { active: 'OK', mortgaged: 'OK', seized: 'OK', cancelled: CANCELLED_CORRECTION },
  },
  {
    act: 'CORRECTION of the holders with a basis',
    build: () => ({
      request: {
        unitNumber: UNIT,
        type: 'CORRECTION',
        certificateNumber: title('09400150'),
        description: '依判决更正权利人',
        correctionBasis: COURT_BASIS,
      },
      holders: corrected,
    }),
    expected: {
      active: 'OK',
      mortgaged: 'OK',
      seized: ['RULE_VIOLATION', 'no CORRECTION of its holders until the seizure is released'],
      cancelled: CANCELLED_CORRECTION,
    },
  },
  {
    act: 'CORRECTION of the holders without a basis',
    build: () => ({
      request: {
        unitNumber: UNIT,
        type: 'CORRECTION',
        certificateNumber: title('09400150'),
        description: '更正',
      },
      holders: corrected,
    }),
    expected: {
      active: NO_BASIS,
      mortgaged: NO_BASIS,
      seized: ['RULE_VIOLATION', 'no CORRECTION of its holders until the seizure is released'],
      cancelled: CANCELLED_CORRECTION,
    },
  },
  {
    act: 'MORTGAGE',
    build: () => ({
      request: { unitNumber: UNIT, type: 'MORTGAGE', certificateNumber: proof('0005001'), mortgage: BANK },
    }),
    expected: {
      active: 'OK',
      mortgaged: ['RULE_VIOLATION', 'is already mortgaged'],
      seized: SEIZED,
      cancelled: CANCELLED,
    },
  },
  {
    act: 'MORTGAGE_DISCHARGE',
    build: () => ({ request: { unitNumber: UNIT, type: 'MORTGAGE_DISCHARGE' } }),
    expected: {
      active: ['RULE_VIOLATION', 'has no active mortgage'],
      mortgaged: 'OK',
      seized: SEIZED,
      cancelled: CANCELLED,
    },
  },
  {
    act: 'SEIZURE',
    build: () => ({
      request: { unitNumber: UNIT, type: 'SEIZURE', court: COURT, courtOrder: '(2026)粤0106执保124号' },
    }),
    expected: {
      active: 'OK',
      mortgaged: 'OK',
      seized: ['RULE_VIOLATION', 'is already seized'],
      cancelled: CANCELLED,
    },
  },
  {
    act: 'SEIZURE_RELEASE',
    build: () => ({ request: { unitNumber: UNIT, type: 'SEIZURE_RELEASE', courtOrder: ORDER } }),
    expected: {
      active: ['RULE_VIOLATION', 'is not seized'],
      mortgaged: ['RULE_VIOLATION', 'is not seized'],
      seized: 'OK',
      cancelled: CANCELLED,
    },
  },
  {
    act: 'OBJECTION',
    build: () => ({
      request: {
        unitNumber: UNIT,
        type: 'OBJECTION',
        certificateNumber: proof('0005001'),
        description: '权属争议',
      },
      holders: [dave],
    }),
    expected: { active: 'OK', mortgaged: 'OK', seized: 'OK', cancelled: CANCELLED },
  },
  {
    act: 'ADVANCE_NOTICE',
    build: () => ({
      request: { unitNumber: UNIT, type: 'ADVANCE_NOTICE', certificateNumber: proof('0005001') },
      holders: [{ ...dave, share: '1/1' }],
    }),
    expected: { active: 'OK', mortgaged: 'OK', seized: SEIZED, cancelled: CANCELLED },
  },
  {
    act: 'CANCELLATION',
    build: () => ({ request: { unitNumber: UNIT, type: 'CANCELLATION', description: '房屋灭失' } }),
    expected: {
      active: 'OK',
      mortgaged: ['RULE_VIOLATION', 'discharge the mortgage before CANCELLATION'],
      seized: SEIZED,
      cancelled: CANCELLED,
    },
  },
];

const Table = ActCases.flatMap((actCase) =>
  States.map((state) => [actCase.act, state, actCase, actCase.expected[state]] as const),
);

describe('realestate: every act in every unit state', () => {
  it.each(Table)('%s on the %s unit', async (_act, state, actCase, expected) => {
    const h = await unitIn(state);
    const { request, holders } = actCase.build(state);
    if (expected === 'OK') {
      const result = await h.register(request, holders);
      expect(result).toMatchObject({ type: request.type, sequence: (await h.history()).length });
      return;
    }
    const [code, message, fields] = expected;
    const refusal = await h.refused(request, holders);
    expect(refusal.code).toBe(code);
    expect(refusal.message).toContain(message);
    if (fields !== undefined) {
      expect(refusal.fields).toEqual(fields);
    }
  });

  it('covers every registration type', () => {
    const types = new Set(ActCases.map((actCase) => String(actCase.build('active').request.type)));
    expect([...types].sort()).toEqual([...RegistrationTypes].sort());
  });
});

// ---- CHANGE never changes the holders ----

describe('realestate: a CHANGE carrying holders', () => {
  it('is refused before the holders are even read, naming the field, and the owners stay', async () => {
    const h = await unitIn('active');
    const before = await h.unit();
    // malformed holders too: the act may not carry any, so their form is beside the point
    for (const holders of [corrected, [{ name: 'x' }], []]) {
      const refusal = await h.refused(
        { unitNumber: UNIT, type: 'CHANGE', certificateNumber: title('09400150'), description: '权利人变更' },
        holders,
      );
      expect(refusal).toEqual({
        code: 'RULE_VIOLATION',
        message: expect.stringContaining('register a TRANSFER') as unknown,
        fields: ['transient.holders'],
      });
    }
    expect(await h.unit()).toEqual(before);
  });
});

// ---- CORRECTION of the holders and its basis ----

describe('realestate: a CORRECTION of the holders', () => {
  const request = {
    unitNumber: UNIT,
    type: 'CORRECTION',
    certificateNumber: title('09400150'),
    description: '权利人登记错误',
  };

  it.each([
    ['a court decision', COURT_BASIS],
    [
      'a court decision with full-width brackets',
      { kind: 'COURT_DECISION', reference: '（2025）最高法民终12号' },
    ],
    ["the registry's finding of its error", REGISTRY_BASIS],
  ])('with %s replaces the owners and records the basis in history and certificate', async (_name, basis) => {
    const h = await unitIn('active');
    const result = await h.register({ ...request, correctionBasis: basis }, corrected);
    expect(result).toMatchObject({
      type: 'CORRECTION',
      certificateChanges: [{ certificateNumber: title('09400110'), status: 'SUPERSEDED' }],
    });
    const unit = await h.unit();
    expect(unit).toMatchObject({
      holdersSequence: result.sequence,
      holders: [{ maskedName: '张*三', share: '1/1' }],
      titleCertificate: title('09400150'),
    });
    const recorded = { correctionBasisKind: basis.kind, correctionBasisReference: basis.reference };
    const last = (await h.history()).at(-1);
    expect(last).toMatchObject({ type: 'CORRECTION', details: recorded });
    expect(last?.holders).toEqual(unit.holders);
    const certificate = await h.read((ctx) => contract.GetCertificate(ctx, title('09400150')));
    expect(certificate).toMatchObject({ content: { registrationType: 'CORRECTION', details: recorded } });
  });

  it('is refused without a basis, naming the field, and the owners stay', async () => {
    const h = await unitIn('active');
    const before = await h.unit();
    expect(await h.refused(request, corrected)).toEqual({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining(
        `a CORRECTION of the holders of unit ${UNIT} needs its recorded basis`,
      ) as unknown,
      fields: ['correctionBasis'],
    });
    expect(await h.unit()).toEqual(before);
  });

  it('with a basis still needs the new title certificate the holders are printed on', async () => {
    const h = await unitIn('active');
    const refusal = await h.refused(
      { unitNumber: UNIT, type: 'CORRECTION', description: '更正', correctionBasis: COURT_BASIS },
      corrected,
    );
    expect(refusal).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(refusal.message).toContain('printed on a new title certificate');
  });

  it('records a basis given for a CORRECTION of an entry too, without touching the owners', async () => {
    const h = await unitIn('active');
    const before = await h.unit();
    await h.register({
      unitNumber: UNIT,
      type: 'CORRECTION',
      description: '更正面积',
      correctionBasis: REGISTRY_BASIS,
    });
    expect(await h.unit()).toMatchObject({
      holders: before.holders,
      holdersSequence: before.holdersSequence,
    });
    expect((await h.history()).at(-1)).toMatchObject({
      details: { correctionBasisKind: 'REGISTRY_ERROR', correctionBasisReference: REGISTRY_BASIS.reference },
    });
  });

  it.each<[string, Json, string[]]>([
    [
      'on another act',
      {
        unitNumber: UNIT,
        type: 'CHANGE',
        certificateNumber: title('09400150'),
        description: '变更',
        correctionBasis: COURT_BASIS,
      },
      ['correctionBasis'],
    ],
    ['that is not an object', { ...request, correctionBasis: '(2026)粤0106民初77号' }, ['correctionBasis']],
    [
      'of an unknown kind',
      { ...request, correctionBasis: { kind: 'APPLICATION', reference: 'X-2026-1' } },
      ['correctionBasis.kind'],
    ],
    [
      'without a reference',
      { ...request, correctionBasis: { kind: 'COURT_DECISION' } },
      ['correctionBasis.reference'],
    ],
    [
      'naming a person instead of a decision',
      { ...request, correctionBasis: { kind: 'COURT_DECISION', reference: '张晓三' } },
      ['correctionBasis.reference'],
    ],
    [
      'naming a person instead of a registry reference',
      { ...request, correctionBasis: { kind: 'REGISTRY_ERROR', reference: '张晓三' } },
      ['correctionBasis.reference'],
    ],
    [
      'with a reference of 65 characters',
      { ...request, correctionBasis: { kind: 'REGISTRY_ERROR', reference: `A${'1'.repeat(64)}` } },
      ['correctionBasis.reference'],
    ],
    [
      'with more than kind and reference',
      { ...request, correctionBasis: { ...COURT_BASIS, party: '张晓三' } },
      ['correctionBasis'],
    ],
  ])('refuses a basis %s with VALIDATION_FAILED naming the field', async (_name, body, fields) => {
    const h = await unitIn('active');
    const refusal = await h.refused(body, body.type === 'CHANGE' ? undefined : corrected);
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', fields });
    expect(JSON.stringify(refusal)).not.toContain('张晓三');
  });
});
