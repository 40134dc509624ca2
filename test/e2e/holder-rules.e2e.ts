import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  apiTokens,
  call,
  type GatewayProcess,
  type HttpAnswer,
  startGateway,
} from '../support/gateway-process';
import { digits, registrationProofNumber, residentId, titleNumber, unitNumber } from '../support/identifiers';

// Holders change only by the rules (issue 13), over HTTP against the built gateway and the real
// network: a CHANGE never replaces the holders, a CORRECTION of the holders needs its recorded basis,
// and a seized unit admits only SEIZURE_RELEASE, OBJECTION and a CORRECTION that keeps the holders.
// The gateway does not pre-empt these rules, so every 422 here is the chaincode's own verdict, as
// endorsed by the registry's peer. Fresh unit, certificate and ID numbers per run (unique on the channel).

type Body = Record<string, unknown>;

const REGISTRATIONS = '/api/v1/real-estate/registrations';
const COURT = '广州市越秀区人民法院';
const BANK = { mortgagee: '中国测试银行广州分行', mortgageeUscc: '91350100M000100Y43', amountCny: 1000000 };
const courtCaseNumber = (type: string): string => `(2026)粤0104${type}${digits(6)}号`;
const person = (name: string): Body => ({ name, idNumber: residentId(), share: '1/1' });

