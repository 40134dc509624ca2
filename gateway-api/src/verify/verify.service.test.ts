import { ForbiddenError, NotFoundError, UnauthenticatedError, UnavailableError } from '../common/errors';
import { compositeKey } from './authority-check';
import { HolderCheck } from './holder-check/holder-check';
import { type HolderCheckLockout } from './holder-check/holder-check-lockout';
import { FakeVerifyLedger, ledgerTransaction } from './testing/fake-verify-ledger';
import { VerifyService } from './verify.service';
import { type VerifySettings } from './verify.settings';

const NUMBER = '粤(2026)广州市不动产权第09400110号';
const UNIT = '440184001016GB00009F00800039';
const USCC = '91350100M000100Y43';
const BARCODE = '440103020000000019';
const GENUINE_TX = 'a'.repeat(64);
const OTHER_TX = 'b'.repeat(64);

const certificateKey = compositeKey('realestate.certificate', NUMBER);
const licenceKey = compositeKey('business.license', USCC);
const collectedKey = compositeKey('waste-bag-event', BARCODE, '1-COLLECTED');

const certificate = {
  content: {
    certificateNumber: NUMBER,
    kind: 'TITLE',
    unitNumber: UNIT,
    registrationId: `${UNIT}-00000001`,
    registrationType: 'FIRST',
    issuedAt: '2026-11-24T02:00:00.000Z',
    holders: [{ maskedName: '张*', idHash: 'f'.repeat(64), share: '1/1' }],
    details: {},
  },
  contentHash: 'c'.repeat(64),
  status: 'ACTIVE',
  statusRegistrationId: null,
  statusChangedAt: null,
  holdersSequence: 1,
};

/** A licence whose own status history names a transaction: the answer must not rely on it. */
const licence = {
  uscc: USCC,
  name: '广州市某某科技有限公司',
  legalRepresentative: '李*',
  status: 'ACTIVE',
  establishedAt: '2026-11-24T02:00:00.000Z',
  statusHistory: [{ status: 'ACTIVE', at: '2026-11-24T02:00:00.000Z', txId: OTHER_TX }],
};

const bagTrace = (steps: string[]) => ({
  barcode: BARCODE,
  districtCode: '440103',
  category: '02',
  categoryName: 'FOOD',
  serial: 1,
  status: steps.at(-1) ?? 'COMMISSIONED',
  events: [
    { step: 'COMMISSIONED', at: '2026-11-24T02:00:00.000Z', txId: OTHER_TX },
    ...steps.map((step) => ({ step, at: '2026-11-24T03:00:00.000Z', txId: OTHER_TX, recordedBy: 'x' })),
  ],
  anomalies: [],
});

const settings: VerifySettings = {
  publicBaseUrl: 'https://verify.example.gov.cn',
  cacheTtlMs: 0, // every answer is read again: these tests count the ledger reads behind each one
  maxConcurrentReads: 4,
  maxQueuedReads: 4,
  proofBundleMaxConcurrent: 1,
  rateLimit: 100,
  rateWindowMs: 60_000,
  holderCheckMaxFailures: 5,
  holderVerifierUser: 'holder-verifier',
};

function serviceOver(ledger: FakeVerifyLedger): VerifyService {
  // the holder check has tests of its own (holder-check/holder-check.test.ts); none of these asks it
  const noHolderChecks = {} as HolderCheckLockout;
  return new VerifyService(ledger, ledger, settings, new HolderCheck(noHolderChecks, ledger, settings));
}

