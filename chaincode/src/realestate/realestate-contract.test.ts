// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { createHash } from 'node:crypto';
import { Roles } from '../common/access';
import { toCanonicalBytes, toCanonicalJson } from '../common/canonical-json';
import {
  type ChaincodeError,
  type ChaincodeErrorPayload,
  parseChaincodeErrorMessage,
} from '../common/errors';
import { residentIdCheckCharacter } from '../common/identifiers';
import { VERIFICATION_CODE_ALPHABET } from '../common/verification-code';
import { contracts } from '../definitions/realestate';
import {
  type InMemoryLedger,
  type InMemoryStub,
  ShimRouter,
  type TestIdentity,
  identityForRole,
  newTestIdentity,
} from '../testing';
import { asSent, PARTICULARS_SALT } from '../testing/registry-fixtures';
import { channelLedger } from '../testing/channel';
import { eventShapeProblems } from '../testing/event-shapes';
import { commitEndorsedBy } from '../testing/endorsement-simulation';
import { DeedTaxContract } from '../tax/deedtax-contract';
import { clearanceKey } from '../tax/keys';
import { RealEstateContract } from './realestate-contract';

const contract = new RealEstateContract();
/** The deed-tax clearance is the tax definition's (tax/deedtax-contract.ts); TRANSFER reads it there. */
const deedtax = new DeedTaxContract();
const clerk = identityForRole(Roles.RegistryClerk);
const officer = identityForRole(Roles.TaxOfficer);
const verifier = identityForRole(Roles.RegistryVerifier, 'holder-verifier');

const UNIT = '440184001016GB00009F00800039';
const OTHER_UNIT = '440184001016GB00009F00800040';
const title = (serial: string): string => `粤(2026)广州市不动产权第${serial}号`;
const proof = (serial: string): string => `粤(2026)广州市不动产证明第${serial}号`;
const residentId = (first17: string): string => first17 + residentIdCheckCharacter(first17);

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
const people = [alice, bob, carol, dave];
const BANK = {
  mortgageeName: '中国工商银行股份有限公司广州分行',
  mortgageeUscc: '914403001922038216',
  securedAmountFen: '150000000',
};
const ORDER = '(2026)粤0106执保123号';

/** The gateway's holder lookup pepper (holder-index.ts), sent with every Register. */
const PEPPER = Buffer.alloc(32, 7).toString('base64');
/** The deed tax every clearance here records (whole fen). */
const taxPaidFen = '3000000';

/**
 * The verification code the gateway would print on `certificateNumber`: fixed per number here so a
 * test can ask with it later. 8 symbols of the alphabet, taken from a hash of the number.
 */
function codeOf(certificateNumber: string): string {
  const digest = createHash('sha256')
    .update(certificateNumber.replace('（', '(').replace('）', ')'))
    .digest();
  return [...digest.subarray(0, 8)].map((byte) => VERIFICATION_CODE_ALPHABET[byte % 31] ?? '2').join('');
}

/** The transient data of a Register as the gateway sends it: pepper, holders, and a code when a certificate is issued. */
function registerTransient(
  request: Request | string,
  holders: unknown,
  withCode: boolean,
): Record<string, string> {
  const certificateNumber = typeof request === 'string' ? undefined : request.certificateNumber;
  return {
    holderLookupPepper: PEPPER,
    ...(holders === undefined ? {} : { holders: JSON.stringify(holders) }),
    ...(withCode && typeof certificateNumber === 'string'
      ? { verificationCode: JSON.stringify({ code: codeOf(certificateNumber), salt: 'f6'.repeat(16) }) }
      : {}),
  };
}

type Request = Record<string, unknown>;
type Json = Record<string, unknown>;

async function errorOf(promise: Promise<unknown>): Promise<ChaincodeError> {
  try {
    await promise;
  } catch (error) {
    return error as ChaincodeError;
  }
  throw new Error('expected the transaction to fail');
}

