import { type ProofBundle } from '../../chaincode/src/contract';
import { Logger } from '@nestjs/common';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import request from 'supertest';

import { channelFingerprint as channelFingerprintOf, verifyProofBundle } from '../../scripts/src';
import { BusinessModule } from '../src/business';
import { RealEstateModule } from '../src/real-estate';
import { VerifyModule } from '../src/verify/verify.module';
import { WasteModule } from '../src/waste';
import { digits, residentId, titleNumber, unitNumber, uscc } from '../../test/support/identifiers';
import { demoAuth, useNetworkApp } from './support/network-app';

// Public verification against the running network: answers read from the ledger, each with the
// proof of the committed transaction that last wrote the record (as the key's history names it), who
// endorsed and submitted it, and nothing personal. `valid` needs the responsible department's write.

Logger.overrideLogger(false);
jest.setTimeout(120_000);

type Body = Record<string, unknown>;
/** A bundle a forger may edit anywhere. */
type Forgeable<T> = { -readonly [K in keyof T]: Forgeable<T[K]> };
type Proof = {
  txId: string;
  blockNumber: string;
  validationCode: string;
  endorsers: string[];
  creatorMspId: string;
  creatorRole: string | null;
};

describe('public verification on the real network', () => {
  // every read goes to the ledger: a status change must show at once in this test
  process.env['VERIFY_CACHE_TTL_MS'] = '0';
  const app = useNetworkApp([RealEstateModule, BusinessModule, WasteModule, VerifyModule]);
  const auth = demoAuth;
  const get = (route: string) => request(app()).get(route);

  describe('certificates', () => {
    const owner = { name: '欧阳建国', idNumber: residentId(), share: '1/1' };
    const unit = unitNumber();
    const first = titleNumber();
    const second = titleNumber();
    let firstTxId = '';
    let changeTxId = '';
    /** Printed on the second title: the registration's 201 answer shows it once. */
    let secondCode = '';

    beforeAll(async () => {
      const register = (body: Body) =>
        request(app())
          .post('/api/v1/real-estate/registrations')
          .set('Authorization', auth('registry-clerk'))
          .send({ unitNumber: unit, ...body });
      const issued = await register({ type: 'FIRST', certificateNumber: first, holders: [owner] });
      expect(issued.status).toBe(201);
      firstTxId = String((issued.body as Body)['txId']);
      // a CHANGE keeps the holders (it may not carry any): the new title names the same owner
      const changed = await register({ type: 'CHANGE', certificateNumber: second, description: '面积变更' });
      expect(changed.status).toBe(201);
      changeTxId = String((changed.body as Body)['txId']);
      secondCode = String((changed.body as Body)['verificationCode']);
      expect(secondCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    });

    it('answers VALID for the current certificate, with masked holders and the proof of its issue', async () => {
      const answer = await get(`/api/v1/verify/certificates/${encodeURIComponent(second)}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        valid: true,
        status: 'VALID',
        certificateNumber: second,
        kind: 'TITLE',
        unitNumber: unit,
        holders: ['欧**国'],
        issuer: 'RegistryMSP',
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      });
      expect(answer.body).not.toHaveProperty('invalidReason');
      const proof = (answer.body as { proof: Proof }).proof;
      expect(proof).toMatchObject({
        txId: changeTxId,
        validationCode: 'VALID',
        creatorMspId: 'RegistryMSP',
        creatorRole: 'registry_clerk',
      });
      expect(proof.endorsers).toContain('RegistryMSP');
      expect(BigInt(proof.blockNumber)).toBeGreaterThan(0n);
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(owner.name);
      expect(text).not.toContain(owner.idNumber);
    });

    it('answers SUPERSEDED for the replaced certificate, proved by the transaction that replaced it', async () => {
      // full-width brackets are the same certificate
      const typed = first.replace('(', '（').replace(')', '）');
      const answer = await get(`/api/v1/verify/certificates/${encodeURIComponent(typed)}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        valid: false,
        status: 'SUPERSEDED',
        certificateNumber: first,
        invalidReason: { code: 'NOT_CURRENT' },
      });
      expect((answer.body as { proof: Proof }).proof.txId).toBe(changeTxId);
      expect(firstTxId).not.toBe(changeTxId);
    });

    it("answers holderMatch from the holder's ID number and printed code without revealing anything else", async () => {
      const url = `/api/v1/verify/certificates/${encodeURIComponent(second)}`;
      const yes = await get(url).query({ holderIdNumber: owner.idNumber, verificationCode: secondCode });
      expect(yes.status).toBe(200);
      expect((yes.body as Body)['holderMatch']).toBe(true);
      expect(JSON.stringify(yes.body)).not.toContain(owner.idNumber);
      // one wrong guess (of the day's five): another ID with the right code does not match
      const no = await get(url).query({ holderIdNumber: residentId(), verificationCode: secondCode });
      expect((no.body as Body)['holderMatch']).toBe(false);
      const malformed = await get(url).query({ holderIdNumber: '123', verificationCode: secondCode });
      expect(malformed.status).toBe(400);
      const withoutCode = await get(url).query({ holderIdNumber: owner.idNumber });
      expect(withoutCode.status).toBe(400);
    });

    it('answers 404 for an unknown number and 400 for a malformed one', async () => {
      const unknown = await get(`/api/v1/verify/certificates/${encodeURIComponent(titleNumber())}`);
      expect(unknown.status).toBe(404);
      expect((unknown.body as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      const malformed = await get(`/api/v1/verify/certificates/${encodeURIComponent('粤(2026)不是证号')}`);
      expect(malformed.status).toBe(400);
      expect((malformed.body as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    });

    it('serves a QR code (PNG and SVG) that carries the /verify link with number and content hash', async () => {
      const route = `/api/v1/verify/certificates/${encodeURIComponent(second)}/qr`;
      const png = await get(route).query({ format: 'png' }).buffer(true);
      expect(png.status).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      const image = PNG.sync.read(png.body as Buffer);
      const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      const link = new URL(decoded?.data ?? 'http://invalid/');
      expect(link.pathname).toBe('/verify');
      expect(link.searchParams.get('certificate')).toBe(second);
      const verified = await get(`/api/v1/verify/certificates/${encodeURIComponent(second)}`);
      expect(link.searchParams.get('hash')).toBe((verified.body as Body)['contentHash']);

      const svg = await get(route).query({ format: 'svg' });
      expect(svg.status).toBe(200);
      expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(String(svg.text ?? (svg.body as Buffer).toString())).toContain('<svg');
      expect((await get(route).query({ format: 'gif' })).status).toBe(400);
    });
    describe('the offline proof bundle', () => {
      let bundle: ProofBundle;
      let channelFingerprint: string;
      const copy = (): Forgeable<ProofBundle> => JSON.parse(JSON.stringify(bundle)) as Forgeable<ProofBundle>;
      const flipByte = (base64: string, at: (length: number) => number): string => {
        const bytes = Buffer.from(base64, 'base64');
        const index = at(bytes.length);
        bytes[index] = (bytes[index] ?? 0) ^ 0x01;
        return bytes.toString('base64');
      };

      const bundleRoute = `/api/v1/verify/certificates/${encodeURIComponent(second)}/proof-bundle`;

      beforeAll(async () => {
        // the holder's own question: the ID number and the code printed on the certificate
        const answer = await get(bundleRoute).query({
          holderIdNumber: owner.idNumber,
          verificationCode: secondCode,
        });
        expect(answer.status).toBe(200);
        bundle = answer.body as ProofBundle;
        // what the city publishes, read here from the genesis block configtxgen wrote at set-up
        channelFingerprint = (await channelFingerprintOf()).fingerprint;
      });

      it('is served to the holder or to staff, never to anyone asking', async () => {
        expect((await get(bundleRoute)).status).toBe(401);
        const wrongHolder = await get(bundleRoute).query({
          holderIdNumber: residentId(),
          verificationCode: secondCode,
        });
        expect(wrongHolder.status).toBe(403);
        expect(wrongHolder.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
        const staff = await get(bundleRoute).set('Authorization', auth('tax-officer'));
        expect(staff.status).toBe(200);
        expect((staff.body as ProofBundle).transaction.txId).toBe(bundle.transaction.txId);
      });

      it('verifies without the gateway, pinned by the channel fingerprint: RegistryMSP endorsed this very certificate', () => {
        const result = verifyProofBundle(copy(), { channelFingerprint });
        expect(result).toMatchObject({
          ok: true,
          facts: {
            txId: changeTxId,
            recordKind: 'real-estate-certificate',
            id: second,
            orderers: ['OrdererMSP'],
            status: 'ACTIVE',
          },
        });
        expect(result.ok && result.facts.endorsers).toContain('RegistryMSP');
        expect(JSON.stringify(bundle)).not.toContain(owner.idNumber);
      });

      const tamperings: [string, (b: Forgeable<ProofBundle>) => void][] = [
        [
          'a byte of the record',
          (b) => {
            const value = b.record.value as { content: { unitNumber: string } };
            value.content.unitNumber = value.content.unitNumber.replace(/.$/, (d) => (d === '1' ? '2' : '1'));
          },
        ],
        [
          'the content hash',
          (b) => {
            const value = b.record.value as { contentHash: string };
            value.contentHash = value.contentHash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
          },
        ],
        [
          'a byte of the signed envelope (signatures)',
          (b) => {
            const index = b.transaction.txIndex;
            b.block.data[index] = flipByte(b.block.data[index] ?? '', (length) => length - 10);
          },
        ],
        [
          'the genesis block (the channel the bundle claims)',
          (b) => {
            const [genesis] = b.configuration;
            if (genesis)
              b.configuration[0] = { ...genesis, header: flipByte(genesis.header, (length) => length - 1) };
          },
        ],
        [
          "the orderer's signature",
          (b) => {
            b.block.signatures = flipByte(b.block.signatures, (length) => length - 1);
          },
        ],
        [
          'the block header',
          (b) => {
            b.block.header = flipByte(b.block.header, (length) => length - 1);
          },
        ],
        [
          'the validation flag',
          (b) => {
            b.block.transactionsFilter = flipByte(b.block.transactionsFilter, () => b.transaction.txIndex);
          },
        ],
        [
          'the transaction id',
          (b) => {
            b.transaction.txId = b.transaction.txId.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
          },
        ],
      ];

      it.each(tamperings)('fails when %s is tampered with, saying why', (_what, tamper) => {
        const forged = copy();
        tamper(forged);
        const result = verifyProofBundle(forged, { channelFingerprint });
        expect(result.ok).toBe(false);
        expect(result.ok ? '' : result.reason).toMatch(/\w/);
      });
    });
  });

  describe('business licences', () => {
    const code = uscc();
    /** GET until `done` (at most 5 s): the read may go to a peer that has not got the block yet. */
    const readUntil = async (route: string, done: (answer: request.Response) => boolean) => {
      let answer = await get(route);
      for (let attempt = 0; !done(answer) && attempt < 20; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        answer = await get(route);
      }
      return answer;
    };
    const caseId = `BO-${code}`;
    const representative = { name: '司马光明', idNumber: residentId() };

    beforeAll(async () => {
      const opened = await request(app())
        .post('/api/v1/business/cases')
        .set('Authorization', auth('market-clerk'))
        .send({
          uscc: code,
          name: `核验科技${digits(8)}有限公司`,
          entityType: 'LIMITED_LIABILITY_COMPANY',
          legalRepresentative: representative,
          registeredCapitalCny: '500000.00',
          address: '广州市越秀区示例路2号',
          businessScope: '信息技术服务',
        });
      expect(opened.status).toBe(201);
      const licensed = await request(app())
        .post(`/api/v1/business/cases/${caseId}/steps/LICENSE`)
        .set('Authorization', auth('market-clerk'))
        .send({ reference: `LIC-${digits(6)}` });
      expect(licensed.status).toBe(201);
    });

    it('verifies an ACTIVE licence, then shows it not valid once cancelled (注销)', async () => {
      // The licence was committed as seen by the market bureau's peer; verification reads with the
      // service identity, through another department's peer, which may get the block a moment later
      // (a 404 until then is the right answer for a record not on that peer yet). Bounded wait.
      const active = await readUntil(
        `/api/v1/verify/licenses/${code.toLowerCase()}`,
        (r) => r.status !== 404,
      );
      expect(active.status).toBe(200);
      expect(active.body).toMatchObject({
        valid: true,
        status: 'ACTIVE',
        uscc: code,
        legalRepresentative: '司**明',
        issuer: 'MarketMSP',
      });
      expect((active.body as { proof: Proof }).proof.endorsers).toContain('MarketMSP');
      expect((active.body as { proof: Proof }).proof).toMatchObject({
        creatorMspId: 'MarketMSP',
        creatorRole: 'market_clerk',
      });
      expect(JSON.stringify(active.body)).not.toContain(representative.idNumber);
      expect(JSON.stringify(active.body)).not.toContain(representative.name);

      const cancelled = await request(app())
        .post(`/api/v1/business/licenses/${code}/status`)
        .set('Authorization', auth('market-clerk'))
        .send({ status: 'CANCELLED', reason: '股东会决议解散' });
      expect(cancelled.status).toBe(201);
      const after = await readUntil(
        `/api/v1/verify/licenses/${code}`,
        (r) => (r.body as { status?: string }).status !== 'ACTIVE',
      );
      expect(after.body).toMatchObject({
        valid: false,
        status: 'CANCELLED',
        reason: '股东会决议解散',
        invalidReason: { code: 'NOT_CURRENT' },
      });
      expect((after.body as { proof: Proof }).proof.txId).toBe((cancelled.body as Body)['txId']);

      const qr = await get(`/api/v1/verify/licenses/${code}/qr`).query({ format: 'svg' });
      expect(qr.status).toBe(200);
      expect(decodeURI(String(qr.headers['x-verify-url']))).toMatch(new RegExp(`/verify\\?license=${code}$`));
    });

    it('answers 400 for a USCC with a wrong check character and 404 for an unknown one', async () => {
      const wrong = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
      expect((await get(`/api/v1/verify/licenses/${wrong}`)).status).toBe(400);
      expect((await get(`/api/v1/verify/licenses/${uscc()}`)).status).toBe(404);
    });
  });

  describe('waste bags', () => {
    it('shows a bag’s category, district and events without the household, proved by its latest event', async () => {
      const householdRef = `household-verify-${digits(6)}`;
      const batch = await request(app())
        .post('/api/v1/waste/bag-batches')
        .set('Authorization', auth('urban-inspector'))
        .send({
          districtCode: '440103',
          category: '01',
          firstSerial: Number(`9${digits(8)}`),
          count: 1,
          householdRef,
        });
      expect(batch.status).toBe(201);
      const [barcode] = (batch.body as { barcodes: string[] }).barcodes;
      const answer = await get(`/api/v1/verify/bags/${String(barcode)}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        valid: true,
        barcode,
        category: '01',
        districtCode: '440103',
        status: 'COMMISSIONED',
        finalOutcome: null,
      });
      expect((answer.body as { proof: Proof }).proof).toMatchObject({
        txId: (batch.body as Body)['txId'],
        creatorMspId: 'UrbanMSP',
        creatorRole: 'urban_inspector',
      });
      expect(JSON.stringify(answer.body)).not.toContain(householdRef);
      expect((await get('/api/v1/verify/bags/12345')).status).toBe(400);
    });
  });
});
