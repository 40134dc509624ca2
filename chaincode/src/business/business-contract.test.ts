// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { OrgMsps, type Role, Roles } from '../common/access';
import { type ChaincodeError, parseChaincodeErrorMessage } from '../common/errors';
import { USCC_ALPHABET } from '../common/identifiers';
import { contracts } from '../definitions/business';
import { BusinessProofContract } from '../proof/proof-contract';
import { type InMemoryLedger, ShimRouter, identityForRole } from '../testing';
import { channelLedger } from '../testing/channel';
import { commitEndorsedBy } from '../testing/endorsement-simulation';
import { eventShapeProblems } from '../testing/event-shapes';
import { BusinessTaxContract } from '../tax/business-tax-contract';
import { BusinessContract } from './business-contract';

const contract = new BusinessContract();
/** The TAX step is the tax bureau's, in the tax definition. */
const businessTax = new BusinessTaxContract();
const USCC = '91350100M000100Y43';
const OTHER_USCC = '9144030071526726XG';
const CASE_ID = `BO-${USCC}`;
const PERSON = { name: '欧阳小明', idNumber: '11010519491231002x', salt: '0123456789abcdef0123456789ABCDEF' };
const REQUEST = {
  uscc: USCC.toLowerCase(),
  name: '广州市 ABC 科技有限公司',
  entityType: 'LIMITED_LIABILITY_COMPANY',
  registeredCapitalCny: '1000000.50',
  address: '广州市越秀区某路1号',
  businessScope: '软件开发；信息技术咨询服务',
};
const STEPS = ['LICENSE', 'SEAL', 'TAX', 'SOCIAL_SECURITY', 'HOUSING_FUND', 'BANK_ACCOUNT'] as const;
const who = (role: Role) => identityForRole(role);

async function errorOf(promise: Promise<unknown>): Promise<ChaincodeError> {
  try {
    await promise;
  } catch (error) {
    return error as ChaincodeError;
  }
  throw new Error('expected the transaction to fail');
}