/** A copy of `record` without `key`: a record as an earlier chaincode wrote it. */
function withoutKey(record: Json, key: string): Json {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

class Harness {
  /** Transactions run in the realestate definition unless they name another. */
  readonly ledger = channelLedger('realestate');

  /** @param withCodes false: registers as before verification codes existed (no code on any certificate). */
  constructor(private readonly withCodes = true) {}

  async register(
    request: Request,
    holders?: unknown,
    identity: TestIdentity = clerk,
  ): Promise<Json & { txId: string }> {
    const sent = asSent(request);
    const tx = this.ledger.newTransaction({
      identity,
      transient: { ...registerTransient(request, holders, this.withCodes), ...sent.transient },
    });
    const result = JSON.parse(await contract.Register(tx.ctx, JSON.stringify(sent.request))) as Json;
    expect(tx.commit().validationCode).toBe('VALID');
    return { ...result, txId: tx.getTxID() };
  }

  /** Runs Register expecting failure: returns the error payload and checks nothing was written or emitted. */
  async refused(
    request: Request | string,
    holders?: unknown,
    identity: TestIdentity = clerk,
  ): Promise<{ code: string; message: string; fields: string[] }> {
    const sent = typeof request === 'string' ? { request, transient: {} } : asSent(request);
    const tx = this.ledger.newTransaction({
      identity,
      transient: { ...registerTransient(request, holders, this.withCodes), ...sent.transient },
    });
    const error = await errorOf(
      contract.Register(
        tx.ctx,
        typeof sent.request === 'string' ? sent.request : JSON.stringify(sent.request),
      ),
    );
    const payload = parseChaincodeErrorMessage(error.message);
    expect(payload).toBeDefined();
    expect(tx.pendingWrites()).toEqual([]);
    expect(tx.events).toEqual([]);
    return {
      code: payload?.code ?? '',
      message: payload?.message ?? '',
      fields: (payload?.details ?? []).map((d) => d.field ?? ''),
    };
  }

  async clearance(
    unitNumber: string,
    clearanceNumber: string,
    transferees: unknown,
    identity: TestIdentity = officer,
  ): Promise<Json> {
    const tx = this.ledger.newTransaction({
      identity,
      chaincodeName: 'tax',
      transient: { transferees: JSON.stringify(transferees) },
    });
    const result = JSON.parse(
      await deedtax.RecordDeedTaxClearance(
        tx.ctx,
        JSON.stringify({ unitNumber, clearanceNumber, taxPaidFen }),
      ),
    ) as Json;
    expect(tx.commit().validationCode).toBe('VALID');
    return result;
  }

  async clearanceRefused(
    request: Request,
    transferees: unknown,
    identity: TestIdentity = officer,
  ): Promise<string> {
    const tx = this.ledger.newTransaction({
      identity,
      chaincodeName: 'tax',
      transient: transferees === undefined ? {} : { transferees: JSON.stringify(transferees) },
    });
    const error = await errorOf(
      deedtax.RecordDeedTaxClearance(tx.ctx, JSON.stringify({ taxPaidFen, ...request })),
    );
    expect(tx.pendingWrites()).toEqual([]);
    return parseChaincodeErrorMessage(error.message)?.code ?? '';
  }

  /** A query in the realestate definition, or in `chaincodeName` (tax for the deedtax contract). */
  async read(
    call: (ctx: InMemoryLedgerContext) => Promise<string>,
    identity: TestIdentity = clerk,
    chaincodeName = 'realestate',
  ): Promise<Json> {
    const tx = this.ledger.newTransaction({ identity, chaincodeName });
    return JSON.parse(await call(tx.ctx)) as Json;
  }

  async readError(
    call: (ctx: InMemoryLedgerContext) => Promise<string>,
    identity: TestIdentity = clerk,
    chaincodeName = 'realestate',
  ): Promise<string> {
    const tx = this.ledger.newTransaction({ identity, chaincodeName });
    return (await errorOf(call(tx.ctx))).code;
  }

  unit(unitNumber = UNIT): Promise<Json> {
    return this.read((ctx) => contract.GetUnit(ctx, unitNumber));
  }

  certificate(number: string): Promise<Json> {
    return this.read((ctx) => contract.GetCertificate(ctx, number));
  }

  async first(unitNumber = UNIT, certificateNumber = title('09400110')): Promise<Json> {
    return this.register({ unitNumber, type: 'FIRST', certificateNumber }, [alice, bob]);
  }

  /** Every committed public value of every namespace and every event payload, as text. */
  publicText(): string[] {
    return [
      ...this.ledger.namespaces.flatMap((namespace) =>
        this.ledger
          .stateKeys(namespace)
          .map((key) => `${key}=${this.ledger.getState(key, namespace)?.toString('utf8') ?? ''}`),
      ),
      ...this.ledger.events.map((event) => `${event.name}:${event.payload.toString('utf8')}`),
    ];
  }
}

type InMemoryLedgerContext = ReturnType<InMemoryLedger['newTransaction']>['ctx'];

/** Every committed public key as [namespace, key], each with its key-level policy if it has one. */
function keysWithPolicies(ledger: InMemoryLedger): [string, string, Buffer | undefined][] {
  return ledger.namespaces.flatMap((namespace) =>
    ledger
      .stateKeys(namespace)
      .map((key): [string, string, Buffer | undefined] => [
        namespace,
        key,
        ledger.getStateValidationParameter(key, namespace),
      ]),
  );
}

describe('RealEstateContract: one unit through its life', () => {
  it('walks FIRST → MORTGAGE → SEIZURE → SEIZURE_RELEASE → clearance → TRANSFER → MORTGAGE_DISCHARGE → CANCELLATION', async () => {
    const h = new Harness();
    const t1 = title('09400110');
    const r1 = proof('0001234');
    const t2 = title('09400111');

    // FIRST: title certificate for alice and bob, masked in public.
    const first = await h.first();
    expect(first).toMatchObject({
      registrationId: `${UNIT}-00000001`,
      sequence: 1,
      type: 'FIRST',
      certificateNumber: t1,
      unitStatus: 'REGISTERED',
    });
    let unit = await h.unit();
    expect(unit).toMatchObject({
      status: 'REGISTERED',
      titleCertificate: t1,
      titleVersion: 1,
      mortgage: null,
      seizure: null,
    });
    expect(unit.holders).toEqual([
      { maskedName: '张*三', idHash: sha256(`${alice.salt}:${alice.idNumber}`), share: '1/2' },
      { maskedName: '李*', idHash: sha256(`${bob.salt}:${bob.idNumber}`), share: '1/2' },
    ]);
    const firstCertificate = await h.certificate(t1);
    expect(firstCertificate).toMatchObject({
      status: 'ACTIVE',
      content: { kind: 'TITLE', registrationType: 'FIRST', unitNumber: UNIT },
    });
    expect(firstCertificate.contentHash).toBe(
      createHash('sha256').update(toCanonicalBytes(firstCertificate.content)).digest('hex'),
    );
    expect(first.certificateContentHash).toBe(firstCertificate.contentHash);

    // MORTGAGE: registration certificate naming the bank; the owners are the mortgagors.
    // The secured amount is a private particular: only its salted hash is public.
    await h.register({ unitNumber: UNIT, type: 'MORTGAGE', certificateNumber: r1, mortgage: BANK });
    unit = await h.unit();
    const { securedAmountFen, ...mortgagee } = BANK;
    expect(unit.mortgage).toEqual({
      ...mortgagee,
      registrationId: `${UNIT}-00000002`,
      certificateNumber: r1,
    });
    const amountHash = sha256(toCanonicalJson({ salt: PARTICULARS_SALT, securedAmountFen }));
    expect(await h.certificate(r1)).toMatchObject({
      status: 'ACTIVE',
      content: { kind: 'REGISTRATION', details: { ...mortgagee, particularsHash: amountHash } },
    });
    const stored = h.ledger.getPrivateData(
      'registryPrivate',
      `\u0000realestate.particulars\u0000${UNIT}\u000000000002\u0000`,
    );
    expect(JSON.parse(stored?.toString() ?? 'null')).toEqual({
      unitNumber: UNIT,
      registrationId: `${UNIT}-00000002`,
      particulars: { securedAmountFen },
      salt: PARTICULARS_SALT,
    });
    expect((unit.certificates as Json[]).map((c) => (c.content as Json).certificateNumber)).toEqual([t1, r1]);

    // SEIZURE: no transfer, mortgage or cancellation while seized (every act: holder-rules.test.ts).
    await h.register({ unitNumber: UNIT, type: 'SEIZURE', court: '广州市越秀区人民法院', courtOrder: ORDER });
    expect((await h.unit()).seizure).toEqual({
      registrationId: `${UNIT}-00000003`,
      court: '广州市越秀区人民法院',
    });
    await h.clearance(UNIT, 'QS-2026-0001', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
    const transfer = {
      unitNumber: UNIT,
      type: 'TRANSFER',
      certificateNumber: t2,
      deedTaxClearanceNumber: 'QS-2026-0001',
      mortgageeConsentReference: 'ICBC-CONSENT-77',
    };
    for (const [request, holders] of [
      [transfer, [carol]],
      [
        { unitNumber: UNIT, type: 'MORTGAGE', certificateNumber: proof('0001235'), mortgage: BANK },
        undefined,
      ],
      [{ unitNumber: UNIT, type: 'CANCELLATION' }, undefined],
    ] as const) {
      const refusal = await h.refused(request, holders);
      expect(refusal.code).toBe('RULE_VIOLATION');
      expect(refusal.message).toContain(`is seized by 广州市越秀区人民法院 (registration ${UNIT}-00000003)`);
    }

    // SEIZURE_RELEASE: only the seizing order releases.
    expect(
      (await h.refused({ unitNumber: UNIT, type: 'SEIZURE_RELEASE', courtOrder: '(2026)粤0106执保999号' }))
        .code,
    ).toBe('RULE_VIOLATION');
    await h.register({ unitNumber: UNIT, type: 'SEIZURE_RELEASE', courtOrder: ORDER });
    expect((await h.unit()).seizure).toBeNull();

    // TRANSFER: needs the mortgagee's consent while mortgaged.
    const noConsent = await h.refused({ ...transfer, mortgageeConsentReference: null }, [carol]);
    expect(noConsent).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(noConsent.message).toContain('mortgagee');
    const transferred = await h.register(transfer, [carol]);
    expect(transferred.certificateChanges).toEqual([{ certificateNumber: t1, status: 'SUPERSEDED' }]);
    unit = await h.unit();
    expect(unit).toMatchObject({
      titleCertificate: t2,
      titleVersion: 2,
      holders: [{ maskedName: '欧**娜', share: '1/1' }],
    });
    expect(unit.mortgage).not.toBeNull(); // the mortgage follows the property
    expect(await h.certificate(t1)).toMatchObject({
      status: 'SUPERSEDED',
      statusRegistrationId: `${UNIT}-00000005`,
    });
    expect(await h.certificate(t2)).toMatchObject({ status: 'ACTIVE' });
    // The clearance cleared one transfer only.
    const again = await h.refused({ ...transfer, certificateNumber: title('09400112') }, [carol]);
    expect(again.code).toBe('RULE_VIOLATION');
    expect(again.message).toContain('earlier ownership');

    // MORTGAGE_DISCHARGE: the mortgage certificate is cancelled.
    const discharged = await h.register({ unitNumber: UNIT, type: 'MORTGAGE_DISCHARGE' });
    expect(discharged.certificateChanges).toEqual([{ certificateNumber: r1, status: 'CANCELLED' }]);
    expect((await h.unit()).mortgage).toBeNull();
    expect((await h.refused({ unitNumber: UNIT, type: 'MORTGAGE_DISCHARGE' })).code).toBe('RULE_VIOLATION');

    // CANCELLATION: every current certificate is cancelled; then only CORRECTION is accepted.
    const cancelled = await h.register({ unitNumber: UNIT, type: 'CANCELLATION', description: '房屋灭失' });
    expect(cancelled).toMatchObject({
      unitStatus: 'CANCELLED',
      certificateChanges: [{ certificateNumber: t2, status: 'CANCELLED' }],
    });
    expect(await h.unit()).toMatchObject({ status: 'CANCELLED', titleCertificate: null, certificates: [] });
    expect(await h.certificate(t2)).toMatchObject({ status: 'CANCELLED' });
    const afterCancel = await h.refused({
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: title('09400113'),
      description: '面积变更',
    });
    expect(afterCancel.code).toBe('RULE_VIOLATION');
    expect(afterCancel.message).toContain('only a CORRECTION');
    expect(
      (
        await h.refused({
          unitNumber: UNIT,
          type: 'CORRECTION',
          certificateNumber: title('09400113'),
          description: 'x',
        })
      ).code,
    ).toBe('RULE_VIOLATION');
    await h.register({ unitNumber: UNIT, type: 'CORRECTION', description: '更正注销原因' });

    // History: every act, in order, with txId, time and the acting clerk.
    const history = await h.read((ctx) => contract.GetUnitHistory(ctx, UNIT.toLowerCase()));
    const registrations = history.registrations as Json[];
    expect(registrations.map((r) => r.type)).toEqual([
      'FIRST',
      'MORTGAGE',
      'SEIZURE',
      'SEIZURE_RELEASE',
      'TRANSFER',
      'MORTGAGE_DISCHARGE',
      'CANCELLATION',
      'CORRECTION',
    ]);
    expect(registrations[0]).toMatchObject({
      txId: first.txId,
      registeredAt: expect.stringMatching(/^2026-01-01T/) as unknown,
      certificateNumber: t1,
    });
    expect(registrations[4]).toMatchObject({
      txId: transferred.txId,
      details: { deedTaxClearanceNumber: 'QS-2026-0001', mortgageeConsentReference: 'ICBC-CONSENT-77' },
    });
    for (const registration of registrations) {
      expect(registration.clerk).toMatchObject({
        mspId: 'RegistryMSP',
        role: 'registry_clerk',
        id: expect.stringContaining('CN=registry-clerk') as unknown,
      });
    }

    // Holder verification (evaluate on a registry peer): current and former holders of their certificates.
    const match = (number: string, id: string): Promise<Json> =>
      h.read((ctx) => contract.GetHolderMatch(ctx, number, id, codeOf(number)), verifier);
    expect(await match(t2, carol.idNumber)).toMatchObject({ match: true, status: 'CANCELLED' });
    expect(await match(t2, alice.idNumber)).toMatchObject({ match: false });
    expect(await match(t1.replace('(', '（').replace(')', '）'), bob.idNumber)).toMatchObject({
      match: true,
      status: 'SUPERSEDED',
    });
    expect(await match(r1, alice.idNumber)).toMatchObject({ match: true });

    // Endorsement: the registry's records in its namespace, the clearance in the tax bureau's, and no
    // key-level policy anywhere (each namespace's own policy names its department alone).
    const keys = keysWithPolicies(h.ledger);
    expect(keys.length).toBeGreaterThan(10);
    for (const [namespace, key, policy] of keys) {
      expect([key, namespace, policy]).toEqual([
        key,
        key.includes('realestate.clearance') ? 'tax' : 'realestate',
        undefined,
      ]);
    }

    // Privacy: no name or ID number in any public value, key or event; they are in the private collections.
    const publicText = h.publicText().join('\n');
    for (const person of people) {
      expect(publicText).not.toContain(person.name);
      expect(publicText).not.toContain(person.idNumber);
    }
    const privateFirst = h.ledger.getPrivateData(
      'registryPrivate',
      `\u0000realestate.holders\u0000${UNIT}\u000000000001\u0000`,
    );
    expect(privateFirst?.toString()).toContain(alice.name);
    expect(
      h.ledger
        .getPrivateData(
          'deedTaxShared',
          `\u0000realestate.transferees\u0000${UNIT}\u0000QS-2026-0001\u0000`,
          'tax',
        )
        ?.toString(),
    ).toContain(carol.idNumber);
  });
});

describe('RealEstateContract: events', () => {
  it('emit payloads that fit the shapes the gateway decodes them by', async () => {
    const h = new Harness();
    await h.first();
    await h.clearance(UNIT, 'QS-1', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
    expect(h.ledger.events.map((event) => event.name)).toEqual([
      'RealEstateRegistered',
      'DeedTaxClearanceRecorded',
    ]);
    expect(eventShapeProblems(h.ledger.events)).toEqual([]);
  });

  it('emits one RealEstateRegistered per act with the registration, issued certificate and unit, no txId', async () => {
    const h = new Harness();
    await h.first();
    const [event] = h.ledger.events;
    expect(event?.name).toBe('RealEstateRegistered');
    const payload = JSON.parse(event?.payload.toString() ?? '{}') as Json;
    expect(Object.keys(payload)).toEqual(['certificate', 'registration', 'unit']);
    expect(payload.registration).toMatchObject({
      registrationId: `${UNIT}-00000001`,
      type: 'FIRST',
      certificateNumber: title('09400110'),
      unitStatus: 'REGISTERED',
    });
    expect(payload.registration).not.toHaveProperty('txId');
    expect(payload.certificate).toMatchObject({
      status: 'ACTIVE',
      content: { certificateNumber: title('09400110') },
    });
    expect(payload.unit).toMatchObject({ unitNumber: UNIT, status: 'REGISTERED' });
  });

  it('emits DeedTaxClearanceRecorded with hashes only', async () => {
    const h = new Harness();
    await h.first();
    await h.clearance(UNIT, 'QS-1', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
    const event = h.ledger.events[1];
    expect(event?.name).toBe('DeedTaxClearanceRecorded');
    expect(JSON.parse(event?.payload.toString() ?? '{}')).toMatchObject({
      clearanceNumber: 'QS-1',
      unitNumber: UNIT,
      titleVersion: 1,
      transfereeIdHashes: [sha256(`${carol.clearanceSalt}:${carol.idNumber}`)],
      officer: { mspId: 'TaxMSP', role: 'tax_officer' },
    });
  });
});

describe('RealEstateContract: private particulars', () => {
  const secrets = {
    description: '坐落: 越秀区某路1号; 面积: 89.5 m²; 附记: 房屋用途由住宅改为商业',
    securedAmountFen: '987654321',
    courtOrder: '(2026)粤0106执保777号',
  };

  /** Runs one Register as the gateway sends it and returns what it wrote publicly and emitted. */
  async function publicTrace(h: Harness, request: Request): Promise<string> {
    const sent = asSent(request);
    const tx = h.ledger.newTransaction({
      identity: clerk,
      transient: { ...registerTransient(request, undefined, true), ...sent.transient },
    });
    await contract.Register(tx.ctx, JSON.stringify(sent.request));
    const writes = tx.pendingWrites().filter((write) => write.namespace === '');
    expect(tx.commit().validationCode).toBe('VALID');
    const event = h.ledger.events[h.ledger.events.length - 1];
    return [
      JSON.stringify(sent.request),
      ...writes.map((w) => w.value?.toString() ?? ''),
      event?.payload.toString(),
    ].join('\n');
  }

  it('keeps description, secured amount and court order out of the arguments, public writes and events', async () => {
    const h = new Harness();
    await h.first();
    const traces = [
      await publicTrace(h, {
        unitNumber: UNIT,
        type: 'CHANGE',
        certificateNumber: title('09400111'),
        description: secrets.description,
      }),
      await publicTrace(h, {
        unitNumber: UNIT,
        type: 'MORTGAGE',
        certificateNumber: proof('0001234'),
        mortgage: { ...BANK, securedAmountFen: secrets.securedAmountFen },
      }),
      await publicTrace(h, {
        unitNumber: UNIT,
        type: 'SEIZURE',
        court: '法院',
        courtOrder: secrets.courtOrder,
      }),
      await publicTrace(h, { unitNumber: UNIT, type: 'SEIZURE_RELEASE', courtOrder: secrets.courtOrder }),
    ].join('\n');

    for (const secret of Object.values(secrets)) expect(traces).not.toContain(secret);
    expect(traces).toContain('particularsHash');
    expect((await h.unit()).seizure).toBeNull();
  });

  it('binds the particulars into the certificate content by their salted hash', async () => {
    const h = new Harness();
    await h.first();
    await h.register({
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: title('09400111'),
      description: secrets.description,
    });
    const expected = sha256(toCanonicalJson({ description: secrets.description, salt: PARTICULARS_SALT }));
    const certificate = await h.certificate(title('09400111'));
    expect((certificate.content as Json).details).toEqual({ particularsHash: expected });
    expect(certificate.contentHash).toBe(sha256(toCanonicalJson(certificate.content)));
  });

  it('releases a seizure only under its own order, read from the private particulars', async () => {
    const h = new Harness();
    await h.first();
    await h.register({ unitNumber: UNIT, type: 'SEIZURE', court: '法院', courtOrder: secrets.courtOrder });
    const wrong = await h.refused({
      unitNumber: UNIT,
      type: 'SEIZURE_RELEASE',
      courtOrder: '(2026)粤0106执保778号',
    });
    expect(wrong.code).toBe('RULE_VIOLATION');
    expect(wrong.message).not.toContain(secrets.courtOrder);
    await h.register({ unitNumber: UNIT, type: 'SEIZURE_RELEASE', courtOrder: secrets.courtOrder });
    expect((await h.unit()).seizure).toBeNull();
  });

  it('releases a seizure recorded before court orders were private by its public order', async () => {
    const h = new Harness();
    await h.first();
    await h.register({ unitNumber: UNIT, type: 'SEIZURE', court: '法院', courtOrder: secrets.courtOrder });
    // a unit as written by the earlier chaincode: the order in the public unit record
    const unitKey = `\u0000realestate.unit\u0000${UNIT}\u0000`;
    const legacy = JSON.parse(h.ledger.getState(unitKey)?.toString() ?? '{}') as { seizure: Json };
    const rewrite = h.ledger.newTransaction({ identity: clerk });
    await rewrite.ctx.stub.putState(
      unitKey,
      Buffer.from(JSON.stringify({ ...legacy, seizure: { ...legacy.seizure, courtOrder: ORDER } })),
    );
    expect(rewrite.commit().validationCode).toBe('VALID');

    const byPrivateOrder = await h.refused({
      unitNumber: UNIT,
      type: 'SEIZURE_RELEASE',
      courtOrder: secrets.courtOrder,
    });
    expect(byPrivateOrder.code).toBe('RULE_VIOLATION');
    await h.register({ unitNumber: UNIT, type: 'SEIZURE_RELEASE', courtOrder: ORDER });
    expect((await h.unit()).seizure).toBeNull();
  });

  it.each([
    [
      'a description in the public arguments',
      { type: 'CANCELLATION', description: '房屋灭失' },
      {},
      ['description'],
    ],
    [
      'a court order in the public arguments',
      { type: 'SEIZURE', court: '法院', courtOrder: ORDER },
      {},
      ['courtOrder'],
    ],
    [
      'a secured amount in the public arguments',
      { type: 'MORTGAGE', certificateNumber: proof('0001299'), mortgage: BANK },
      { particulars: JSON.stringify({ securedAmountFen: '1', salt: PARTICULARS_SALT }) },
      ['mortgage.securedAmountFen'],
    ],
    [
      'particulars without a salt',
      { type: 'CANCELLATION' },
      { particulars: JSON.stringify({ description: '房屋灭失' }) },
      ['transient.particulars.salt'],
    ],
    [
      'an unknown particular',
      { type: 'CANCELLATION' },
      { particulars: JSON.stringify({ comment: 'x', salt: PARTICULARS_SALT }) },
      ['transient.particulars.comment'],
    ],
  ])(
    'refuses %s, naming the field, before any write',
    async (_case, fields: Request, transient: Record<string, string>, named: string[]) => {
      const h = new Harness();
      await h.first();
      const tx = h.ledger.newTransaction({
        identity: clerk,
        transient: { ...registerTransient('', undefined, false), ...transient },
      });
      const error = await errorOf(
        contract.Register(tx.ctx, JSON.stringify({ unitNumber: UNIT, type: 'CHANGE', ...fields })),
      );
      const payload = parseChaincodeErrorMessage(error.message);
      expect(payload?.code).toBe('VALIDATION_FAILED');
      expect(payload?.details?.map((detail) => detail.field)).toEqual(named);
      expect(tx.pendingWrites()).toEqual([]);
    },
  );
});

describe('RealEstateContract: other acts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await h.first();
  });

  it('CHANGE issues a new title superseding the old one and keeps the holders (holder-rules.test.ts)', async () => {
    const before = await h.unit();
    const result = await h.register({
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: title('09400120'),
      description: '房屋用途变更',
    });
    expect(result.certificateChanges).toEqual([
      { certificateNumber: title('09400110'), status: 'SUPERSEDED' },
    ]);
    const after = await h.unit();
    expect(after.holders).toEqual(before.holders);
    expect(after).toMatchObject({ titleCertificate: title('09400120'), holdersSequence: 1 });
    expect(await h.certificate(title('09400120'))).toMatchObject({
      content: { holders: before.holders },
      holdersSequence: 1,
    });
  });

  it('OBJECTION and ADVANCE_NOTICE issue registration certificates to the people named; a new one supersedes the old', async () => {
    await h.register(
      { unitNumber: UNIT, type: 'OBJECTION', certificateNumber: proof('0002001'), description: '权属争议' },
      [dave],
    );
    const second = await h.register(
      { unitNumber: UNIT, type: 'OBJECTION', certificateNumber: proof('0002002'), description: '权属争议' },
      [dave],
    );
    expect(second.certificateChanges).toEqual([
      { certificateNumber: proof('0002001'), status: 'SUPERSEDED' },
    ]);
    await h.register({ unitNumber: UNIT, type: 'ADVANCE_NOTICE', certificateNumber: proof('0003001') }, [
      { ...dave, share: '1/1' },
    ]);
    const unit = await h.unit();
    expect(unit.objection).toMatchObject({
      certificateNumber: proof('0002002'),
      holders: [{ maskedName: '王*', share: null }],
    });
    expect(unit.advanceNotice).toMatchObject({ certificateNumber: proof('0003001') });
    expect(
      await h.read(
        (ctx) => contract.GetHolderMatch(ctx, proof('0002002'), dave.idNumber, codeOf(proof('0002002'))),
        verifier,
      ),
    ).toMatchObject({ match: true });
    expect(
      await h.read(
        (ctx) => contract.GetHolderMatch(ctx, proof('0002002'), alice.idNumber, codeOf(proof('0002002'))),
        verifier,
      ),
    ).toMatchObject({ match: false });

    // The transfer realises the advance notice; a CORRECTION closes the objection.
    await h.clearance(UNIT, 'QS-9', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
    const transferred = await h.register(
      {
        unitNumber: UNIT,
        type: 'TRANSFER',
        certificateNumber: title('09400121'),
        deedTaxClearanceNumber: 'QS-9',
      },
      [carol],
    );
    expect(transferred.certificateChanges).toEqual([
      { certificateNumber: title('09400110'), status: 'SUPERSEDED' },
      { certificateNumber: proof('0003001'), status: 'SUPERSEDED' },
    ]);
    const corrected = await h.register({
      unitNumber: UNIT,
      type: 'CORRECTION',
      description: '异议成立，更正',
      closesObjection: true,
    });
    expect(corrected.certificateChanges).toEqual([
      { certificateNumber: proof('0002002'), status: 'CANCELLED' },
    ]);
    expect(await h.unit()).toMatchObject({ objection: null, advanceNotice: null });
    expect(
      (await h.refused({ unitNumber: UNIT, type: 'CORRECTION', description: 'x', closesObjection: true }))
        .code,
    ).toBe('RULE_VIOLATION');
  });

  it('CANCELLATION of a mortgaged unit is refused until the mortgage is discharged', async () => {
    await h.register({
      unitNumber: UNIT,
      type: 'MORTGAGE',
      certificateNumber: proof('0001234'),
      mortgage: BANK,
    });
    const refusal = await h.refused({ unitNumber: UNIT, type: 'CANCELLATION' });
    expect(refusal).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(refusal.message).toContain('discharge the mortgage');
    expect(
      (
        await h.refused({
          unitNumber: UNIT,
          type: 'MORTGAGE',
          certificateNumber: proof('0001235'),
          mortgage: BANK,
        })
      ).code,
    ).toBe('RULE_VIOLATION');
  });
});

describe('RealEstateContract: rejections', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await h.first();
  });

  it.each([
    ['a market clerk', identityForRole(Roles.MarketClerk)],
    ['a station operator', identityForRole(Roles.StationOperator)],
    ['a tax officer', officer],
    ['a RegistryMSP member without role', newTestIdentity({ mspId: 'RegistryMSP' })],
    [
      'a registry_clerk claimed by UrbanMSP',
      newTestIdentity({ mspId: 'UrbanMSP', attributes: { 'govtrace.role': 'registry_clerk' } }),
    ],
  ])('refuses Register by %s with FORBIDDEN', async (_name, identity) => {
    expect(
      (
        await h.refused(
          { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: title('09400199') },
          [alice, bob],
          identity,
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it.each([
    ['a registry clerk', clerk],
    ['a market clerk', identityForRole(Roles.MarketClerk)],
  ])('refuses RecordDeedTaxClearance by %s with FORBIDDEN', async (_name, identity) => {
    expect(
      await h.clearanceRefused(
        { unitNumber: UNIT, clearanceNumber: 'QS-1' },
        [{ idNumber: carol.idNumber, salt: carol.salt }],
        identity,
      ),
    ).toBe('FORBIDDEN');
  });

  it.each<[string, Request | string, unknown, string[]]>([
    ['non-JSON', '{', undefined, ['request']],
    [
      'a bad unit number',
      { unitNumber: '440184001016GB00009X00800039', type: 'FIRST', certificateNumber: title('09400199') },
      [alice, bob],
      ['unitNumber'],
    ],
    ['an unknown type', { unitNumber: UNIT, type: 'GIFT' }, undefined, ['type']],
    [
      'a registration certificate for FIRST',
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: proof('0009999') },
      [alice, bob],
      ['certificateNumber'],
    ],
    [
      'a title certificate for MORTGAGE',
      { unitNumber: UNIT, type: 'MORTGAGE', certificateNumber: title('09400199'), mortgage: BANK },
      undefined,
      ['certificateNumber'],
    ],
    [
      'a certificate for SEIZURE',
      {
        unitNumber: UNIT,
        type: 'SEIZURE',
        court: '法院',
        courtOrder: ORDER,
        certificateNumber: proof('0009999'),
      },
      undefined,
      ['certificateNumber'],
    ],
    [
      'a malformed certificate number',
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: '粤(2026)广州市不动产权第123号' },
      [alice, bob],
      ['certificateNumber'],
    ],
    [
      'FIRST without certificate',
      { unitNumber: OTHER_UNIT, type: 'FIRST' },
      [alice, bob],
      ['certificateNumber'],
    ],
    [
      'SEIZURE without court order',
      { unitNumber: UNIT, type: 'SEIZURE', court: '法院' },
      undefined,
      ['courtOrder'],
    ],
    [
      'MORTGAGE with a bad USCC and amount',
      {
        unitNumber: UNIT,
        type: 'MORTGAGE',
        certificateNumber: proof('0009999'),
        mortgage: { ...BANK, mortgageeUscc: '914403001922038217', securedAmountFen: '1.5' },
      },
      undefined,
      ['mortgage.mortgageeUscc', 'mortgage.securedAmountFen'],
    ],
    [
      'TRANSFER without clearance number',
      { unitNumber: UNIT, type: 'TRANSFER', certificateNumber: title('09400199') },
      [carol],
      ['deedTaxClearanceNumber'],
    ],
    [
      'FIRST without holders',
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: title('09400199') },
      undefined,
      ['transient.holders'],
    ],
    [
      'holders on MORTGAGE',
      { unitNumber: UNIT, type: 'MORTGAGE', certificateNumber: proof('0009999'), mortgage: BANK },
      [alice],
      ['transient.holders'],
    ],
    [
      'a holder with a wrong check character',
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: title('09400199') },
      [
        {
          ...alice,
          share: '1/1',
          idNumber: alice.idNumber.slice(0, 17) + (alice.idNumber.endsWith('0') ? '1' : '0'),
        },
      ],
      ['transient.holders[0].idNumber'],
    ],
    [
      'shares not adding up to 1',
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: title('09400199') },
      [alice, { ...bob, share: '1/3' }],
      ['transient.holders'],
    ],
    [
      'a holder without share on FIRST',
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: title('09400199') },
      [dave],
      ['transient.holders[0].share'],
    ],
    [
      'the same holder twice',
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: title('09400199') },
      [alice, { ...alice, salt: 'f'.repeat(32) }],
      ['transient.holders'],
    ],
    [
      'a short salt and empty name',
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: title('09400199') },
      [{ ...alice, share: '1/1', name: ' ', salt: 'abc' }],
      ['transient.holders[0].name', 'transient.holders[0].salt'],
    ],
    [
      'TRANSFER holders without clearance salt',
      {
        unitNumber: UNIT,
        type: 'TRANSFER',
        certificateNumber: title('09400199'),
        deedTaxClearanceNumber: 'QS-1',
      },
      [{ ...alice, share: '1/1' }],
      ['transient.holders[0].clearanceSalt'],
    ],
  ])('refuses %s with VALIDATION_FAILED', async (_name, request, holders, fields) => {
    const refusal = await h.refused(request, holders);
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.fields).toEqual(fields);
  });

  it('never echoes a holder ID number in a validation error', async () => {
    const bad = { ...alice, share: '1/1', idNumber: '440106198013011234' };
    const refusal = await h.refused(
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: title('09400199') },
      [bad],
    );
    expect(JSON.stringify(refusal)).not.toContain(bad.idNumber);
  });

  it('refuses a second FIRST and a reused certificate number with CONFLICT', async () => {
    expect(
      (
        await h.refused({ unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400199') }, [
          alice,
          bob,
        ])
      ).code,
    ).toBe('CONFLICT');
    // Full-width brackets name the same certificate.
    const reused = await h.refused(
      { unitNumber: OTHER_UNIT, type: 'FIRST', certificateNumber: '粤（2026）广州市不动产权第09400110号' },
      [alice, bob],
    );
    expect(reused).toMatchObject({ code: 'CONFLICT', fields: ['certificateNumber'] });
  });

  it('refuses acts on a unit without first registration with NOT_FOUND', async () => {
    expect(
      (await h.refused({ unitNumber: OTHER_UNIT, type: 'SEIZURE', court: '法院', courtOrder: ORDER })).code,
    ).toBe('NOT_FOUND');
  });

  it.each<[string, Request]>([
    ['SEIZURE_RELEASE of an unseized unit', { unitNumber: UNIT, type: 'SEIZURE_RELEASE', courtOrder: ORDER }],
    ['MORTGAGE_DISCHARGE without mortgage', { unitNumber: UNIT, type: 'MORTGAGE_DISCHARGE' }],
  ])('refuses %s with RULE_VIOLATION', async (_name, request) => {
    expect((await h.refused(request)).code).toBe('RULE_VIOLATION');
  });

  it('refuses a second SEIZURE with RULE_VIOLATION', async () => {
    await h.register({ unitNumber: UNIT, type: 'SEIZURE', court: '法院', courtOrder: ORDER });
    expect(
      (
        await h.refused({
          unitNumber: UNIT,
          type: 'SEIZURE',
          court: '法院',
          courtOrder: '(2026)粤0106执保124号',
        })
      ).code,
    ).toBe('RULE_VIOLATION');
  });

  describe('TRANSFER and the deed-tax clearance', () => {
    const request = {
      unitNumber: UNIT,
      type: 'TRANSFER',
      certificateNumber: title('09400130'),
      deedTaxClearanceNumber: 'QS-7',
    };

    const NOT_RECORDED =
      `No deed-tax clearance with receipt number QS-7 is recorded for unit ${UNIT}; ` +
      'the tax bureau must record it before the transfer';

    /** The payload of a failed evaluation of GetDeedTaxClearanceTransferees by the clerk. */
    async function transfereesRefusal(): Promise<ChaincodeErrorPayload | undefined> {
      const tx = h.ledger.newTransaction({ identity: clerk, chaincodeName: 'tax' });
      const error = await errorOf(deedtax.GetDeedTaxClearanceTransferees(tx.ctx, UNIT, 'QS-7'));
      return parseChaincodeErrorMessage(error.message);
    }

    it('is refused without a recorded clearance, in words a clerk understands', async () => {
      const refusal = await h.refused(request, [carol]);
      expect(refusal).toEqual({
        code: 'RULE_VIOLATION',
        message: NOT_RECORDED,
        fields: ['deedTaxClearanceNumber'],
      });
    });

    // The gateway reads the transferees first; that read must already say what Register would.
    it.each([
      ['never recorded', (): Promise<void> => Promise.resolve()],
      [
        'recorded for another unit only',
        async (): Promise<void> => {
          await h.first(OTHER_UNIT, title('09400132'));
          await h.clearance(OTHER_UNIT, 'QS-7', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
        },
      ],
    ])(
      'answers the transferee read of a clearance %s with RULE_VIOLATION, not a missing record',
      async (_name, arrange) => {
        await arrange();
        const refusal = await transfereesRefusal();
        expect(refusal).toEqual({
          code: 'RULE_VIOLATION',
          message: NOT_RECORDED,
          details: [{ field: 'deedTaxClearanceNumber', message: expect.any(String) as unknown }],
        });
        expect(JSON.stringify(refusal)).not.toMatch(/peer/i);
      },
    );

    it('answers UNAVAILABLE when the clearance is committed but its private list has not arrived', async () => {
      // as on a member peer still waiting for the private data: the public record alone
      const tx = h.ledger.newTransaction({ identity: officer, chaincodeName: 'tax' });
      const record = {
        clearanceNumber: 'QS-7',
        unitNumber: UNIT,
        titleVersion: 1,
        transfereeIdHashes: [sha256(`${carol.clearanceSalt}:${carol.idNumber}`)],
        recordedAt: '2026-01-01T00:00:00.000Z',
        officer: { mspId: 'TaxMSP', role: Roles.TaxOfficer, id: 'tax-officer' },
        txId: tx.getTxID(),
      };
      await tx.ctx.stub.putState(clearanceKey(tx.ctx, UNIT, 'QS-7'), toCanonicalBytes(record));
      expect(tx.commit().validationCode).toBe('VALID');
      const refusal = await transfereesRefusal();
      expect(refusal?.code).toBe('UNAVAILABLE');
      expect(refusal?.message).toContain('try again');
      expect(JSON.stringify(refusal)).not.toMatch(/peer/i);
    });

    it('is refused for a clearance of another unit', async () => {
      await h.first(OTHER_UNIT, title('09400131'));
      await h.clearance(OTHER_UNIT, 'QS-7', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
      expect((await h.refused(request, [carol])).code).toBe('RULE_VIOLATION');
    });

    it.each([
      ['another transferee', [{ ...dave, share: '1/1', clearanceSalt: carol.clearanceSalt }]],
      ['a wrong clearance salt', [{ ...carol, clearanceSalt: 'ee'.repeat(16) }]],
      [
        'an extra transferee',
        [
          { ...carol, share: '1/2' },
          { ...dave, share: '1/2', clearanceSalt: carol.clearanceSalt },
        ],
      ],
    ])('is refused for %s', async (_name, holders) => {
      await h.clearance(UNIT, 'QS-7', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
      const refusal = await h.refused(request, holders);
      expect(refusal.code).toBe('RULE_VIOLATION');
      expect(refusal.message).toContain('transferees differ');
    });

    it('refuses a mortgagee consent on an unmortgaged unit', async () => {
      await h.clearance(UNIT, 'QS-7', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
      expect((await h.refused({ ...request, mortgageeConsentReference: 'X-1' }, [carol])).code).toBe(
        'VALIDATION_FAILED',
      );
    });

    it('gives the registry clerk the clearance salts (evaluate-only private read)', async () => {
      await h.clearance(UNIT, 'QS-7', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
      expect(
        await h.read((ctx) => deedtax.GetDeedTaxClearanceTransferees(ctx, UNIT, 'QS-7'), clerk, 'tax'),
      ).toEqual({
        clearanceNumber: 'QS-7',
        unitNumber: UNIT,
        transferees: [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }],
      });
      expect(
        await h.readError(
          (ctx) => deedtax.GetDeedTaxClearanceTransferees(ctx, UNIT, 'QS-7'),
          identityForRole(Roles.Hauler),
          'tax',
        ),
      ).toBe('FORBIDDEN');
      expect(
        await h.read((ctx) => deedtax.GetDeedTaxClearance(ctx, UNIT, 'QS-7'), clerk, 'tax'),
      ).toMatchObject({
        titleVersion: 1,
      });
    });
  });

  describe('RecordDeedTaxClearance', () => {
    const transferees = [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }];

    it('refuses a duplicate with CONFLICT and an unknown unit with NOT_FOUND', async () => {
      await h.clearance(UNIT, 'QS-1', transferees);
      expect(await h.clearanceRefused({ unitNumber: UNIT, clearanceNumber: 'QS-1' }, transferees)).toBe(
        'CONFLICT',
      );
      expect(await h.clearanceRefused({ unitNumber: OTHER_UNIT, clearanceNumber: 'QS-1' }, transferees)).toBe(
        'NOT_FOUND',
      );
    });

    it.each<[string, Request, unknown]>([
      ['missing transferees', { unitNumber: UNIT, clearanceNumber: 'QS-1' }, undefined],
      ['a bad clearance number', { unitNumber: UNIT, clearanceNumber: 'QS 1' }, transferees],
      ['a bad unit number', { unitNumber: 'x', clearanceNumber: 'QS-1' }, transferees],
      [
        'a bad transferee ID',
        { unitNumber: UNIT, clearanceNumber: 'QS-1' },
        [{ idNumber: '123', salt: carol.salt }],
      ],
      [
        'a transferee without salt',
        { unitNumber: UNIT, clearanceNumber: 'QS-1' },
        [{ idNumber: carol.idNumber }],
      ],
    ])('refuses %s with VALIDATION_FAILED', async (_name, request, list) => {
      expect(await h.clearanceRefused(request, list)).toBe('VALIDATION_FAILED');
    });
  });

  it('answers reads with NOT_FOUND, VALIDATION_FAILED and FORBIDDEN where due', async () => {
    expect(await h.readError((ctx) => contract.GetUnit(ctx, OTHER_UNIT))).toBe('NOT_FOUND');
    expect(await h.readError((ctx) => contract.GetUnit(ctx, 'nope'))).toBe('VALIDATION_FAILED');
    expect(await h.readError((ctx) => contract.GetUnitHistory(ctx, OTHER_UNIT))).toBe('NOT_FOUND');
    expect(await h.readError((ctx) => contract.GetCertificate(ctx, title('09400999')))).toBe('NOT_FOUND');
    expect(await h.readError((ctx) => contract.GetCertificate(ctx, '不动产权第1号'))).toBe(
      'VALIDATION_FAILED',
    );
    const code = codeOf(title('09400110'));
    expect(
      await h.readError((ctx) => contract.GetHolderMatch(ctx, title('09400110'), '123', code), verifier),
    ).toBe('VALIDATION_FAILED');
    expect(await h.readError((ctx) => deedtax.GetDeedTaxClearance(ctx, UNIT, 'QS-404'), clerk, 'tax')).toBe(
      'NOT_FOUND',
    );
    expect(
      await h.readError((ctx) => contract.GetUnit(ctx, UNIT), newTestIdentity({ mspId: 'OrdererMSP' })),
    ).toBe('FORBIDDEN');
  });
});

describe('RealEstateContract through the fabric-shim router', () => {
  it('is registered and routes realestate:Register with transient holders', async () => {
    expect(contracts[0]).toBe(RealEstateContract);
    const ledger = channelLedger('realestate');
    const request = JSON.stringify({ unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110') });
    const tx = ledger.newTransaction({
      identity: clerk,
      args: ['realestate:Register', request],
      transient: { holders: JSON.stringify([alice, bob]), holderLookupPepper: PEPPER },
    });
    const response = await new ShimRouter(contracts).invoke(tx);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.payload.toString())).toMatchObject({ type: 'FIRST', sequence: 1 });
    expect(tx.commit().validationCode).toBe('VALID');
  });
});

describe('RealEstateContract: chaincode-level endorsement at commit', () => {
  it('invalidates a change endorsed only by other organisations and leaves the unit unchanged', async () => {
    const h = new Harness();
    await h.first();
    const before = h.ledger.getState(`\u0000realestate.unit\u0000${UNIT}\u0000`)?.toString();
    const sent = asSent({ unitNumber: UNIT, type: 'SEIZURE', court: '法院', courtOrder: ORDER });
    const request = JSON.stringify(sent.request);
    const seize = (): InMemoryStub => h.ledger.newTransaction({ identity: clerk, transient: sent.transient });

    // Tax and market peers (even running modified chaincode) cannot change a registry unit.
    const forged = seize();
    await contract.Register(forged.ctx, request);
    expect(commitEndorsedBy(h.ledger, forged, ['TaxMSP', 'MarketMSP'])).toMatchObject({
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      chaincodeName: 'realestate',
    });
    expect(h.ledger.getState(`\u0000realestate.unit\u0000${UNIT}\u0000`)?.toString()).toBe(before);
    expect(h.ledger.events).toHaveLength(1);

    // With the registry's endorsement the same act commits.
    const genuine = seize();
    await contract.Register(genuine.ctx, request);
    expect(commitEndorsedBy(h.ledger, genuine, ['RegistryMSP'])).toMatchObject({ validationCode: 'VALID' });
    expect((await h.unit()).seizure).toMatchObject({ court: '法院' });
  });

  it('invalidates the creation of a unit endorsed by any other department', async () => {
    const h = new Harness();
    const create = JSON.stringify({ unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110') });
    const transient = registerTransient(create, [alice, bob], false);
    for (const others of [['TaxMSP'], ['MarketMSP', 'UrbanMSP', 'TaxMSP']]) {
      const forged = h.ledger.newTransaction({ identity: clerk, transient });
      await contract.Register(forged.ctx, create);
      expect(commitEndorsedBy(h.ledger, forged, others)).toMatchObject({
        validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      });
    }
    expect(h.ledger.stateKeys()).toEqual([]);
  });

  it('invalidates the creation or change of a deed-tax clearance without the tax bureau', async () => {
    const h = new Harness();
    await h.first();
    await h.clearance(UNIT, 'QS-1', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
    // Modified chaincode on the registry's and market's peers writing the tax namespace.
    for (const key of [
      `\u0000realestate.clearance\u0000${UNIT}\u0000QS-1\u0000`,
      `\u0000realestate.clearance\u0000${UNIT}\u0000QS-2\u0000`,
    ]) {
      const tx = h.ledger.newTransaction({ identity: clerk, chaincodeName: 'tax' });
      await tx.putState(key, Buffer.from('{}'));
      expect(commitEndorsedBy(h.ledger, tx, ['RegistryMSP', 'MarketMSP'])).toMatchObject({
        validationCode: 'ENDORSEMENT_POLICY_FAILURE',
        chaincodeName: 'tax',
      });
    }
    expect(await h.read((ctx) => deedtax.GetDeedTaxClearance(ctx, UNIT, 'QS-1'), clerk, 'tax')).toMatchObject(
      { titleVersion: 1 },
    );
    expect(h.ledger.stateKeys('tax')).toHaveLength(1);
  });

  it('needs only the registry for a TRANSFER: the clearance is read, and reads are checked for MVCC alone', async () => {
    const h = new Harness();
    await h.first();
    await h.clearance(UNIT, 'QS-1', [{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]);
    const request = {
      unitNumber: UNIT,
      type: 'TRANSFER',
      certificateNumber: title('09400140'),
      deedTaxClearanceNumber: 'QS-1',
    };
    const tx = h.ledger.newTransaction({
      identity: clerk,
      transient: registerTransient(request, [carol], true),
    });
    await contract.Register(tx.ctx, JSON.stringify(request));
    expect(tx.pendingWrites().every((write) => write.chaincodeName === 'realestate')).toBe(true);
    expect(commitEndorsedBy(h.ledger, tx, ['RegistryMSP'])).toMatchObject({ validationCode: 'VALID' });
  });
});

describe('RealEstateContract: concurrency', () => {
  it('lets only one of two concurrent acts on the same unit commit (MVCC on the unit key)', async () => {
    const h = new Harness();
    await h.first();
    const seizure = asSent({ unitNumber: UNIT, type: 'SEIZURE', court: '法院', courtOrder: ORDER });
    const mortgage = asSent({
      unitNumber: UNIT,
      type: 'MORTGAGE',
      certificateNumber: proof('0001234'),
      mortgage: BANK,
    });
    const a = h.ledger.newTransaction({ identity: clerk, transient: seizure.transient });
    const b = h.ledger.newTransaction({ identity: clerk, transient: mortgage.transient });
    await contract.Register(a.ctx, JSON.stringify(seizure.request));
    await contract.Register(b.ctx, JSON.stringify(mortgage.request));
    expect(a.commit().validationCode).toBe('VALID');
    expect(b.commit().validationCode).toBe('MVCC_READ_CONFLICT');
    const history = await h.read((ctx) => contract.GetUnitHistory(ctx, UNIT));
    expect((history.registrations as Json[]).map((r) => r.type)).toEqual(['FIRST', 'SEIZURE']);
  });

  it('does not touch other units: acts on two units commit side by side', async () => {
    const h = new Harness();
    await h.first();
    await h.first(OTHER_UNIT, title('09400200'));
    const [one, other] = [UNIT, OTHER_UNIT].map((unitNumber) =>
      asSent({ unitNumber, type: 'SEIZURE', court: '法院', courtOrder: ORDER }),
    );
    const a = h.ledger.newTransaction({ identity: clerk, transient: one?.transient ?? {} });
    const b = h.ledger.newTransaction({ identity: clerk, transient: other?.transient ?? {} });
    await contract.Register(a.ctx, JSON.stringify(one?.request));
    await contract.Register(b.ctx, JSON.stringify(other?.request));
    expect([a.commit().validationCode, b.commit().validationCode]).toEqual(['VALID', 'VALID']);
  });
});

describe('RealEstateContract: structured particulars (property, mortgage term, remarks)', () => {
  const property = { location: '广州市越秀区某路1号801房', areaM2: '89.50', usage: '住宅' };
  const term = { from: '2026-01-01', to: '2046-01-01' };

  it('records the property on the unit and in the certificate content its hash covers', async () => {
    const h = new Harness();
    await h.register({ unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110'), property }, [
      alice,
      bob,
    ]);
    expect((await h.unit()).property).toEqual(property);
    const certificate = await h.certificate(title('09400110'));
    expect((certificate.content as Json).details).toEqual({
      propertyLocation: property.location,
      propertyAreaM2: property.areaM2,
      propertyUsage: property.usage,
    });
    expect(certificate.contentHash).toBe(sha256(toCanonicalJson(certificate.content)));
    const event = h.ledger.events[h.ledger.events.length - 1];
    expect((JSON.parse(event?.payload.toString() ?? '{}') as { unit: Json }).unit.property).toEqual(property);
  });

  it('adds no empty particulars to an act without them, so such content hashes as before', async () => {
    const h = new Harness();
    await h.first();
    expect((await h.unit()).property).toBeUndefined();
    expect(((await h.certificate(title('09400110'))).content as Json).details).toEqual({});
  });

  it('replaces the property with a CHANGE that gives one, and keeps it through one that does not', async () => {
    const h = new Harness();
    await h.register({ unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110'), property }, [
      alice,
      bob,
    ]);
    const changed = { ...property, usage: '商业', areaM2: '90.00' };
    await h.register({
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: title('09400111'),
      description: '用途变更',
      property: changed,
    });
    expect((await h.unit()).property).toEqual(changed);
    await h.register({
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: title('09400112'),
      description: '换证',
    });
    expect((await h.unit()).property).toEqual(changed);
  });

  it('gives an older unit without particulars its first ones through a CHANGE', async () => {
    const h = new Harness();
    await h.first();
    await h.register({
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: title('09400111'),
      description: '补录坐落',
      property,
    });
    expect((await h.unit()).property).toEqual(property);
  });

  it('keeps the mortgage term on the encumbrance and in the certificate, the amount private', async () => {
    const h = new Harness();
    await h.first();
    await h.register({
      unitNumber: UNIT,
      type: 'MORTGAGE',
      certificateNumber: proof('0001234'),
      mortgage: { ...BANK, term },
    });
    const unit = await h.unit();
    expect((unit.mortgage as Json).term).toEqual(term);
    const details = ((await h.certificate(proof('0001234'))).content as Json).details as Json;
    expect(details).toMatchObject({ mortgageTermFrom: term.from, mortgageTermTo: term.to });
    expect(details.securedAmountFen).toBeUndefined();
  });

  it('keeps remarks private: only their salted hash is public', async () => {
    const h = new Harness();
    await h.first();
    await h.register({
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: title('09400111'),
      description: '换证',
      remarks: '附记：共有人约定',
    });
    expect(h.publicText().join('\n')).not.toContain('共有人约定');
    const expected = sha256(
      toCanonicalJson({ description: '换证', remarks: '附记：共有人约定', salt: PARTICULARS_SALT }),
    );
    expect(((await h.certificate(title('09400111'))).content as Json).details).toEqual({
      particularsHash: expected,
    });
  });

  it('reads, verifies and extends a unit and certificates written before structured particulars', async () => {
    const h = new Harness();
    await h.first();
    // as the gateway sent it before: the particulars folded into the (private) description
    await h.register({
      unitNumber: UNIT,
      type: 'MORTGAGE',
      certificateNumber: proof('0001234'),
      mortgage: BANK,
      description: '坐落: 某路1号801房; 面积 89.5㎡; 用途 住宅; 抵押期限 2026-01-01 至 2046-01-01',
    });
    // the records exactly as the earlier chaincode wrote them: no property, no term, and a
    // certificate content whose details hold only the mortgagee and the particulars hash
    const unitKey = `\u0000realestate.unit\u0000${UNIT}\u0000`;
    const certificateKey = `\u0000realestate.certificate\u0000${proof('0001234')}\u0000`;
    const stored = JSON.parse(h.ledger.getState(unitKey)?.toString() ?? '{}') as Json;
    const storedCertificate = JSON.parse(h.ledger.getState(certificateKey)?.toString() ?? '{}') as Json;
    // the keys the earlier chaincode never wrote are dropped (the current one wrote none here either)
    const oldUnit = withoutKey(stored, 'property');
    const oldMortgage = withoutKey(stored.mortgage as Json, 'term');
    const oldContent = {
      ...(storedCertificate.content as Json),
      details: {
        mortgageeName: BANK.mortgageeName,
        mortgageeUscc: BANK.mortgageeUscc,
        particularsHash: 'ab'.repeat(32),
      },
    };
    const rewrite = h.ledger.newTransaction({ identity: clerk });
    await rewrite.ctx.stub.putState(
      unitKey,
      Buffer.from(JSON.stringify({ ...oldUnit, mortgage: oldMortgage })),
    );
    await rewrite.ctx.stub.putState(
      certificateKey,
      Buffer.from(
        JSON.stringify({
          ...storedCertificate,
          content: oldContent,
          contentHash: sha256(toCanonicalJson(oldContent)),
        }),
      ),
    );
    expect(rewrite.commit().validationCode).toBe('VALID');

    const unit = await h.unit();
    expect(unit.property).toBeUndefined();
    expect(unit.mortgage).toEqual(oldMortgage);
    expect((unit.mortgage as Json).term).toBeUndefined();
    const certificate = await h.certificate(proof('0001234'));
    expect(certificate.content).toEqual(oldContent);
    expect(certificate.contentHash).toBe(sha256(toCanonicalJson(certificate.content)));
    expect((await h.read((ctx) => contract.GetUnitHistory(ctx, UNIT))).unitNumber).toBe(UNIT);

    // later acts work on the old records and add the particulars from then on
    await h.register({ unitNumber: UNIT, type: 'MORTGAGE_DISCHARGE' });
    await h.register({
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: title('09400111'),
      description: '补录坐落',
      property,
    });
    expect((await h.unit()).property).toEqual(property);
    expect((await h.unit()).mortgage).toBeNull();
  });

  it.each<[string, Request, string[]]>([
    [
      'property on a MORTGAGE',
      { type: 'MORTGAGE', certificateNumber: proof('0001234'), mortgage: BANK, property },
      ['property'],
    ],
    [
      'an area with one decimal',
      {
        type: 'CHANGE',
        certificateNumber: title('09400111'),
        description: 'x',
        property: { ...property, areaM2: '89.5' },
      },
      ['property.areaM2'],
    ],
    [
      'a usage outside the list',
      {
        type: 'CHANGE',
        certificateNumber: title('09400111'),
        description: 'x',
        property: { ...property, usage: '别墅' },
      },
      ['property.usage'],
    ],
    [
      'a term ending before it starts',
      {
        type: 'MORTGAGE',
        certificateNumber: proof('0001234'),
        mortgage: { ...BANK, term: { from: '2046-01-01', to: '2026-01-01' } },
      },
      ['mortgage.term.to'],
    ],
    ['remarks in the public arguments', { type: 'CANCELLATION', remarksPublic: true }, ['remarks']],
  ])('refuses %s, naming the field, and writes nothing', async (_case, fields, named) => {
    const h = new Harness();
    await h.first();
    const { remarksPublic, ...request } = fields;
    const refusal =
      remarksPublic === true
        ? await h.refused(JSON.stringify({ unitNumber: UNIT, ...request, remarks: '附记' }))
        : await h.refused({ unitNumber: UNIT, ...request });
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.fields).toEqual(expect.arrayContaining(named));
  });
});

describe('RealEstateContract: GetCertificateForPrint', () => {
  it('gives a registry clerk the holders in full, in the certificate order, and the particulars with their salt', async () => {
    const h = new Harness();
    await h.register(
      {
        unitNumber: UNIT,
        type: 'FIRST',
        certificateNumber: title('09400110'),
        property: { location: '广州市越秀区某路1号801房', areaM2: '89.50', usage: '住宅' },
        remarks: '共有人约定',
      },
      [alice, bob],
    );
    const printed = await h.read((ctx) => contract.GetCertificateForPrint(ctx, title('09400110')));
    expect(printed.holders).toEqual([
      { name: alice.name, idNumber: alice.idNumber, share: '1/2', maskedName: '张*三' },
      { name: bob.name, idNumber: bob.idNumber, share: '1/2', maskedName: '李*' },
    ]);
    expect(printed.particulars).toEqual({ remarks: '共有人约定' });
    expect(printed.particularsSalt).toBe(PARTICULARS_SALT);
    const certificate = printed.certificate as Json;
    const details = (certificate.content as Json).details as Json;
    // the printed particulars and salt reproduce the hash the public content carries
    expect(details.particularsHash).toBe(
      sha256(toCanonicalJson({ remarks: '共有人约定', salt: PARTICULARS_SALT })),
    );
    expect(details.propertyUsage).toBe('住宅');
    expect(certificate.contentHash).toBe(sha256(toCanonicalJson(certificate.content)));
  });

  it('answers the holders of the act that printed them, and no particulars when the act had none', async () => {
    const h = new Harness();
    await h.first();
    const printed = await h.read((ctx) => contract.GetCertificateForPrint(ctx, title('09400110')));
    expect((printed.holders as Json[]).map((holder) => holder.name)).toEqual([alice.name, bob.name]);
    expect(printed.particulars).toBeNull();
    expect(printed.particularsSalt).toBeNull();
  });

  it('refuses everyone but registry clerks, and an unknown certificate', async () => {
    const h = new Harness();
    await h.first();
    const read = (ctx: InMemoryLedgerContext): Promise<string> =>
      contract.GetCertificateForPrint(ctx, title('09400110'));
    expect(await h.readError(read, officer)).toBe('FORBIDDEN');
    expect(await h.readError(read, verifier)).toBe('FORBIDDEN');
    expect(await h.readError((ctx) => contract.GetCertificateForPrint(ctx, title('09400999')))).toBe(
      'NOT_FOUND',
    );
  });
});