describe('VerifyService', () => {
  describe('the proof is the transaction the history names, not one the record names', () => {
    it('proves a licence by its key’s last write and ignores the txId in its status history', async () => {
      const ledger = new FakeVerifyLedger()
        .record('GetLicense', USCC, licence)
        .lastWrite('business.license', [USCC], GENUINE_TX)
        .transaction(
          ledgerTransaction({
            txId: GENUINE_TX,
            mspId: 'MarketMSP',
            role: 'market_clerk',
            keys: [licenceKey],
          }),
        )
        // the transaction the record names is genuine too, but it is not the one that wrote this licence
        .transaction(
          ledgerTransaction({ txId: OTHER_TX, mspId: 'MarketMSP', role: 'market_clerk', keys: [] }),
        );
      const answer = await serviceOver(ledger).license(USCC);
      expect(answer).toMatchObject({ valid: true, status: 'ACTIVE', issuer: 'MarketMSP' });
      expect(answer.proof).toEqual({
        txId: GENUINE_TX,
        blockNumber: '7',
        validationCode: 'VALID',
        endorsers: ['MarketMSP'],
        creatorMspId: 'MarketMSP',
        creatorRole: 'market_clerk',
        timestamp: '2026-11-24T02:00:00.000Z',
      });
      expect(answer).not.toHaveProperty('invalidReason');
      expect(ledger.finds).toEqual([GENUINE_TX]);
      expect(ledger.queries).toEqual(['proof:ReadWithLatestWrite']);
    });

    it('proves a certificate by its key’s last write, without reading the unit’s register', async () => {
      const ledger = new FakeVerifyLedger()
        .record('GetCertificate', NUMBER, certificate)
        .lastWrite('realestate.certificate', [NUMBER], GENUINE_TX)
        .transaction(
          ledgerTransaction({
            txId: GENUINE_TX,
            mspId: 'RegistryMSP',
            role: 'registry_clerk',
            keys: [certificateKey],
          }),
        );
      const answer = await serviceOver(ledger).certificate(NUMBER);
      expect(answer).toMatchObject({
        valid: true,
        status: 'VALID',
        issuer: 'RegistryMSP',
        proof: { txId: GENUINE_TX },
      });
      expect(ledger.queries).toEqual(['proof:ReadWithLatestWrite']);
    });

    it('answers valid:false when the transaction the history names did not write the record', async () => {
      const ledger = new FakeVerifyLedger()
        .record('GetCertificate', NUMBER, certificate)
        .lastWrite('realestate.certificate', [NUMBER], GENUINE_TX)
        .transaction(
          ledgerTransaction({
            txId: GENUINE_TX,
            mspId: 'RegistryMSP',
            role: 'registry_clerk',
            keys: [compositeKey('realestate.certificate', `${NUMBER}x`)],
          }),
        );
      const answer = await serviceOver(ledger).certificate(NUMBER);
      expect(answer).toMatchObject({
        valid: false,
        status: 'VALID',
        invalidReason: { code: 'TRANSACTION_DID_NOT_WRITE_RECORD' },
      });
    });
  });

  describe('who signed', () => {
    it('answers valid:false for a certificate whose last write another department endorsed and submitted', async () => {
      const ledger = new FakeVerifyLedger()
        .record('GetCertificate', NUMBER, certificate)
        .lastWrite('realestate.certificate', [NUMBER], GENUINE_TX)
        .transaction(
          ledgerTransaction({
            txId: GENUINE_TX,
            mspId: 'MarketMSP',
            role: 'market_clerk',
            keys: [certificateKey],
          }),
        );
      const answer = await serviceOver(ledger).certificate(NUMBER);
      expect(answer).toMatchObject({
        valid: false,
        status: 'VALID',
        issuer: 'MarketMSP',
        invalidReason: { code: 'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT' },
        proof: { endorsers: ['MarketMSP'], creatorMspId: 'MarketMSP', creatorRole: 'market_clerk' },
      });
      expect(JSON.stringify(answer)).not.toContain('a-staff-member-enrolment-id');
    });

    it('answers valid:false, NOT_CURRENT, for a genuine licence that was cancelled', async () => {
      const ledger = new FakeVerifyLedger()
        .record('GetLicense', USCC, { ...licence, status: 'CANCELLED' })
        .lastWrite('business.license', [USCC], GENUINE_TX)
        .transaction(
          ledgerTransaction({
            txId: GENUINE_TX,
            mspId: 'MarketMSP',
            role: 'market_clerk',
            keys: [licenceKey],
          }),
        );
      expect(await serviceOver(ledger).license(USCC)).toMatchObject({
        valid: false,
        invalidReason: { code: 'NOT_CURRENT' },
      });
    });

    it("judges a bag by its latest event's key and that step's role", async () => {
      const ledger = new FakeVerifyLedger()
        .record('GetBag', BARCODE, bagTrace(['COLLECTED']))
        .lastWrite('waste-bag-event', [BARCODE, '1-COLLECTED'], GENUINE_TX)
        .transaction(
          ledgerTransaction({
            txId: GENUINE_TX,
            mspId: 'UrbanMSP',
            role: 'station_operator',
            keys: [collectedKey],
          }),
        );
      const answer = await serviceOver(ledger).bag(BARCODE);
      expect(answer).toMatchObject({ valid: true, status: 'COLLECTED', proof: { txId: GENUINE_TX } });
      expect(JSON.stringify(answer.events)).not.toContain('recordedBy');
    });

    it("refuses a bag event written under another step's role", async () => {
      const ledger = new FakeVerifyLedger()
        .record('GetBag', BARCODE, bagTrace(['COLLECTED']))
        .lastWrite('waste-bag-event', [BARCODE, '1-COLLECTED'], GENUINE_TX)
        .transaction(
          ledgerTransaction({ txId: GENUINE_TX, mspId: 'UrbanMSP', role: 'hauler', keys: [collectedKey] }),
        );
      expect(await serviceOver(ledger).bag(BARCODE)).toMatchObject({
        valid: false,
        invalidReason: { code: 'SUBMITTER_NOT_AUTHORISED' },
      });
    });

    it('proves a freshly issued bag by the bag key itself, written by an urban inspector', async () => {
      const ledger = new FakeVerifyLedger()
        .record('GetBag', BARCODE, bagTrace([]))
        .lastWrite('waste-bag', [BARCODE], GENUINE_TX)
        .transaction(
          ledgerTransaction({
            txId: GENUINE_TX,
            mspId: 'UrbanMSP',
            role: 'urban_inspector',
            keys: [compositeKey('waste-bag', BARCODE)],
          }),
        );
      expect(await serviceOver(ledger).bag(BARCODE)).toMatchObject({ valid: true, status: 'COMMISSIONED' });
    });
  });

  describe('when the ledger cannot prove anything', () => {
    it('answers 404 for an unknown record, named as the domain query names it', async () => {
      const ledger = new FakeVerifyLedger();
      await expect(serviceOver(ledger).license(USCC)).rejects.toThrow(
        new NotFoundError(`licence of USCC ${USCC} not found`),
      );
      await expect(serviceOver(ledger).certificate(NUMBER)).rejects.toThrow(
        `certificate ${NUMBER} not found`,
      );
      expect(ledger.queries).toEqual(['proof:ReadWithLatestWrite', 'proof:ReadWithLatestWrite']);
    });

    it.each<[string, (ledger: FakeVerifyLedger) => FakeVerifyLedger]>([
      ['a record whose key the history does not list yet', (ledger) => ledger],
      [
        'a record deleted since it was read',
        (ledger) => ledger.lastWrite('business.license', [USCC], GENUINE_TX, true),
      ],
      [
        'a history naming a transaction the peer cannot read',
        (ledger) => ledger.lastWrite('business.license', [USCC], OTHER_TX),
      ],
    ])('answers 503, never a verdict, for %s', async (_what, arrange) => {
      const ledger = arrange(new FakeVerifyLedger().record('GetLicense', USCC, licence));
      await expect(serviceOver(ledger).license(USCC)).rejects.toBeInstanceOf(UnavailableError);
    });

    it('answers 503, not 500, for a bag whose latest step is not one the gateway knows', async () => {
      const ledger = new FakeVerifyLedger().record('GetBag', BARCODE, bagTrace(['constructor']));
      await expect(serviceOver(ledger).bag(BARCODE)).rejects.toBeInstanceOf(UnavailableError);
    });
  });

  it('reads a committed transaction once for a record, however often the record is verified, in one query each time', async () => {
    const ledger = new FakeVerifyLedger()
      .record('GetLicense', USCC, licence)
      .lastWrite('business.license', [USCC], GENUINE_TX)
      .transaction(
        ledgerTransaction({ txId: GENUINE_TX, mspId: 'MarketMSP', role: 'market_clerk', keys: [licenceKey] }),
      );
    const service = serviceOver(ledger);
    await service.license(USCC);
    await service.license(USCC);
    expect(ledger.queries).toEqual(['proof:ReadWithLatestWrite', 'proof:ReadWithLatestWrite']);
    expect(ledger.finds).toEqual([GENUINE_TX]);
  });

  it("bundles the block of the transaction the certificate key's history names", async () => {
    const ledger = new FakeVerifyLedger()
      .record('GetCertificate', NUMBER, { ...certificate, statusRegistrationId: `${UNIT}-00000002` })
      .lastWrite('realestate.certificate', [NUMBER], GENUINE_TX);
    await expect(serviceOver(ledger).certificateProofBundle(NUMBER, { staff: true })).rejects.toThrow(
      GENUINE_TX,
    );
    expect(ledger.blockReads).toEqual([GENUINE_TX]);
  });

  describe('the proof bundle is for the holder or staff', () => {
    const HOLDER_ID = '110101199003070011';
    const CODE = 'K7M2Q9XR';
    /** Counts the holder questions taken from the certificate's daily allowance. */
    const lockout = { taken: 0, givenBack: 0 };
    const countingLockout = {
      take: () => {
        lockout.taken += 1;
        return Promise.resolve({ certificateNumber: NUMBER, day: '2026-12-04' });
      },
      giveBack: () => {
        lockout.givenBack += 1;
        return Promise.resolve();
      },
    } as unknown as HolderCheckLockout;
    const ledgerWithHolder = (): FakeVerifyLedger =>
      new FakeVerifyLedger()
        .record('GetCertificate', NUMBER, certificate)
        .lastWrite('realestate.certificate', [NUMBER], GENUINE_TX)
        .printed(NUMBER, HOLDER_ID, CODE);
    const bundleService = (ledger: FakeVerifyLedger): VerifyService =>
      new VerifyService(ledger, ledger, settings, new HolderCheck(countingLockout, ledger, settings));

    beforeEach(() => {
      lockout.taken = 0;
      lockout.givenBack = 0;
    });

    it('answers 401 to a caller with neither a token nor the holder question, reading nothing', async () => {
      const ledger = ledgerWithHolder();
      await expect(
        bundleService(ledger).certificateProofBundle(NUMBER, { staff: false }),
      ).rejects.toBeInstanceOf(UnauthenticatedError);
      expect(ledger.queries).toEqual([]);
    });

    it('answers 403 to wrong answers, and the failure counts against the certificate', async () => {
      const ledger = ledgerWithHolder();
      const asked = bundleService(ledger).certificateProofBundle(NUMBER, {
        staff: false,
        holder: { idNumber: HOLDER_ID, verificationCode: 'K7M2Q9XS' },
      });
      await expect(asked).rejects.toBeInstanceOf(ForbiddenError);
      expect(lockout).toEqual({ taken: 1, givenBack: 0 });
      expect(ledger.blockReads).toEqual([]);
    });

    it("builds the bundle for the holder's right answers, giving the attempt back", async () => {
      const ledger = ledgerWithHolder();
      const asked = bundleService(ledger).certificateProofBundle(NUMBER, {
        staff: false,
        holder: { idNumber: HOLDER_ID, verificationCode: CODE },
      });
      // the fake has no blocks: reaching the block read is what this test needs
      await expect(asked).rejects.toThrow(GENUINE_TX);
      expect(lockout).toEqual({ taken: 1, givenBack: 1 });
      expect(ledger.blockReads).toEqual([GENUINE_TX]);
    });
  });
});