describe('BusinessContract', () => {
  let ledger: InMemoryLedger;

  beforeEach(() => {
    ledger = channelLedger('business');
  });

  function tx(role: Role, timestamp?: string, person: unknown = PERSON) {
    return ledger.newTransaction({
      identity: who(role),
      ...(timestamp === undefined ? {} : { timestamp }),
      transient: { legalRepresentative: JSON.stringify(person) },
    });
  }

  /** A transaction of the tax definition, where the TAX step is recorded. */
  function taxTx(role: Role, timestamp?: string) {
    return ledger.newTransaction({
      identity: who(role),
      chaincodeName: 'tax',
      ...(timestamp === undefined ? {} : { timestamp }),
    });
  }

  /** Completes a step where it is recorded: TAX with businesstax:CompleteTaxStep, the others here. */
  function attempt(name: string, role: Role, reference: string, timestamp?: string) {
    const t = name === 'TAX' ? taxTx(role, timestamp) : tx(role, timestamp);
    const result =
      name === 'TAX'
        ? businessTax.CompleteTaxStep(t.ctx, CASE_ID, reference)
        : contract.CompleteStep(t.ctx, CASE_ID, name, reference);
    return { t, result };
  }

  async function open(request: unknown = REQUEST, role: Role = Roles.MarketClerk, person: unknown = PERSON) {
    const t = tx(role, '2026-03-02T01:00:00.000Z', person);
    const result = await contract.OpenCase(t.ctx, JSON.stringify(request));
    expect(t.commit().validationCode).toBe('VALID');
    return { t, result };
  }

  async function step(name: string, role: Role, timestamp?: string) {
    const { t, result } = attempt(name, role, `REF-${name}`, timestamp);
    const answer = await result;
    expect(t.commit().validationCode).toBe('VALID');
    return { t, result: answer };
  }

  const roleOf = (name: string): Role => (name === 'TAX' ? Roles.TaxOfficer : Roles.MarketClerk);

  async function read<T>(fn: (t: ReturnType<typeof tx>) => Promise<T>): Promise<T> {
    return fn(tx(Roles.TaxOfficer));
  }

  it('is the default contract of the business definition, followed by its proof', () => {
    expect(contracts).toEqual([BusinessContract, BusinessProofContract]);
    expect(contract.getName()).toBe('business');
  });

  it('runs the happy path: open, six steps by the right roles, COMPLETED, licence ACTIVE', async () => {
    const { result } = await open();
    expect(JSON.parse(result)).toEqual({ caseId: CASE_ID, uscc: USCC });
    let view = JSON.parse(await read((t) => contract.GetCase(t.ctx, CASE_ID))) as Record<string, unknown>;
    expect(view).toMatchObject({
      status: 'OPEN',
      legalRepresentative: '欧**明',
      registeredCapitalFen: 100000050,
    });

    const times = ['02:00', '02:30', '03:00', '03:30', '06:00', '07:00'];
    for (const [index, name] of STEPS.entries()) {
      const { t, result: done } = await step(name, roleOf(name), `2026-03-02T${times[index]}:00.000Z`);
      expect(JSON.parse(done)).toEqual({
        caseId: CASE_ID,
        step: name,
        completedAt: `2026-03-02T${times[index]}:00.000Z`,
      });
      expect(t.events.map((event) => event.name)).toEqual(['BusinessStepCompleted']);
    }
    view = JSON.parse(await read((t) => contract.GetCase(t.ctx, CASE_ID))) as Record<string, unknown>;
    expect(view).toMatchObject({
      status: 'COMPLETED',
      openedAt: '2026-03-02T01:00:00.000Z',
      completedAt: '2026-03-02T07:00:00.000Z',
      licenseStatus: 'ACTIVE',
    });
    const steps = view.steps as Record<string, unknown>[];
    expect(steps.map((s) => [s.step, s.status])).toEqual(STEPS.map((s) => [s, 'DONE']));
    expect(steps[2]).toMatchObject({
      completedBy: { mspId: 'TaxMSP', role: 'tax_officer' },
      reference: 'REF-TAX',
    });

    const license: unknown = JSON.parse(await read((t) => contract.GetLicense(t.ctx, USCC.toLowerCase())));
    expect(license).toMatchObject({
      uscc: USCC,
      status: 'ACTIVE',
      name: '广州市 ABC 科技有限公司',
      legalRepresentative: '欧**明',
      establishedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(JSON.parse(await read((t) => contract.FindCaseByUscc(t.ctx, USCC)))).toMatchObject({
      caseId: CASE_ID,
    });
  });

  it('emits BusinessCaseOpened with what the index needs', async () => {
    const { t } = await open();
    expect(t.events).toHaveLength(1);
    expect(t.events[0]?.name).toBe('BusinessCaseOpened');
    expect(JSON.parse(t.events[0]?.payload.toString() ?? '')).toEqual({
      caseId: CASE_ID,
      uscc: USCC,
      name: '广州市 ABC 科技有限公司',
      normalisedName: '广州市abc科技有限公司',
      entityType: 'LIMITED_LIABILITY_COMPANY',
      registeredCapitalFen: 100000050,
      legalRepresentative: '欧**明',
      openedAt: '2026-03-02T01:00:00.000Z',
      openedBy: { mspId: 'MarketMSP', role: 'market_clerk' },
    });
  });

  it('keeps case, name, licence and five steps here and the TAX step in tax, without key-level policies', async () => {
    await open();
    for (const name of STEPS) {
      await step(name, roleOf(name));
    }
    const keys = ledger.stateKeys();
    expect(keys).toHaveLength(1 + 1 + 1 + 5);
    expect(keys.some((key) => key.includes('TAX'))).toBe(false);
    expect(ledger.stateKeys('tax')).toEqual([`\u0000business.taxStep\u0000${CASE_ID}\u0000`]);
    for (const [namespace, key] of [
      ...keys.map((key) => ['business', key] as const),
      ['tax', `\u0000business.taxStep\u0000${CASE_ID}\u0000`] as const,
    ]) {
      expect([key, ledger.getStateValidationParameter(key, namespace)]).toEqual([key, undefined]);
    }
  });

  it('emits payloads that fit the shapes the gateway decodes them by, the TAX step included', async () => {
    await open();
    for (const name of STEPS) {
      await step(name, roleOf(name));
    }
    const c = tx(Roles.MarketClerk);
    await contract.ChangeLicenseStatus(c.ctx, USCC, 'CANCELLED', '股东决定解散');
    c.commit();
    expect(new Set(ledger.events.map((event) => event.name))).toEqual(
      new Set(['BusinessCaseOpened', 'BusinessStepCompleted', 'BusinessLicenseStatusChanged']),
    );
    expect(eventShapeProblems(ledger.events)).toEqual([]);
  });

  it('keeps the legal representative in the private collection only, never in public state or events', async () => {
    await open();
    for (const name of STEPS) {
      await step(name, roleOf(name));
    }
    const c = tx(Roles.MarketClerk);
    await contract.ChangeLicenseStatus(c.ctx, USCC, 'CANCELLED', '股东决定解散');
    c.commit();
    const forbidden = ['欧阳小明', '阳小', '11010519491231002X', '11010519491231002x', '110105194912'];
    const publicTexts = [
      ...ledger.namespaces.flatMap((namespace) =>
        ledger
          .stateKeys(namespace)
          .map((key) => `${key} ${ledger.getState(key, namespace)?.toString() ?? ''}`),
      ),
      ...ledger.events.map((event) => event.payload.toString()),
    ];
    expect(publicTexts.length).toBeGreaterThan(9);
    for (const text of publicTexts) {
      for (const secret of forbidden) {
        expect(text).not.toContain(secret);
      }
    }
    const stored = ledger.getPrivateData('marketPrivate', `\u0000business.legalrep\u0000${CASE_ID}\u0000`);
    expect(JSON.parse(stored?.toString() ?? '')).toEqual({
      caseId: CASE_ID,
      name: '欧阳小明',
      idNumber: '11010519491231002X',
      salt: '0123456789abcdef0123456789abcdef',
    });
  });

  it('refuses a legal representative sent as an argument', async () => {
    const t = tx(Roles.MarketClerk);
    const error = await errorOf(
      contract.OpenCase(t.ctx, JSON.stringify({ ...REQUEST, legalRepresentative: PERSON })),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.field)).toEqual(['legalRepresentative']);
  });

  it.each([
    ['no transient data', undefined],
    ['a bad ID number', { ...PERSON, idNumber: '110105194912310021' }],
    ['a short salt', { ...PERSON, salt: 'abc' }],
    ['a one-character name', { ...PERSON, name: '欧' }],
  ])('refuses %s with VALIDATION_FAILED', async (_label, person) => {
    const t = ledger.newTransaction({
      identity: who(Roles.MarketClerk),
      ...(person === undefined ? {} : { transient: { legalRepresentative: JSON.stringify(person) } }),
    });
    const error = await errorOf(contract.OpenCase(t.ctx, JSON.stringify(REQUEST)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(t.pendingWrites()).toEqual([]);
  });

  it.each([
    ['entityType', { ...REQUEST, entityType: '有限公司' }],
    ['registeredCapitalCny', { ...REQUEST, registeredCapitalCny: '1.005' }],
    ['registeredCapitalCny', { ...REQUEST, registeredCapitalCny: 0 }],
    ['address', { ...REQUEST, address: '' }],
    ['businessScope', { ...REQUEST, businessScope: 'x'.repeat(2001) }],
    ['name', { ...REQUEST, name: ' ' }],
    ['extra', { ...REQUEST, extra: 1 }],
  ])('refuses a bad %s', async (field, request) => {
    const t = tx(Roles.MarketClerk);
    const error = await errorOf(contract.OpenCase(t.ctx, JSON.stringify(request)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.field)).toEqual([field]);
  });

  it('refuses OpenCase by any role other than market_clerk', async () => {
    for (const role of [Roles.TaxOfficer, Roles.RegistryClerk, Roles.Hauler]) {
      const t = tx(role);
      expect((await errorOf(contract.OpenCase(t.ctx, JSON.stringify(REQUEST)))).code).toBe('FORBIDDEN');
    }
  });

  it('answers CONFLICT for a USCC already registered', async () => {
    await open();
    const t = tx(Roles.MarketClerk);
    const error = await errorOf(
      contract.OpenCase(t.ctx, JSON.stringify({ ...REQUEST, name: '另一个名字有限公司' })),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details[0]?.field).toBe('uscc');
  });

  it.each(['广州市ＡＢＣ科技有限公司', '广州市\u3000abc\u3000科技 有限公司', ' 广州市Abc科技有限公司 '])(
    'answers CONFLICT for the taken name typed as %j',
    async (name) => {
      await open();
      const t = tx(Roles.MarketClerk);
      const error = await errorOf(
        contract.OpenCase(t.ctx, JSON.stringify({ ...REQUEST, uscc: OTHER_USCC, name })),
      );
      expect(error.code).toBe('CONFLICT');
      expect(error.details[0]?.field).toBe('name');
      expect(t.pendingWrites()).toEqual([]);
    },
  );

  it('accepts a different name for another USCC', async () => {
    await open();
    await open({ ...REQUEST, uscc: OTHER_USCC, name: '广州市ABD科技有限公司' });
  });

  describe('every single-character change of a valid USCC', () => {
    const variants: [number, string][] = [];
    for (let position = 0; position < USCC.length; position += 1) {
      for (const symbol of USCC_ALPHABET) {
        if (symbol !== USCC.charAt(position)) {
          variants.push([position + 1, USCC.slice(0, position) + symbol + USCC.slice(position + 1)]);
        }
      }
    }

    it('covers 18 positions × 30 other symbols', () => {
      expect(variants).toHaveLength(18 * 30);
    });

    it('is refused by OpenCase with VALIDATION_FAILED on the uscc field', async () => {
      for (const [position, uscc] of variants) {
        const t = tx(Roles.MarketClerk);
        const error = await errorOf(contract.OpenCase(t.ctx, JSON.stringify({ ...REQUEST, uscc })));
        expect([position, error.code, error.details.map((d) => d.field)]).toEqual([
          position,
          'VALIDATION_FAILED',
          ['uscc'],
        ]);
      }
    });
  });

  describe('steps', () => {
    beforeEach(async () => {
      await open();
    });

    it('answers RULE_VIOLATION for any step before LICENSE', async () => {
      for (const name of STEPS.slice(1)) {
        const { t, result } = attempt(name, roleOf(name), 'R1');
        const error = await errorOf(result);
        expect([name, error.code]).toEqual([name, 'RULE_VIOLATION']);
        expect(t.pendingWrites()).toEqual([]);
      }
    });

    it('answers CONFLICT for a step completed twice', async () => {
      await step('LICENSE', Roles.MarketClerk);
      await step('TAX', Roles.TaxOfficer);
      for (const [name, role] of [
        ['LICENSE', Roles.MarketClerk],
        ['TAX', Roles.TaxOfficer],
      ] as const) {
        expect((await errorOf(attempt(name, role, 'again').result)).code).toBe('CONFLICT');
      }
    });

    it('answers FORBIDDEN for the wrong role on every step', async () => {
      await step('LICENSE', Roles.MarketClerk);
      for (const name of STEPS) {
        const wrong =
          name === 'TAX' ? [Roles.MarketClerk, Roles.RegistryClerk] : [Roles.TaxOfficer, Roles.Hauler];
        for (const role of wrong) {
          expect([name, role, (await errorOf(attempt(name, role, 'R').result)).code]).toEqual([
            name,
            role,
            'FORBIDDEN',
          ]);
        }
      }
    });

    it('lets the steps of one case complete concurrently: each writes its own key, all commit', async () => {
      await step('LICENSE', Roles.MarketClerk);
      const racing = STEPS.slice(1).map((name) => attempt(name, roleOf(name), 'R'));
      await Promise.all(racing.map(({ result }) => result));
      expect(racing.map(({ t }) => t.commit().validationCode)).toEqual(STEPS.slice(1).map(() => 'VALID'));
      const view = JSON.parse(await read((t) => contract.GetCase(t.ctx, CASE_ID))) as Record<string, unknown>;
      expect(view.status).toBe('COMPLETED');
    });

    it('refuses TAX here for everyone, naming where the tax bureau records it', async () => {
      await step('LICENSE', Roles.MarketClerk);
      for (const role of [Roles.TaxOfficer, Roles.MarketClerk]) {
        const t = tx(role);
        const error = await errorOf(contract.CompleteStep(t.ctx, CASE_ID, 'TAX', 'R'));
        expect(parseChaincodeErrorMessage(error.message)).toEqual({
          code: 'RULE_VIOLATION',
          message:
            'the TAX step is recorded by the tax bureau in its own chaincode: tax, businesstax:CompleteTaxStep',
          details: [
            { field: 'step', message: 'TAX is completed with businesstax:CompleteTaxStep (definition tax)' },
          ],
        });
        expect(t.pendingWrites()).toEqual([]);
      }
    });

    it('invalidates a step endorsed only by a department other than market regulation', async () => {
      await step('LICENSE', Roles.MarketClerk);
      const forged = tx(Roles.MarketClerk);
      await contract.CompleteStep(forged.ctx, CASE_ID, 'SEAL', 'R');
      expect(commitEndorsedBy(ledger, forged, [OrgMsps.Registry, OrgMsps.Tax, OrgMsps.Urban])).toMatchObject({
        validationCode: 'ENDORSEMENT_POLICY_FAILURE',
        chaincodeName: 'business',
      });
      const view = JSON.parse(await read((t) => contract.GetCase(t.ctx, CASE_ID))) as { steps: unknown };
      expect(JSON.stringify(view.steps)).not.toMatch(/SEAL[^}]*COMPLETED/);
    });

    it.each([
      ['an unknown step', CASE_ID, 'NOTARY', 'R', 'VALIDATION_FAILED'],
      ['an empty reference', CASE_ID, 'LICENSE', ' ', 'VALIDATION_FAILED'],
      ['a malformed case id', 'BO-123', 'LICENSE', 'R', 'VALIDATION_FAILED'],
      ['an unknown case', `BO-${OTHER_USCC}`, 'LICENSE', 'R', 'NOT_FOUND'],
    ])('refuses %s', async (_label, caseId, name, reference, code) => {
      const t = tx(Roles.MarketClerk);
      expect((await errorOf(contract.CompleteStep(t.ctx, caseId, name, reference))).code).toBe(code);
    });

    it('emits the licence with the LICENSE step', async () => {
      const { t } = await step('LICENSE', Roles.MarketClerk, '2026-03-02T02:00:00.000Z');
      expect(JSON.parse(t.events[0]?.payload.toString() ?? '')).toMatchObject({
        caseId: CASE_ID,
        uscc: USCC,
        step: 'LICENSE',
        reference: 'REF-LICENSE',
        completedAt: '2026-03-02T02:00:00.000Z',
        openedAt: '2026-03-02T01:00:00.000Z',
        license: { status: 'ACTIVE', establishedAt: '2026-03-02T02:00:00.000Z' },
      });
    });
  });

  describe('licence status', () => {
    beforeEach(async () => {
      await open();
      await step('LICENSE', Roles.MarketClerk, '2026-03-02T02:00:00.000Z');
    });

    it.each(['CANCELLED', 'REVOKED'])('%s an ACTIVE licence once, then RULE_VIOLATION', async (status) => {
      const t = ledger.newTransaction({
        identity: who(Roles.MarketClerk),
        timestamp: '2026-04-01T00:00:00.000Z',
      });
      expect(JSON.parse(await contract.ChangeLicenseStatus(t.ctx, USCC, status, '依法处理'))).toEqual({
        uscc: USCC,
        status,
        changedAt: '2026-04-01T00:00:00.000Z',
      });
      t.commit();
      expect(JSON.parse(t.events[0]?.payload.toString() ?? '')).toMatchObject({
        uscc: USCC,
        caseId: CASE_ID,
        previousStatus: 'ACTIVE',
        status,
        reason: '依法处理',
      });
      const license = JSON.parse(await read((r) => contract.GetLicense(r.ctx, USCC))) as {
        status: string;
        statusHistory: { status: string; reason?: string; txId?: string }[];
      };
      expect(license.status).toBe(status);
      expect(license.statusHistory.map((c) => [c.status, c.reason])).toEqual([
        ['ACTIVE', undefined],
        [status, '依法处理'],
      ]);
      // each change names its own transaction: the proof a verifier fetches
      const [issuedBy, changedBy] = license.statusHistory.map((c) => c.txId);
      expect(issuedBy).toMatch(/^[0-9a-f]{64}$/);
      expect(changedBy).toMatch(/^[0-9a-f]{64}$/);
      expect(changedBy).not.toBe(issuedBy);
      const again = tx(Roles.MarketClerk);
      const error = await errorOf(contract.ChangeLicenseStatus(again.ctx, USCC, 'REVOKED', 'x'));
      expect(error.code).toBe('RULE_VIOLATION');
      const later = tx(Roles.MarketClerk);
      expect((await errorOf(contract.CompleteStep(later.ctx, CASE_ID, 'SEAL', 'R'))).code).toBe(
        'RULE_VIOLATION',
      );
    });

    it.each([
      ['a missing reason', USCC, 'CANCELLED', ' ', Roles.MarketClerk, 'VALIDATION_FAILED'],
      ['an unknown status', USCC, 'ACTIVE', 'r', Roles.MarketClerk, 'VALIDATION_FAILED'],
      ['a bad USCC', '91350100M000100Y44', 'CANCELLED', 'r', Roles.MarketClerk, 'VALIDATION_FAILED'],
      ['the wrong role', USCC, 'CANCELLED', 'r', Roles.TaxOfficer, 'FORBIDDEN'],
      ['an unknown licence', OTHER_USCC, 'CANCELLED', 'r', Roles.MarketClerk, 'NOT_FOUND'],
    ])('refuses %s', async (_label, uscc, status, reason, role, code) => {
      const t = tx(role);
      expect((await errorOf(contract.ChangeLicenseStatus(t.ctx, uscc, status, reason))).code).toBe(code);
    });
  });

  it('answers NOT_FOUND for unknown cases and licences', async () => {
    expect((await read((t) => errorOf(contract.GetCase(t.ctx, CASE_ID)))).code).toBe('NOT_FOUND');
    expect((await read((t) => errorOf(contract.GetLicense(t.ctx, USCC)))).code).toBe('NOT_FOUND');
  });

  it('routes business:OpenCase through the shim router with transient data', async () => {
    const router = new ShimRouter([BusinessContract]);
    const t = ledger.newTransaction({
      identity: who(Roles.MarketClerk),
      args: ['business:OpenCase', JSON.stringify(REQUEST)],
      transient: { legalRepresentative: JSON.stringify(PERSON) },
    });
    const response = await router.invoke(t);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.payload.toString())).toEqual({ caseId: CASE_ID, uscc: USCC });
  });
});
