import { UnavailableError } from '../common/errors';
import { bagAnswer, licenseView, type VerificationProof } from './verify-answers';

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