describe('real-estate holder rules over HTTP on the real network', () => {
  let gateway: GatewayProcess;
  let tokens: Record<string, string>;
  let dbDir: string;

  beforeAll(async () => {
    tokens = apiTokens();
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-holder-rules-'));
    gateway = await startGateway('holder-rules', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  const register = (unit: string, body: Body): Promise<HttpAnswer> =>
    call(gateway.baseUrl, 'POST', REGISTRATIONS, {
      token: tokens['registry-clerk'] ?? '',
      body: { unitNumber: unit, ...body },
    });

  /** Registers an act that must succeed; on failure the assertion shows the act and the gateway's error. */
  async function registered(unit: string, body: Body): Promise<HttpAnswer> {
    const answer = await register(unit, body);
    expect({ act: body.type, status: answer.status, error: answer.body.error }).toEqual({
      act: body.type,
      status: 201,
      error: undefined,
    });
    return answer;
  }

  async function clearance(unit: string, transferee: Body): Promise<string> {
    const receiptNumber = `QS-${digits(10)}`;
    const answer = await call(gateway.baseUrl, 'POST', '/api/v1/real-estate/deed-tax-clearances', {
      token: tokens['tax-officer'] ?? '',
      body: {
        unitNumber: unit,
        transfereeIdNumbers: [transferee.idNumber],
        receiptNumber,
        taxPaidCny: 30000,
      },
    });
    expect(answer.status).toBe(201);
    return receiptNumber;
  }

  const read = async (route: string): Promise<Body> => {
    const answer = await call(gateway.baseUrl, 'GET', route, { token: tokens['registry-clerk'] ?? '' });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const unitRecord = (unit: string): Promise<Body> => read(`/api/v1/real-estate/units/${unit}`);
  const lastAct = async (unit: string): Promise<Body | undefined> =>
    ((await read(`/api/v1/real-estate/units/${unit}/history`)).registrations as Body[]).at(-1);

  /** A 422 RULE_VIOLATION whose message says why and whose details name `field`, when given. */
  function expectRuleViolation(answer: HttpAnswer, because: string, field?: string): void {
    expect(answer.status).toBe(422);
    const error = answer.body.error as { code: string; message: string; details: { field?: string }[] };
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain(because);
    if (field !== undefined) expect(error.details.map((detail) => detail.field)).toContain(field);
  }

  it('refuses a CHANGE carrying new holders with 422, and the owners stay', async () => {
    const unit = unitNumber();
    await registered(unit, { type: 'FIRST', certificateNumber: titleNumber(), holders: [person('张晓三')] });
    const before = await unitRecord(unit);

    const change = await register(unit, {
      type: 'CHANGE',
      certificateNumber: titleNumber(),
      description: '权利人变更',
      holders: [person('欧阳娜娜')],
    });
    expectRuleViolation(change, 'not who holds it', 'transient.holders');
    expect((await unitRecord(unit)).holders).toEqual(before.holders);

    // the same CHANGE without holders is an ordinary change of particulars
    await registered(unit, { type: 'CHANGE', certificateNumber: titleNumber(), description: '房屋用途变更' });
    expect((await unitRecord(unit)).holders).toEqual(before.holders);
  });

  it('refuses a CORRECTION of the holders without a basis with 422, and records the basis when given', async () => {
    const unit = unitNumber();
    await registered(unit, { type: 'FIRST', certificateNumber: titleNumber(), holders: [person('张晓三')] });
    const correction = {
      type: 'CORRECTION',
      certificateNumber: titleNumber(),
      description: '权利人登记错误',
      holders: [person('李建国')],
    };

    expectRuleViolation(await register(unit, correction), 'needs its recorded basis', 'correctionBasis');

    const correctionBasis = { kind: 'COURT_DECISION', reference: courtCaseNumber('民初') };
    await registered(unit, { ...correction, correctionBasis });
    expect(await unitRecord(unit)).toMatchObject({
      holders: [{ maskedName: '李*国' }],
      titleCertificate: correction.certificateNumber,
    });
    expect(await lastAct(unit)).toMatchObject({
      type: 'CORRECTION',
      details: { correctionBasisKind: 'COURT_DECISION', correctionBasisReference: correctionBasis.reference },
    });
  });

  describe('on a seized (and mortgaged) unit', () => {
    const unit = unitNumber();
    const owner = person('陈大文');
    const buyer = person('林小美');
    const courtOrder = courtCaseNumber('执保');
    let receiptNumber = '';

    beforeAll(async () => {
      await registered(unit, { type: 'FIRST', certificateNumber: titleNumber(), holders: [owner] });
      await registered(unit, {
        type: 'MORTGAGE',
        certificateNumber: registrationProofNumber(),
        mortgage: BANK,
      });
      // recorded before the seizure, so a TRANSFER is refused for the seizure alone
      receiptNumber = await clearance(unit, buyer);
      await registered(unit, { type: 'SEIZURE', court: COURT, courtOrder });
    });

    // Each refusal changes nothing, so they all run against the same seized unit.
    it.each<[string, () => Body, string]>([
      [
        'TRANSFER (cleared, with the mortgagee consent)',
        () => ({
          type: 'TRANSFER',
          certificateNumber: titleNumber(),
          holders: [buyer],
          deedTaxClearanceNumber: receiptNumber,
          mortgageeConsentReference: `CONSENT-${digits(6)}`,
        }),
        'is seized by 广州市越秀区人民法院 (registration ',
      ],
      [
        'CHANGE',
        () => ({ type: 'CHANGE', certificateNumber: titleNumber(), description: '面积变更' }),
        'is seized by 广州市越秀区人民法院 (registration ',
      ],
      [
        'MORTGAGE',
        () => ({ type: 'MORTGAGE', certificateNumber: registrationProofNumber(), mortgage: BANK }),
        'is seized by 广州市越秀区人民法院 (registration ',
      ],
      [
        'MORTGAGE_DISCHARGE',
        () => ({ type: 'MORTGAGE_DISCHARGE' }),
        'is seized by 广州市越秀区人民法院 (registration ',
      ],
      [
        'ADVANCE_NOTICE',
        () => ({ type: 'ADVANCE_NOTICE', certificateNumber: registrationProofNumber(), holders: [buyer] }),
        'is seized by 广州市越秀区人民法院 (registration ',
      ],
      ['CANCELLATION', () => ({ type: 'CANCELLATION' }), 'is seized by 广州市越秀区人民法院 (registration '],
      [
        'CORRECTION of the holders, with a basis',
        () => ({
          type: 'CORRECTION',
          certificateNumber: titleNumber(),
          description: '更正权利人',
          holders: [buyer],
          correctionBasis: { kind: 'COURT_DECISION', reference: courtCaseNumber('民初') },
        }),
        'no CORRECTION of its holders until the seizure is released',
      ],
      [
        'a second SEIZURE',
        () => ({ type: 'SEIZURE', court: COURT, courtOrder: courtCaseNumber('执保') }),
        'is already seized',
      ],
    ])('refuses %s with 422', async (_act, body, because) => {
      expectRuleViolation(await register(unit, body()), because);
      expect(await unitRecord(unit)).toMatchObject({
        seizure: { court: COURT },
        holders: [{ maskedName: '陈*文' }],
      });
    });

    // In this order: the release comes last.
    it.each<[string, () => Body]>([
      [
        'OBJECTION',
        () => ({
          type: 'OBJECTION',
          certificateNumber: registrationProofNumber(),
          description: '权属争议',
          holders: [{ name: '王五', idNumber: residentId() }],
        }),
      ],
      ['CORRECTION of an entry', () => ({ type: 'CORRECTION', description: '更正坐落' })],
      [
        'CORRECTION of an entry on a new title',
        () => ({ type: 'CORRECTION', certificateNumber: titleNumber(), description: '更正面积' }),
      ],
      ['SEIZURE_RELEASE', () => ({ type: 'SEIZURE_RELEASE', court: COURT, courtOrder })],
    ])('admits %s', async (_act, body) => {
      const request = body();
      await registered(unit, request);
      expect(await lastAct(unit)).toMatchObject({ type: request.type });
    });

    it('admits the acts refused above once the seizure is released', async () => {
      expect(await unitRecord(unit)).toMatchObject({ seizure: null });
      await registered(unit, { type: 'MORTGAGE_DISCHARGE' });
      await registered(unit, {
        type: 'TRANSFER',
        certificateNumber: titleNumber(),
        holders: [buyer],
        deedTaxClearanceNumber: receiptNumber,
      });
      expect(await unitRecord(unit)).toMatchObject({ mortgage: null, holders: [{ maskedName: '林*美' }] });
    });
  });
});
