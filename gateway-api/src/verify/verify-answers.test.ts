import { UnavailableError } from '../common/errors';
import { type CertificateRecord } from '../../../chaincode/src/contract';
import { bagAnswer, certificateAnswer, licenseView, type VerificationProof } from './verify-answers';

// Issue 14: barcodes are sequential per household batch, so the public bag answer must not let
// anyone read a household's weights, sorting quality or exact times by walking its bags.
describe('the public bag answer', () => {
  const trace = {
    barcode: '440103020000000017',
    districtCode: '440103',
    category: '02',
    categoryName: 'FOOD',
    serial: 1,
    status: 'COLLECTED',
    events: [
      {
        step: 'COLLECTED',
        at: '2026-12-03T20:52:28.000Z',
        recordedAt: '2026-12-03T20:52:29.000Z',
        siteId: 'LW-ST-001',
        weightGrams: 800,
        quality: 'CONFORMANT',
        vehicleId: '粤A12345',
        txId: 'c'.repeat(64),
      },
    ],
    anomalies: [{ type: 'LATE', step: 'COLLECTED', recordedAt: '2026-12-03T01:00:00.000Z' }],
  };
  const proof = { txId: 'c'.repeat(64) } as unknown as VerificationProof;

  it('keeps step, place and the day in Beijing, and drops weight, quality, vehicle and times', () => {
    const answer = bagAnswer(trace, { proof, verdict: { valid: true } });
    expect(answer.events).toEqual([
      { step: 'COLLECTED', siteId: 'LW-ST-001', txId: 'c'.repeat(64), date: '2026-12-04' },
    ]);
    expect(answer.anomalies).toEqual([{ type: 'LATE', step: 'COLLECTED', date: '2026-12-03' }]);
    const text = JSON.stringify(answer);
    for (const field of ['weightGrams', 'quality', 'vehicleId', '"at"', 'recordedAt', '20:52']) {
      expect(text).not.toContain(field);
    }
  });
});

describe('the stored licence as the answer reads it', () => {
  const stored = {
    uscc: '91350100M000100Y43',
    caseId: 'c-1',
    name: '广州市某某科技有限公司',
    legalRepresentative: '李*',
    status: 'REVOKED',
    establishedAt: '2026-11-24T02:00:00.000Z',
    statusHistory: [{ status: 'ACTIVE', at: '2026-11-24T02:00:00.000Z' }],
  };

  it('reads a licence the chaincode wrote', () => {
    expect(licenseView(stored)).toMatchObject({ uscc: stored.uscc, status: 'REVOKED' });
  });

  it.each<[string, unknown]>([
    ['nothing', null],
    ['an unknown status', { ...stored, status: 'PAUSED' }],
    ['a name that is not text', { ...stored, name: 7 }],
    ['no status history', { ...stored, statusHistory: undefined }],
  ])('answers 503 for %s, never a verdict on a record it cannot read', (_what, value) => {
    expect(() => licenseView(value)).toThrow(UnavailableError);
  });
});

// Issue 17: the citizen's check shows the structured particulars the content hash covers, and a
// certificate issued before them (or by an act without them) gains no empty fields.
describe('the certificate answer', () => {
  const proof = { txId: 'c'.repeat(64), creatorMspId: 'RegistryMSP' } as unknown as VerificationProof;
  const record = (details: Record<string, string>): CertificateRecord => ({
    content: {
      certificateNumber: '粤(2026)广州市不动产权第09400110号',
      kind: 'TITLE',
      unitNumber: '440103001001GB00001F00010001',
      registrationId: 'reg-1',
      registrationType: 'FIRST',
      issuedAt: '2026-12-04T00:00:00.000Z',
      holders: [{ maskedName: '张*', idHash: 'd'.repeat(64), share: '1/1' }],
      details,
    },
    contentHash: 'a'.repeat(64),
    status: 'ACTIVE',
    statusRegistrationId: null,
    statusChangedAt: null,
    holdersSequence: 1,
  });

  it('shows the property and the mortgage term from the content details', () => {
    const answer = certificateAnswer(
      record({
        propertyLocation: '广州市越秀区某路1号801房',
        propertyAreaM2: '89.50',
        propertyUsage: '住宅',
        mortgageTermFrom: '2026-01-01',
        mortgageTermTo: '2046-01-01',
        particularsHash: 'b'.repeat(64),
      }),
      { proof, verdict: { valid: true } },
    );
    expect(answer.property).toEqual({ location: '广州市越秀区某路1号801房', areaM2: '89.50', usage: '住宅' });
    expect(answer.mortgageTerm).toEqual({ from: '2026-01-01', to: '2046-01-01' });
    expect(JSON.stringify(answer)).not.toContain('particularsHash');
  });

  it('adds nothing for a certificate issued before structured particulars', () => {
    for (const details of [
      {} as Record<string, string>,
      { particularsHash: 'b'.repeat(64) },
      { mortgageeName: '某银行' },
    ]) {
      const answer = certificateAnswer(record(details), { proof, verdict: { valid: true } });
      expect(answer).not.toHaveProperty('property');
      expect(answer).not.toHaveProperty('mortgageTerm');
    }
  });
});
