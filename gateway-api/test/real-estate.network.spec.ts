import { Logger } from '@nestjs/common';
import request from 'supertest';

import { demoAuth, useNetworkApp } from './support/network-app';

import { digits, residentId, titleNumber, unitNumber } from '../../test/support/identifiers';
import { RealEstateModule } from '../src/real-estate';

// The real-estate routes against the running network, with the demo users the local setup provisions
// (.govtrace/gateway/identities.json, tokens in .govtrace/api-tokens.json): real roles, real peers.

Logger.overrideLogger(false);

const auth = demoAuth;

// fresh per run: unit numbers and certificate numbers are unique on the channel
const UNIT = unitNumber();
const title = titleNumber;

describe('real-estate over HTTP on the real network', () => {
  const app = useNetworkApp([RealEstateModule]);

  it('FIRST → deed-tax clearance → TRANSFER, with unit and history read back from the ledger', async () => {
    const seller = { name: '张晓三', idNumber: residentId(), share: '1/1' };
    const buyer = { name: '欧阳娜娜', idNumber: residentId(), share: '1/1' };
    const first = await request(app())
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', auth('registry-clerk'))
      .send({ type: 'FIRST', unitNumber: UNIT, certificateNumber: title(), holders: [seller] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ registrationId: `${UNIT}-00000001`, unitNumber: UNIT });

    const refused = await request(app())
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', auth('station-operator'))
      .send({ type: 'SEIZURE', unitNumber: UNIT, court: '某法院', courtOrder: '(2026)粤0104执1号' });
    expect(refused.status).toBe(403);

    const receiptNumber = `QS-${digits(10)}`;
    const clearance = await request(app())
      .post('/api/v1/real-estate/deed-tax-clearances')
      .set('Authorization', auth('tax-officer'))
      .send({ unitNumber: UNIT, transfereeIdNumbers: [buyer.idNumber], receiptNumber, taxPaidCny: 30000 });
    expect(clearance.status).toBe(201);
    expect(clearance.body).toMatchObject({ clearanceNumber: receiptNumber, titleVersion: 1 });

    const transfer = await request(app())
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', auth('registry-clerk'))
      .send({
        type: 'TRANSFER',
        unitNumber: UNIT,
        certificateNumber: title(),
        holders: [buyer],
        deedTaxClearanceNumber: receiptNumber,
      });
    expect(transfer.status).toBe(201);

    const unit = await request(app())
      .get(`/api/v1/real-estate/units/${UNIT}`)
      .set('Authorization', auth('registry-clerk'));
    expect(unit.status).toBe(200);
    expect(unit.body).toMatchObject({
      unitNumber: UNIT,
      status: 'REGISTERED',
      titleCertificate: (transfer.body as { certificateNumber: string }).certificateNumber,
      holders: [{ maskedName: '欧**娜' }],
    });
    expect(JSON.stringify(unit.body)).not.toContain(buyer.idNumber);

    const history = await request(app())
      .get(`/api/v1/real-estate/units/${UNIT}/history`)
      .set('Authorization', auth('registry-clerk'));
    expect(history.status).toBe(200);
    const acts = (history.body as { registrations: { type: string; txId: string }[] }).registrations;
    expect(acts.map((act) => act.type)).toEqual(['FIRST', 'TRANSFER']);
    expect(acts[1]?.txId).toBe((transfer.body as { txId: string }).txId);

    // the tax bureau's audit reads the registry's acts and its own clearances: this transfer is covered
    const audit = await request(app())
      .get(`/api/v1/real-estate/units/${UNIT}/transfer-audit`)
      .set('Authorization', auth('tax-officer'));
    expect(audit.status).toBe(200);
    expect(audit.body).toMatchObject({
      unitNumber: UNIT,
      irregular: 0,
      transfers: [
        {
          txId: (transfer.body as { txId: string }).txId,
          clearanceNumber: receiptNumber,
          titleVersionBefore: 1,
          clearanceTitleVersion: 1,
          verdict: 'OK',
        },
      ],
    });
    const notTheirs = await request(app())
      .get(`/api/v1/real-estate/units/${UNIT}/transfer-audit`)
      .set('Authorization', auth('registry-clerk'));
    expect(notTheirs.status).toBe(403);
  });

  it('walks one unit through mortgage, seizure, transfer with consent, discharge and cancellation', async () => {
    const unit = unitNumber();
    const owner = { name: '李建国', idNumber: residentId(), share: '1/1' };
    const buyer = { name: '王小红', idNumber: residentId(), share: '1/1' };
    const proof = (): string => `粤(2026)广州市不动产证明第${digits(7)}号`;
    const register = (body: Record<string, unknown>) =>
      request(app())
        .post('/api/v1/real-estate/registrations')
        .set('Authorization', auth('registry-clerk'))
        .send({ unitNumber: unit, ...body });
    const readUnit = async (): Promise<Record<string, unknown>> =>
      (
        await request(app())
          .get(`/api/v1/real-estate/units/${unit}`)
          .set('Authorization', auth('registry-clerk'))
      ).body as Record<string, unknown>;
    // The unit lists its current (ACTIVE) certificates; superseded and cancelled ones drop out.
    const isCurrentCertificate = async (number: string): Promise<boolean> =>
      JSON.stringify(await readUnit()).includes(number);

    const firstTitle = title();
    expect((await register({ type: 'FIRST', certificateNumber: firstTitle, holders: [owner] })).status).toBe(
      201,
    );
    expect(await isCurrentCertificate(firstTitle)).toBe(true);
    const mortgageProof = proof();
    const mortgage = await register({
      type: 'MORTGAGE',
      certificateNumber: mortgageProof,
      mortgage: {
        mortgagee: '中国测试银行广州分行',
        mortgageeUscc: '91350100M000100Y43',
        amountCny: 1000000,
      },
    });
    expect(mortgage.status).toBe(201);
    const courtOrder = `(2026)粤0104执${digits(3)}号`;
    expect((await register({ type: 'SEIZURE', court: '广州市越秀区人民法院', courtOrder })).status).toBe(201);
    const seized = await readUnit();
    // the court order is a private particular: the unit shows the court, not the case
    expect(seized['seizure']).toMatchObject({ court: '广州市越秀区人民法院' });
    expect(JSON.stringify(seized)).not.toContain(courtOrder);
    expect(seized['mortgage']).not.toBeNull();

    const receiptNumber = `QS-${digits(10)}`;
    const clearance = await request(app())
      .post('/api/v1/real-estate/deed-tax-clearances')
      .set('Authorization', auth('tax-officer'))
      .send({ unitNumber: unit, transfereeIdNumbers: [buyer.idNumber], receiptNumber, taxPaidCny: 30000 });
    expect(clearance.status).toBe(201);
    const transfer = {
      type: 'TRANSFER',
      certificateNumber: title(),
      holders: [buyer],
      deedTaxClearanceNumber: receiptNumber,
      mortgageeConsentReference: `CONSENT-${digits(6)}`,
    };
    const refused = await register(transfer);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'RULE_VIOLATION' } });

    expect(
      (await register({ type: 'SEIZURE_RELEASE', court: '广州市越秀区人民法院', courtOrder })).status,
    ).toBe(201);
    const transferred = await register(transfer);
    expect(transferred.status).toBe(201);
    expect(await isCurrentCertificate(firstTitle)).toBe(false);
    expect(await readUnit()).toMatchObject({ titleCertificate: transfer.certificateNumber, seizure: null });

    expect((await register({ type: 'MORTGAGE_DISCHARGE' })).status).toBe(201);
    expect(await isCurrentCertificate(mortgageProof)).toBe(false);
    expect(await readUnit()).toMatchObject({ mortgage: null });
    expect((await register({ type: 'CANCELLATION' })).status).toBe(201);
    expect(await readUnit()).toMatchObject({ status: 'CANCELLED' });

    const history = await request(app())
      .get(`/api/v1/real-estate/units/${unit}/history`)
      .set('Authorization', auth('registry-clerk'));
    const acts = (history.body as { registrations: { type: string; txId: string }[] }).registrations;
    expect(acts.map((act) => act.type)).toEqual([
      'FIRST',
      'MORTGAGE',
      'SEIZURE',
      'SEIZURE_RELEASE',
      'TRANSFER',
      'MORTGAGE_DISCHARGE',
      'CANCELLATION',
    ]);
    expect(acts.every((act) => /^[0-9a-f]{64}$/.test(act.txId))).toBe(true);
  });

  it('finds the units a person owns by resident ID, following a TRANSFER', async () => {
    const owner = { name: '陈大文', idNumber: residentId(), share: '1/1' };
    const buyer = { name: '林小美', idNumber: residentId(), share: '1/1' };
    const kept = unitNumber();
    const sold = unitNumber();
    const register = (body: Record<string, unknown>) =>
      request(app())
        .post('/api/v1/real-estate/registrations')
        .set('Authorization', auth('registry-clerk'))
        .send(body);
    const search = (idNumber: string, user = 'registry-clerk') =>
      request(app())
        .post('/api/v1/real-estate/holder-units/search')
        .set('Authorization', auth(user))
        .send({ idNumber });
    const unitsOf = async (idNumber: string): Promise<string[]> => {
      const res = await search(idNumber);
      expect(res.status).toBe(200);
      return (res.body as { units: { unitNumber: string }[] }).units.map((unit) => unit.unitNumber).sort();
    };

    const keptTitle = title();
    for (const [unitNumber, certificateNumber] of [
      [kept, keptTitle],
      [sold, title()],
    ]) {
      expect(
        (await register({ type: 'FIRST', unitNumber, certificateNumber, holders: [owner] })).status,
      ).toBe(201);
    }
    expect(await unitsOf(owner.idNumber)).toEqual([kept, sold].sort());

    const receiptNumber = `QS-${digits(10)}`;
    const clearance = await request(app())
      .post('/api/v1/real-estate/deed-tax-clearances')
      .set('Authorization', auth('tax-officer'))
      .send({ unitNumber: sold, transfereeIdNumbers: [buyer.idNumber], receiptNumber, taxPaidCny: 30000 });
    expect(clearance.status).toBe(201);
    const soldTitle = title();
    const transfer = await register({
      type: 'TRANSFER',
      unitNumber: sold,
      certificateNumber: soldTitle,
      holders: [buyer],
      deedTaxClearanceNumber: receiptNumber,
    });
    expect(transfer.status).toBe(201);

    const owned = await search(owner.idNumber);
    expect(owned.status).toBe(200);
    expect(owned.body).toEqual({
      units: [
        expect.objectContaining({ unitNumber: kept, status: 'REGISTERED', titleCertificate: keptTitle }),
      ],
    });
    const bought = await search(buyer.idNumber.toLowerCase());
    expect(bought.body).toEqual({
      units: [
        expect.objectContaining({ unitNumber: sold, status: 'REGISTERED', titleCertificate: soldTitle }),
      ],
    });
    expect(JSON.stringify(bought.body)).not.toContain(buyer.idNumber);
    expect(await unitsOf(residentId())).toEqual([]);
    expect((await search(owner.idNumber, 'market-clerk')).status).toBe(403);
  });

  it('answers a TRANSFER naming a deed-tax clearance never recorded with 422 RULE_VIOLATION', async () => {
    const unit = unitNumber();
    const first = await request(app())
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', auth('registry-clerk'))
      .send({
        type: 'FIRST',
        unitNumber: unit,
        certificateNumber: title(),
        holders: [{ name: '张晓三', idNumber: residentId(), share: '1/1' }],
      });
    expect(first.status).toBe(201);
    const receiptNumber = `QS-${digits(10)}`;
    const transfer = await request(app())
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', auth('registry-clerk'))
      .send({
        type: 'TRANSFER',
        unitNumber: unit,
        certificateNumber: title(),
        holders: [{ name: '欧阳娜娜', idNumber: residentId(), share: '1/1' }],
        deedTaxClearanceNumber: receiptNumber,
      });
    expect(transfer.status).toBe(422);
    expect(transfer.body).toEqual({
      error: {
        code: 'RULE_VIOLATION',
        message:
          `No deed-tax clearance with receipt number ${receiptNumber} is recorded for unit ${unit}; ` +
          'the tax bureau must record it before the transfer',
        details: [{ field: 'deedTaxClearanceNumber', message: expect.any(String) as unknown }],
      },
    });
    expect(JSON.stringify(transfer.body)).not.toMatch(/peer/i);
  });

  it('answers 404 for an unknown unit and 400 for a malformed one', async () => {
    const unknown = await request(app())
      .get(`/api/v1/real-estate/units/${unitNumber()}`)
      .set('Authorization', auth('registry-clerk'));
    expect(unknown.status).toBe(404);
    const bad = await request(app())
      .get('/api/v1/real-estate/units/nope')
      .set('Authorization', auth('registry-clerk'));
    expect(bad.status).toBe(400);
  });
});
