import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import jsQR from 'jsqr';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

import { residentIdCheckCharacter } from '../../chaincode/src/common/identifiers';
import { paths } from '../../scripts/src/lib/paths';
import { launchBrowser } from '../support/browser';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';

// The citizen page in a real headless Chromium against the built gateway and the running network:
// a certificate issued and then superseded on the ledger, its printed QR code scanned, and the page
// showing what a citizen would see. Screenshots land in .govtrace/test-results/verify-page/.

jest.setTimeout(180_000);

const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('');
const residentId = (): string => {
  const first17 = `440106${String(1960 + randomInt(40))}0${1 + randomInt(9)}1${randomInt(10)}${digits(3)}`;
  return first17 + residentIdCheckCharacter(first17);
};
const titleNumber = (): string => `粤(2026)广州市不动产权第${digits(8)}号`;
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
  const unit = `440184001016GB00009F${digits(8)}`;
  const certificateA = titleNumber();
  const certificateB = titleNumber();

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-verify-page-'));
    gateway = await startGateway('verify-page', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
    const clerk = apiTokens()['registry-clerk'] ?? '';
    const register = async (body: Record<string, unknown>): Promise<void> => {
      const answer = await call(gateway.baseUrl, 'POST', '/api/v1/real-estate/registrations', {
        token: clerk,
        body: { unitNumber: unit, ...body },
      });
      expect(answer).toMatchObject({ status: 201 });
    };
    // FIRST issues title A; a CHANGE issues title B for the same unit, which supersedes A
    await register({ type: 'FIRST', certificateNumber: certificateA, holders: [owner] });
    await register({ type: 'CHANGE', certificateNumber: certificateB, description: '房屋用途变更' });

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
    const bundle = await page.getByTestId('verify-proof-bundle').getAttribute('href');
    expect(bundle).toBe(`/api/v1/verify/certificates/${encodeURIComponent(certificateB)}/proof-bundle`);
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

  it('loaded nothing from outside the gateway', () => {
    expect(requested.length).toBeGreaterThan(0);
    const origin = new URL(gateway.baseUrl).origin;
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
