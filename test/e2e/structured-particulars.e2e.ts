import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';
import { registrationProofNumber, residentId, titleNumber, unitNumber } from '../support/identifiers';

// A unit's location, area and usage and a mortgage's term as structured ledger fields (issue 17), on
// the real network through the gateway: validated by the chaincode, kept on the unit, printed into
// the certificate content its hash and QR code cover, and refused when wrong with the field named
// and nothing written. (The index columns are covered by the projector's tests.)

jest.setTimeout(180_000);

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted at every depth: the chaincode's canonical form for content hashes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('structured particulars on the real network', () => {
  let gateway: GatewayProcess;
  let dbDir: string;
  const clerk = (): string => apiTokens()['registry-clerk'] ?? '';
  const unit = unitNumber();
  const title = titleNumber();
  const property = { location: '广州市越秀区结构化测试路1号801房', areaM2: 89.5, usage: '住宅' };
  const term = { from: '2026-01-01', to: '2046-01-01' };

  beforeAll(async () => {
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-particulars-'));
    gateway = await startGateway('particulars', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
  });

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  const register = (body: Record<string, unknown>): ReturnType<typeof call> =>
    call(gateway.baseUrl, 'POST', '/api/v1/real-estate/registrations', { token: clerk(), body });

  it('keeps the property and the mortgage term on the unit and in the certificate content', async () => {
    const first = await register({
      type: 'FIRST',
      unitNumber: unit,
      certificateNumber: title,
      holders: [{ name: '结构测试', idNumber: residentId(), share: '1/1' }],
      property,
      remarks: '首次登记附记',
    });
    expect(first.status).toBe(201);
    const mortgageProof = registrationProofNumber();
    const mortgage = await register({
      type: 'MORTGAGE',
      unitNumber: unit,
      certificateNumber: mortgageProof,
      mortgage: {
        mortgagee: '中国工商银行股份有限公司广州分行',
        mortgageeUscc: '914403001922038216',
        amountCny: 500000,
        term,
      },
    });
    expect(mortgage.status).toBe(201);

    const answer = await call(gateway.baseUrl, 'GET', `/api/v1/real-estate/units/${unit}`, {
      token: clerk(),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      property: { location: property.location, areaM2: '89.50', usage: '住宅' },
      mortgage: { term },
    });
    const certificates = answer.body['certificates'] as {
      content: { certificateNumber: string; details: unknown };
      contentHash: string;
    }[];
    const titleRecord = certificates.find((record) => record.content.certificateNumber === title);
    expect(titleRecord?.content.details).toMatchObject({
      propertyLocation: property.location,
      propertyAreaM2: '89.50',
      propertyUsage: '住宅',
    });
    // the remarks are private: only the particulars' salted hash is in the content
    expect(JSON.stringify(answer.body)).not.toContain('首次登记附记');
    expect(titleRecord?.contentHash).toBe(sha256(canonical(titleRecord?.content)));

    // the citizen's check (no token) shows what the content hash covers
    const verify = (number: string): ReturnType<typeof call> =>
      call(gateway.baseUrl, 'GET', `/api/v1/verify/certificates/${encodeURIComponent(number)}`);
    const titleCheck = await verify(title);
    expect(titleCheck.status).toBe(200);
    expect(titleCheck.body).toMatchObject({
      contentHash: titleRecord?.contentHash,
      property: { location: property.location, areaM2: '89.50', usage: '住宅' },
    });
    expect(titleCheck.body).not.toHaveProperty('mortgageTerm');
    const mortgageCheck = await verify(mortgageProof);
    expect(mortgageCheck.status).toBe(200);
    expect(mortgageCheck.body).toMatchObject({ mortgageTerm: term });
    expect(mortgageCheck.body).not.toHaveProperty('property');
  });

  it("gives the registry clerk the certificate to print with the holders' full names, never cached", async () => {
    const holder = { name: '打印测试', idNumber: residentId(), share: '1/1' };
    const printedUnit = unitNumber();
    const printedTitle = titleNumber();
    const answer = await register({
      type: 'FIRST',
      unitNumber: printedUnit,
      certificateNumber: printedTitle,
      holders: [holder],
      property,
      remarks: '打印附记',
    });
    expect(answer.status).toBe(201);
    const route = `/api/v1/real-estate/certificates/${encodeURIComponent(printedTitle)}/print`;
    const response = await fetch(`${gateway.baseUrl}${route}`, {
      headers: { authorization: `Bearer ${clerk()}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const printed = (await response.json()) as {
      holders: unknown[];
      particulars: unknown;
      certificate: { content: { details: { particularsHash: string } } };
      particularsSalt: string;
    };
    expect(printed.holders).toEqual([{ ...holder, maskedName: expect.stringMatching(/^打\*/) as unknown }]);
    expect(printed.particulars).toEqual({ remarks: '打印附记' });
    expect(printed.certificate.content.details.particularsHash).toBe(
      sha256(canonical({ remarks: '打印附记', salt: printed.particularsSalt })),
    );
    const officer = await call(gateway.baseUrl, 'GET', route, { token: apiTokens()['tax-officer'] ?? '' });
    expect(officer.status).toBe(403);
  });

  it.each([
    ['a usage outside the list', { ...property, usage: '别墅' }, 'property.usage'],
    ['a zero area', { ...property, areaM2: 0 }, 'property.areaM2'],
    ['three decimals', { ...property, areaM2: 89.505 }, 'property.areaM2'],
  ])('refuses %s, naming the field', async (_case, bad, field) => {
    const answer = await register({
      type: 'FIRST',
      unitNumber: unitNumber(),
      certificateNumber: titleNumber(),
      holders: [{ name: '结构测试', idNumber: residentId(), share: '1/1' }],
      property: bad,
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(field);
  });

  it('refuses a mortgage term that ends before it starts, in the chaincode, and writes nothing', async () => {
    const other = unitNumber();
    expect(
      (
        await register({
          type: 'FIRST',
          unitNumber: other,
          certificateNumber: titleNumber(),
          holders: [{ name: '结构测试', idNumber: residentId(), share: '1/1' }],
        })
      ).status,
    ).toBe(201);
    const answer = await register({
      type: 'MORTGAGE',
      unitNumber: other,
      certificateNumber: registrationProofNumber(),
      mortgage: {
        mortgagee: '中国工商银行股份有限公司广州分行',
        mortgageeUscc: '914403001922038216',
        amountCny: 1000,
        term: { from: '2046-01-01', to: '2026-01-01' },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'mortgage.term.to' }] },
    });
    const unitAnswer = await call(gateway.baseUrl, 'GET', `/api/v1/real-estate/units/${other}`, {
      token: clerk(),
    });
    expect(unitAnswer.body['mortgage']).toBeNull();
  });
});
