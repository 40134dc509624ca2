import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import jsQR from 'jsqr';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

import { paths } from '../../scripts/src';
import { launchBrowser } from '../support/browser';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';
import { digits, residentId, titleNumber, unitNumber, uscc } from '../support/identifiers';
import { registerVehicle } from '../support/waste-vehicles';

// The citizen page in a real headless Chromium against the built gateway and the running network:
// a certificate issued and then superseded on the ledger, its printed QR code scanned, a business
// licence and a waste bag's whole journey, and the page showing what a citizen would see, in both
// languages. Screenshots land in .govtrace/test-results/verify-page/.

jest.setTimeout(180_000);

const screenshots = path.join(paths.runtimeRoot, 'test-results', 'verify-page');

/** The URL a QR code PNG carries. */
function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (code === null) throw new Error('no QR code found in the PNG');
  return code.data;
}

describe('citizen verification page in a real browser', () => {
  let gateway: GatewayProcess;
  let browser: Browser;
  let context: BrowserContext;
  let dbDir: string;
  /** Every URL the browser asked for, to prove nothing is loaded from elsewhere. */
  const requested: string[] = [];
  const owner = { name: '欧阳娜娜', idNumber: residentId(), share: '1/1' };
  const unit = unitNumber();
  const certificateA = titleNumber();
  const certificateB = titleNumber();
  /** The verification code printed on title B (the registration answer shows it once). */
  let codeB = '';

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-verify-page-'));
    gateway = await startGateway('verify-page', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
    const clerk = apiTokens()['registry-clerk'] ?? '';
    const register = async (body: Record<string, unknown>): Promise<Record<string, unknown>> => {
      const answer = await call(gateway.baseUrl, 'POST', '/api/v1/real-estate/registrations', {
        token: clerk,
        body: { unitNumber: unit, ...body },
      });
      expect(answer).toMatchObject({ status: 201 });
      return answer.body;
    };
    // FIRST issues title A; a CHANGE issues title B for the same unit, which supersedes A
    await register({ type: 'FIRST', certificateNumber: certificateA, holders: [owner] });
    const issuedB = await register({
      type: 'CHANGE',
      certificateNumber: certificateB,
      description: '房屋用途变更',
    });
    codeB = String(issuedB['verificationCode']);

    browser = await launchBrowser();
    // a phone-sized window: the page is built for phones first
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    context.on('request', (request) => requested.push(request.url()));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await gateway?.kill('SIGTERM');
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  async function openPage(route: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${gateway.baseUrl}${route}`);
    return page;
  }

  /** Waits for the verdict (not the "checking…" line) and returns its data-status. */
  async function verdict(page: Page): Promise<string | null> {
    const status = page.getByTestId('verify-status');
    await status.waitFor({ timeout: 30_000 });
    return status.getAttribute('data-status');
  }

  it('scanning the QR code of the current certificate shows it VALID with the masked holder', async () => {
    const qr = await fetch(
      `${gateway.baseUrl}/api/v1/verify/certificates/${encodeURIComponent(certificateB)}/qr?format=png`,
    );
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/png');
    const printed = new URL(decodeQr(Buffer.from(await qr.arrayBuffer())));
    expect(printed.pathname).toBe('/verify');
    expect(printed.searchParams.get('certificate')).toBe(certificateB);
    const hash = printed.searchParams.get('hash') ?? '';
    expect(hash).not.toBe('');

    // the QR names the public address; the test gateway listens on its own port
    const page = await openPage(`${printed.pathname}${printed.search}`);
    expect(await verdict(page)).toBe('VALID');
    await expect(page.getByTestId('verify-number').textContent()).resolves.toBe(certificateB);
    const holders = (await page.getByTestId('verify-holders').textContent()) ?? '';
    expect(holders).toMatch(/^欧\*+$|^欧\*+娜$/);
    expect(holders).not.toContain(owner.name);
    await expect(page.getByTestId('verify-issuer').textContent()).resolves.toBe('不动产登记中心');
    await expect(page.getByTestId('verify-hash-warning').count()).resolves.toBe(0);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');

    // the proof opens from the keyboard alone
    await page.locator('[data-testid="verify-proof"] summary').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('verify-proof-tx').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    // the offline proof is the holder's: the page asks for the ID number and the printed code
    const outcome = (key: string) =>
      page
        .locator(`[data-testid="verify-bundle-status"][data-outcome="${key}"]`)
        .waitFor({ timeout: 30_000 });
    await page.getByTestId('verify-bundle-id').fill(owner.idNumber);
    const wrongCode = codeB.startsWith('2') ? `3${codeB.slice(1)}` : `2${codeB.slice(1)}`;
    await page.getByTestId('verify-bundle-code').fill(wrongCode);
    await page.getByTestId('verify-bundle-submit').click();
    await outcome('mismatch');
    await expect(page.getByTestId('verify-bundle-status').textContent()).resolves.toBe(
      '身份证号或核验码与本证书的权利人不符。',
    );
    await page.getByTestId('verify-bundle-code').fill(codeB);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('verify-bundle-submit').click(),
    ]);
    await outcome('done');
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      format: string;
      record: { id: string };
    };
    expect(saved.format).toMatch(/^govtrace-proof-bundle\//);
    expect(saved.record.id).toBe(certificateB);
    expect(download.suggestedFilename()).toBe(`govtrace-proof-${certificateB}.json`);
    await page.screenshot({ path: path.join(screenshots, 'valid.png'), fullPage: true });

    // a printed fingerprint that differs from the ledger's is called out
    const tampered = new URLSearchParams({ certificate: certificateB, hash: `0${hash.slice(1)}` });
    if (tampered.get('hash') === hash) tampered.set('hash', `1${hash.slice(1)}`);
    const forged = await openPage(`/verify?${tampered.toString()}`);
    expect(await verdict(forged)).toBe('VALID');
    await expect(forged.getByTestId('verify-hash-warning').isVisible()).resolves.toBe(true);
    await Promise.all([page.close(), forged.close()]);
  });

  it('shows the first certificate SUPERSEDED once the change issued a new one', async () => {
    const page = await openPage(`/verify?certificate=${encodeURIComponent(certificateA)}`);
    expect(await verdict(page)).toBe('SUPERSEDED');
    await expect(page.getByTestId('verify-status').textContent()).resolves.toContain('已被替换');
    await page.screenshot({ path: path.join(screenshots, 'superseded.png'), fullPage: true });
    await page.close();
  });

  it('says NOT_FOUND for a well-formed number the ledger does not know, typed with full-width brackets', async () => {
    const page = await openPage('/verify');
    await page.getByLabel('证书号、信用代码或条码').fill(`粤（2026）广州市不动产权第${digits(8)}号`);
    await page.keyboard.press('Enter');
    expect(await verdict(page)).toBe('NOT_FOUND');
    await page.screenshot({ path: path.join(screenshots, 'not-found.png'), fullPage: true });
    await page.close();
  });

  it('says INVALID_INPUT for malformed input, whether the page or the server spots it', async () => {
    const page = await openPage('/verify');
    const input = page.getByTestId('verify-input');
    await input.fill('hello?');
    await page.getByTestId('verify-submit').click();
    expect(await verdict(page)).toBe('INVALID_INPUT');
    // looks like a certificate, so the server decides: no serial, no 号
    await input.fill('粤(2026)广州市不动产权第');
    await input.press('Enter');
    // the server's reason is shown under the banner, which only a server answer has
    await page.locator('[data-testid="verify-status"][data-status="INVALID_INPUT"] ~ .detail').waitFor();
    await page.close();
  });

  it('switches to English with the button, remembers it, and honours ?lang=en', async () => {
    const page = await openPage(`/verify?certificate=${encodeURIComponent(certificateA)}`);
    expect(await verdict(page)).toBe('SUPERSEDED');
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Verify a certificate, licence or waste bag',
    );
    await expect(page.getByTestId('verify-status').textContent()).resolves.toContain('Superseded');
    await expect(page.getByTestId('verify-issuer').textContent()).resolves.toBe('Real Estate Registry');
    await page.reload();
    expect(await verdict(page)).toBe('SUPERSEDED');
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Verify a certificate, licence or waste bag',
    );
    await page.close();

    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
    fresh.on('request', (request) => requested.push(request.url()));
    const english = await fresh.newPage();
    await english.goto(`${gateway.baseUrl}/verify?lang=en`);
    await expect(english.getByTestId('lang-switch').textContent()).resolves.toBe('中文');
    await expect(english.getByLabel('Certificate number, credit code or barcode').count()).resolves.toBe(1);
    await fresh.close();
  });

  it('shows UNAVAILABLE when the verify API cannot answer', async () => {
    const page = await context.newPage();
    // the network cannot be taken down under other users, so the outage is simulated in the browser
    await page.route('**/api/v1/verify/**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'ledger unreachable' } }),
      }),
    );
    await page.goto(`${gateway.baseUrl}/verify?certificate=${encodeURIComponent(certificateB)}`);
    expect(await verdict(page)).toBe('UNAVAILABLE');
    await page.close();
  });

  /**
   * A page in a browser context of its own, starting in Chinese whatever an earlier test switched
   * to; its requests are recorded like the others'. Close it with `page.context().close()`.
   */
  async function openFreshPage(route: string): Promise<Page> {
    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    fresh.on('request', (request) => requested.push(request.url()));
    const page = await fresh.newPage();
    await page.goto(`${gateway.baseUrl}${route}`);
    return page;
  }

  /** The page as a citizen reads it must never show a value the page failed to name. */
  async function expectNoUndefined(page: Page): Promise<void> {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/undefined|\[object/);
  }

  describe('a business licence', () => {
    const code = uscc();
    const name = `核验页面科技${digits(8)}有限公司`;
    const representative = { name: '李建国', idNumber: residentId() };

    beforeAll(async () => {
      const clerk = apiTokens()['market-clerk'] ?? '';
      const opened = await call(gateway.baseUrl, 'POST', '/api/v1/business/cases', {
        token: clerk,
        body: {
          uscc: code,
          name,
          entityType: 'LIMITED_LIABILITY_COMPANY',
          legalRepresentative: representative,
          registeredCapitalCny: '500000.00',
          address: '广州市越秀区示例路3号',
          businessScope: '信息技术服务',
        },
      });
      expect(opened).toMatchObject({ status: 201 });
      const caseId = String(opened.body['caseId']);
      const licensed = await call(
        gateway.baseUrl,
        'POST',
        `/api/v1/business/cases/${encodeURIComponent(caseId)}/steps/LICENSE`,
        { token: clerk, body: { reference: `LIC-${digits(6)}` } },
      );
      expect(licensed).toMatchObject({ status: 201 });
    });

    it('shows the licence VALID with its name and the masked legal representative, in both languages', async () => {
      // the address a licence's QR code carries
      const page = await openFreshPage(`/verify?license=${code}`);
      expect(await verdict(page)).toBe('VALID');
      await expect(page.getByTestId('verify-status').textContent()).resolves.toContain('有效');
      await expect(page.getByTestId('verify-name').textContent()).resolves.toBe(name);
      await expect(page.getByTestId('verify-number').textContent()).resolves.toBe(code);
      await expect(page.getByTestId('verify-legal-representative').textContent()).resolves.toBe('李*国');
      await expect(page.getByTestId('verify-established-at').textContent()).resolves.toMatch(
        /^\d{4}年\d{1,2}月\d{1,2}日$/,
      );
      await expect(page.getByTestId('verify-issuer').textContent()).resolves.toBe('市场监督管理局');
      await expect(page.locator('body').innerText()).resolves.not.toContain(representative.name);
      await expectNoUndefined(page);
      await page.screenshot({ path: path.join(screenshots, 'licence.png'), fullPage: true });

      await page.getByTestId('lang-switch').click();
      await expect(page.getByTestId('verify-status').textContent()).resolves.toContain('Valid');
      await expect(page.getByTestId('verify-legal-representative').textContent()).resolves.toBe('李*国');
      await expect(page.getByTestId('verify-established-at').textContent()).resolves.toMatch(
        /^[A-Z][a-z]+ \d{1,2}, \d{4}$/,
      );
      await expect(page.getByTestId('verify-issuer').textContent()).resolves.toBe('Market Regulation');
      await expectNoUndefined(page);
      await page.context().close();
    });
  });

  describe('a waste bag', () => {
    const run = digits(6);
    const station = `VP-ST-${run}`;
    const facility = `VP-FA-${run}`;
    let barcode = '';

    beforeAll(async () => {
      const tokens = apiTokens();
      const vehicleId = await registerVehicle(gateway.baseUrl, tokens['urban-inspector'] ?? '');
      const post = async (route: string, user: string, body: Record<string, unknown>) => {
        const answer = await call(gateway.baseUrl, 'POST', `/api/v1/waste/${route}`, {
          token: tokens[user] ?? '',
          body,
        });
        expect(answer).toMatchObject({ status: 201 });
        return answer.body;
      };
      const site = (siteId: string, kind: string, what: string) =>
        post('sites', 'urban-inspector', { siteId, kind, districtCode: '440103', name: `${what}${run}` });
      await site(station, 'STATION', '核验页面收集点');
      await site(facility, 'FACILITY', '核验页面处理厂');
      const batch = await post('bag-batches', 'urban-inspector', {
        districtCode: '440103',
        category: '02',
        firstSerial: Number(`8${digits(8)}`),
        count: 1,
        householdRef: `household-verify-page-${run}`,
      });
      barcode = (batch['barcodes'] as string[])[0] ?? '';
      // each step a minute after the one before, as a bag's day would go
      const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();
      const scans = await post('scans', 'station-operator', {
        scans: [
          { barcode, stationId: station, scannedAt: minutesAgo(3), weightGrams: 800, quality: 'CONFORMANT' },
        ],
      });
      expect(scans).toMatchObject({ accepted: 1, rejected: [] });
      const loaded = await post('collections', 'hauler', {
        vehicleId,
        stationId: station,
        barcodes: [barcode],
        loadWeightGrams: 800,
        collectedAt: minutesAgo(2),
      });
      expect(loaded).toMatchObject({ accepted: 1, rejected: [] });
      const delivered = await post('deliveries', 'facility-operator', {
        facilityId: facility,
        vehicleId,
        barcodes: [barcode],
        receivedWeightGrams: 800,
        outcome: 'COMPOSTED',
        receivedAt: minutesAgo(1),
      });
      expect(delivered).toMatchObject({ accepted: 1, rejected: [] });
    });

    /** Each journey step as [data-step, text], in the order shown. */
    async function journey(page: Page): Promise<[string | null, string][]> {
      const steps = page.getByTestId('verify-event');
      const shown: [string | null, string][] = [];
      for (const step of await steps.all()) {
        shown.push([await step.getAttribute('data-step'), (await step.textContent()) ?? '']);
      }
      return shown;
    }

    it('typing the barcode shows its category by name and every step of its journey, in both languages', async () => {
      const page = await openFreshPage('/verify');
      await page.getByTestId('verify-input').fill(barcode);
      await page.keyboard.press('Enter');
      expect(await verdict(page)).toBe('VALID');
      await expect(page.getByTestId('verify-category').textContent()).resolves.toBe('厨余垃圾 (02)');
      await expect(page.getByTestId('verify-final-outcome').textContent()).resolves.toBe('堆肥处理');
      const zh = await journey(page);
      expect(zh.map(([step]) => step)).toEqual(['COMMISSIONED', 'COLLECTED', 'LOADED', 'DELIVERED']);
      const texts = zh.map(([, text]) => text);
      expect(texts[0]).toMatch(/^发放到户 — \d{4}年/);
      // the public answer has no sorting quality (issue 14)
      expect(texts[1]).toMatch(new RegExp(`^投放收集 — \\d{4}年.* · 地点 ${station}$`));
      expect(texts[2]).toMatch(new RegExp(`^装车转运 — \\d{4}年.* · 地点 ${station}$`));
      expect(texts[3]).toMatch(new RegExp(`^送达处理 — \\d{4}年.* · 地点 ${facility}$`));
      await expectNoUndefined(page);
      await page.screenshot({ path: path.join(screenshots, 'bag.png'), fullPage: true });

      await page.getByTestId('lang-switch').click();
      await expect(page.getByTestId('verify-category').textContent()).resolves.toBe('Food waste (02)');
      await expect(page.getByTestId('verify-final-outcome').textContent()).resolves.toBe('Composted');
      const en = (await journey(page)).map(([, text]) => text);
      expect(en[0]).toMatch(/^Issued to the household — [A-Z][a-z]+ \d/);
      expect(en[1]).toMatch(new RegExp(`^Collected at the station — .* · site ${station}$`));
      expect(en[2]).toMatch(new RegExp(`^Loaded onto a truck — .* · site ${station}$`));
      expect(en[3]).toMatch(new RegExp(`^Delivered for treatment — .* · site ${facility}$`));
      await expectNoUndefined(page);
      await page.screenshot({ path: path.join(screenshots, 'bag-en.png'), fullPage: true });
      await page.context().close();
    });
  });

  it('loaded nothing from outside the gateway', () => {
    expect(requested.length).toBeGreaterThan(0);
    const origin = new URL(gateway.baseUrl).origin;
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
