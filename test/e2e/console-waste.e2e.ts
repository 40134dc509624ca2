import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { type Page } from 'playwright-core';

import { decodeCode128 } from '../support/barcode-image';
import { CONSOLE_SCREENSHOTS, type ConsoleHarness, startConsole } from '../support/console-browser';
import { apiTokens, indexCaughtUp } from '../support/gateway-process';
import { randomPlate } from '../../gateway-api/test/support';
import { registerVehicle } from '../support/waste-vehicles';

// The waste day in the staff console, in Chromium against the real network: the urban inspector
// registers a station and a facility, issues a batch and prints its labels (a label's barcode read
// back from its pixels is the bag's code); the station operator uploads a scan file by picking and
// by dropping it; the hauler collects, the facility receives; the inspector's dashboard draws the
// charts and lists the anomaly, whose CSV opens in Excel with the site's Chinese name.

jest.setTimeout(300_000);

const DISTRICT = '440103';
const suffix = `${Date.now().toString(36).toUpperCase().slice(-5)}${randomInt(10, 99)}`;
const STATION = `WB-ST-${suffix}`;
const FACILITY = `WB-FA-${suffix}`;
const STATION_NAME = `荔湾控制台测试站${suffix}`;

async function fill(page: Page, testid: string, value: string): Promise<void> {
  await page.getByTestId(testid).fill(value);
}

/** Signs in with a sharp (3×) screen, so a label's narrowest bar spans several captured pixels. */
async function signInSharp(harness: ConsoleHarness, user: string): Promise<Page> {
  const context = await harness.browser.newContext({
    viewport: { width: 1366, height: 900 },
    deviceScaleFactor: 3,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  context.on('request', (request) => harness.requested.push(request.url()));
  const page = await context.newPage();
  await page.goto(`${harness.gateway.baseUrl}/console`);
  await fill(page, 'sign-in-token', apiTokens()[user] ?? '');
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('who').getByText(user).waitFor({ timeout: 30_000 });
  return page;
}

async function registerSite(page: Page, siteId: string, kind: string, name: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0] ?? ''}#/waste/sites`);
  const form = page.getByTestId('site-form');
  await fill(page, 'field-siteId', siteId);
  await page.getByTestId('field-kind').selectOption(kind);
  await fill(page, 'field-districtCode', DISTRICT);
  await fill(page, 'field-name', name);
  await form.getByTestId('submit').click();
  await page.getByTestId('site-result').getByTestId('committed').waitFor({ timeout: 60_000 });
}

function scanCsv(rows: string[][]): Buffer {
  return Buffer.from(
    ['barcode,stationId,scannedAt,weightGrams,quality', ...rows.map((row) => row.join(','))].join('\n'),
  );
}

describe('staff console: waste pages', () => {
  let harness: ConsoleHarness;
  let inspector: Page;
  let barcodes: string[] = [];
  /** A truck registered for this run: loads and deliveries name a registered, active vehicle. */
  let VEHICLE = '';

  beforeAll(async () => {
    harness = await startConsole('console-waste');
    VEHICLE = await registerVehicle(harness.gateway.baseUrl, apiTokens()['urban-inspector'] ?? '');
    inspector = await signInSharp(harness, 'urban-inspector');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('registers a station and a facility, issues a batch and prints labels whose barcodes decode', async () => {
    await registerSite(inspector, STATION, 'STATION', STATION_NAME);
    await registerSite(inspector, FACILITY, 'FACILITY', `荔湾控制台测试厂${suffix}`);

    await inspector.goto(`${harness.gateway.baseUrl}/console#/waste/batches`);
    await fill(inspector, 'field-districtCode', DISTRICT);
    await inspector.getByTestId('field-category').selectOption('02');
    await fill(inspector, 'field-firstSerial', String(randomInt(1, 900_000_000)));
    await fill(inspector, 'field-count', '7');
    await fill(inspector, 'field-householdRef', '控制台测试户');
    await inspector.getByTestId('batch-form').getByTestId('submit').click();
    await inspector.getByTestId('batch-result').getByTestId('committed').waitFor({ timeout: 60_000 });

    await inspector.getByTestId('open-labels').click();
    const labels = inspector.getByTestId('label');
    await labels.nth(6).waitFor();
    expect(await labels.count()).toBe(7);
    barcodes = [];
    for (let index = 0; index < 7; index += 1)
      barcodes.push((await labels.nth(index).getAttribute('data-barcode')) ?? '');
    expect(barcodes.every((code) => /^44010302\d{10}$/.test(code))).toBe(true);
    await expect(labels.first().textContent()).resolves.toContain('厨余垃圾');
    await expect(labels.first().textContent()).resolves.toContain(DISTRICT);

    for (const index of [0, 4]) {
      const png = await inspector.getByTestId('label-barcode').nth(index).screenshot();
      expect(decodeCode128(png)).toBe(barcodes[index]);
    }
    await harness.screenshot(inspector, 'urban-inspector-labels');

    // Printed, the sheet is the page: no forms or navigation, three labels a row, as an A4 PDF.
    await inspector.emulateMedia({ media: 'print' });
    await expect(inspector.getByTestId('label-filters').isVisible()).resolves.toBe(false);
    await expect(inspector.getByTestId('nav').isVisible()).resolves.toBe(false);
    const boxes = await Promise.all([0, 2, 3].map(async (index) => labels.nth(index).boundingBox()));
    expect(boxes[1]?.y).toBe(boxes[0]?.y);
    expect(boxes[2]?.y ?? 0).toBeGreaterThan(boxes[0]?.y ?? 0);
    await inspector.pdf({ path: path.join(CONSOLE_SCREENSHOTS, 'urban-inspector-labels.pdf'), format: 'A4' });
    await inspector.emulateMedia({ media: 'screen' });
  });

  it('uploads a scan file picked and dropped at the station, with per-line results and progress', async () => {
    // a tablet, as at a station's counter
    const page = await harness.signIn('station-operator', { viewport: { width: 1024, height: 768 } });
    await page.goto(`${harness.gateway.baseUrl}/console#/waste/upload`);
    const at = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();
    const good = barcodes
      .slice(0, 5)
      .map((code, i) => [
        code,
        STATION,
        at(30 - i),
        String(600 + i * 10),
        i === 3 ? 'NON_CONFORMANT' : 'CONFORMANT',
      ]);
    const picked = scanCsv([
      ...good,
      [barcodes[0] ?? '', STATION, at(20), '610', 'CONFORMANT'],
      ['440103020000000000', STATION, at(19), '500', 'CONFORMANT'],
    ]);
    await page
      .getByTestId('upload-file-input')
      .setInputFiles({ name: 'scans.csv', mimeType: 'text/csv', buffer: picked });
    await page.getByTestId('upload-summary').waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('upload-percent').textContent()).resolves.toBe('100 %');
    await expect(page.getByTestId('upload-progress').getAttribute('value')).resolves.toBe('7');
    const summary = await page.getByTestId('upload-summary').textContent();
    expect(summary).toContain('接收 5，重复 1，拒收 1');
    const rows = await page.getByTestId('upload-lines').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(7);
    expect(rows[0]).toContain('已接收');
    expect(rows[5]).toContain('重复');
    expect(rows[6]).toContain('拒收');
    expect(rows[6]).toContain('BAD_CHECK_DIGIT');
    expect(rows[6]?.startsWith('8')).toBe(true);
    await harness.screenshot(page, 'station-operator-upload');

    // The same page takes a dropped file: one new bag, and one scanned above (a duplicate).
    const dropped = scanCsv([
      [barcodes[5] ?? '', STATION, at(10), '640', 'CONFORMANT'],
      [barcodes[1] ?? '', STATION, at(9), '610', 'CONFORMANT'],
    ]).toString('utf8');
    // (the test's TypeScript has no DOM types: the page-side code is given as source)
    const dataTransfer = await page.evaluateHandle(
      `(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([${JSON.stringify(dropped)}], 'dropped.csv', { type: 'text/csv' }));
        return transfer;
      })()`,
    );
    await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer });
    await page.getByTestId('upload-file').getByText('dropped.csv').waitFor();
    await page.getByTestId('upload-summary').waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('upload-summary').textContent()).resolves.toContain(
      '接收 1，重复 1，拒收 0',
    );

    // A file the scanner would refuse is refused whole, with the scanner's message for the line.
    await page.getByTestId('upload-file-input').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: scanCsv([[barcodes[6] ?? '', STATION, at(5), '12.5', 'CONFORMANT']]),
    });
    await expect(page.getByTestId('upload-error').textContent()).resolves.toBe(
      'bad.csv: line 2: weightGrams must be a whole number of grams, got "12.5"',
    );

    // The station's own totals: six bags today.
    await page.goto(`${harness.gateway.baseUrl}/console#/waste/station-stats`);
    await fill(page, 'filter-stationId', STATION);
    await page.getByTestId('station-filters').getByTestId('filter-submit').click();
    await indexCaughtUp(harness.gateway.baseUrl, 120_000);
    await page.getByTestId('station-filters').getByTestId('filter-submit').click();
    await expect(page.getByTestId('stats-totals').locator('dd').first().textContent()).resolves.toBe('6');
    await page.getByTestId('chart-bags').waitFor();
    await page.context().close();
  });

  it('records a collection with its refusals, and a delivery with its outcome', async () => {
    const hauler = await harness.signIn('hauler');
    await hauler.goto(`${harness.gateway.baseUrl}/console#/waste/collection`);
    await fill(hauler, 'field-vehicleId', VEHICLE);
    await fill(hauler, 'field-stationId', STATION);
    // five scanned bags and one never scanned (refused: out of order); the load is far heavier
    // than the bags, so the ledger flags a load-weight anomaly at the station
    await fill(hauler, 'field-barcodes', [...barcodes.slice(0, 5), barcodes[6] ?? ''].join('\n'));
    await fill(hauler, 'field-loadWeightGrams', '9000');
    await hauler.getByTestId('collection-form').getByTestId('submit').click();
    const result = hauler.getByTestId('collection-result');
    await result.getByTestId('committed').waitFor({ timeout: 60_000 });
    await expect(result.getByTestId('items-done').textContent()).resolves.toContain('5');
    await expect(result.getByTestId('refusals').textContent()).resolves.toContain(barcodes[6]);
    await expect(result.getByTestId('refusals').textContent()).resolves.toContain('OUT_OF_ORDER');
    await expect(result.getByTestId('anomalies').textContent()).resolves.toContain('装载重量不符');
    await harness.screenshot(hauler, 'hauler-collection');
    await hauler.context().close();

    const facility = await harness.signIn('facility-operator');
    await facility.goto(`${harness.gateway.baseUrl}/console#/waste/delivery`);
    await fill(facility, 'field-facilityId', FACILITY);
    await fill(facility, 'field-vehicleId', VEHICLE);
    await fill(facility, 'field-barcodes', barcodes.slice(0, 5).join('\n'));
    await fill(facility, 'field-receivedWeightGrams', '3050');
    await facility.getByTestId('field-outcome').selectOption({ label: '焚烧处理' });
    await facility.getByTestId('delivery-form').getByTestId('submit').click();
    const delivered = facility.getByTestId('delivery-result');
    await delivered.getByTestId('committed').waitFor({ timeout: 60_000 });
    await expect(delivered.getByTestId('items-done').textContent()).resolves.toContain('5');
    await harness.screenshot(facility, 'facility-operator-delivery');
    await facility.context().close();
  });

  it("draws the dashboard's charts, lists the anomaly and downloads it as CSV with Chinese text", async () => {
    await indexCaughtUp(harness.gateway.baseUrl, 120_000);
    await inspector.goto(`${harness.gateway.baseUrl}/console#/waste/dashboard`);
    const filters = inspector.getByTestId('dashboard-filters');
    await inspector.getByTestId('filter-scope').selectOption('STATION');
    await fill(inspector, 'filter-stationId', STATION);
    await filters.getByTestId('filter-submit').click();
    // six bags were accepted at the station today: five picked, one dropped
    await inspector.getByTestId('stats-totals').waitFor({ timeout: 30_000 });
    await expect(inspector.getByTestId('stats-totals').locator('dd').first().textContent()).resolves.toBe(
      '6',
    );
    for (const chart of ['chart-bags', 'chart-weight', 'chart-conformance']) {
      // Chart.js sizes the canvas's drawing buffer once it has drawn into it
      const width = await inspector.getByTestId(chart).getAttribute('width');
      expect(Number(width)).toBeGreaterThan(100);
    }
    const anomalies = inspector.getByTestId('anomalies');
    await anomalies.getByText('装载重量不符').waitFor({ timeout: 30_000 });
    await expect(anomalies.textContent()).resolves.toContain(STATION_NAME);
    await harness.screenshot(inspector, 'urban-inspector-dashboard');

    const [download] = await Promise.all([
      inspector.waitForEvent('download'),
      inspector.getByTestId('anomalies-csv').click(),
    ]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split(/\r?\n/)[0]).toBe(
      'day,recordedAt,type,message,barcode,category,stationId,siteName,districtCode,eventName,txId,seq',
    );
    expect(text).toContain(STATION_NAME);
    expect(text).toContain('LOAD_WEIGHT_MISMATCH');
  });

  it("registers a truck in the fleet pages, and follows the hauler's load to its arrival", async () => {
    await inspector.goto(`${harness.gateway.baseUrl}/console#/waste/vehicles`);
    const plate = randomPlate();
    // the retire form beside it has a vehicleId field too
    const form = inspector.getByTestId('vehicle-form');
    await form.getByTestId('field-vehicleId').fill(plate);
    await form.getByTestId('field-companyUscc').fill('914403001922038216');
    await form.getByTestId('field-rfidTag').fill(`E2801160${String(randomInt(0, 1e9)).padStart(16, '0')}`);
    await form.getByTestId('field-capacityKg').fill('8000');
    await form.getByTestId('submit').click();
    await inspector.getByTestId('vehicle-result').getByTestId('committed').waitFor({ timeout: 60_000 });
    await expect(inspector.getByTestId('vehicle-result').textContent()).resolves.toContain(plate);

    await indexCaughtUp(harness.gateway.baseUrl, 120_000);
    await inspector.goto(`${harness.gateway.baseUrl}/console#/waste/loads`);
    const filters = inspector.getByTestId('load-filters');
    await fill(inspector, 'filter-vehicleId', VEHICLE);
    await filters.getByTestId('filter-submit').click();
    const loads = inspector.getByTestId('loads');
    // five bags loaded at the station, all five delivered to the facility
    await loads.getByText('5 / 5').waitFor({ timeout: 30_000 });
    await expect(loads.textContent()).resolves.toContain('已到达');
    await expect(loads.textContent()).resolves.toContain(STATION);
    await harness.screenshot(inspector, 'urban-inspector-loads');
  });

  it("prints an earlier batch's labels from the index, and pasted barcodes", async () => {
    await inspector.goto(`${harness.gateway.baseUrl}/console#/waste/labels`);
    const filters = inspector.getByTestId('label-filters');
    await fill(inspector, 'filter-batchId', barcodes[0] ?? '');
    await fill(inspector, 'filter-districtCode', DISTRICT);
    await filters.getByTestId('filter-submit').click();
    await inspector.getByTestId('label-count').getByText('共 7 张标签').waitFor();
    await inspector.getByTestId('filter-barcodes').fill(`${barcodes[2] ?? ''}\n\n${barcodes[3] ?? ''}\n`);
    await inspector.getByTestId('label-barcodes').getByTestId('filter-submit').click();
    await inspector.getByTestId('label-count').getByText('共 2 张标签').waitFor();
    const png = await inspector.getByTestId('label-barcode').nth(1).screenshot();
    expect(decodeCode128(png)).toBe(barcodes[3]);
  });

  it('filters the anomaly list by kind and station, and shows a field error beside its field', async () => {
    await inspector.goto(`${harness.gateway.baseUrl}/console#/waste/anomalies`);
    await inspector.getByTestId('filter-kind').selectOption('LOAD_WEIGHT_MISMATCH');
    await fill(inspector, 'filter-stationId', STATION);
    await inspector.getByTestId('anomaly-filters').getByTestId('filter-submit').click();
    await inspector.getByTestId('anomalies-count').getByText('（1 条）').waitFor();
    await inspector.getByTestId('filter-kind').selectOption('CATEGORY_MISMATCH');
    await inspector.getByTestId('anomaly-filters').getByTestId('filter-submit').click();
    await inspector.getByTestId('anomalies-empty').waitFor();

    await inspector.goto(`${harness.gateway.baseUrl}/console#/waste/sites`);
    await fill(inspector, 'field-siteId', 'lower-case');
    await fill(inspector, 'field-districtCode', DISTRICT);
    await fill(inspector, 'field-name', '错误站点');
    await inspector.getByTestId('site-form').getByTestId('submit').click();
    await inspector.getByTestId('error-siteId').getByText('upper-case').waitFor();
  });

  it('shows the tolerance in force and records a change (to the same value, as others share it)', async () => {
    await inspector.goto(`${harness.gateway.baseUrl}/console#/waste/tolerance`);
    const now = inspector.getByTestId('tolerance-now');
    await now.getByText('当前容差').waitFor();
    const ratio = /当前容差：([0-9.]+)/.exec((await now.textContent()) ?? '')?.[1] ?? '';
    expect(ratio).toMatch(/^[01](\.\d+)?$/);
    await fill(inspector, 'field-toleranceRatio', ratio);
    await inspector.getByTestId('tolerance-form').getByTestId('submit').click();
    await inspector.getByTestId('committed').waitFor({ timeout: 60_000 });
    await expect(now.textContent()).resolves.toContain(ratio);
  });

  it('works in English on a tablet', async () => {
    const page = await harness.signIn('urban-inspector', { viewport: { width: 1024, height: 768 } });
    await page.getByTestId('lang-switch').click();
    await page.goto(
      `${harness.gateway.baseUrl}/console#/waste/labels?batchId=${barcodes[0] ?? ''}&districtCode=${DISTRICT}`,
    );
    await expect(page.getByTestId('label').first().textContent()).resolves.toContain('Food waste');
    await expect(
      page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    ).resolves.toBe(0);
    await page.goto(`${harness.gateway.baseUrl}/console#/waste/dashboard`);
    await page.getByTestId('chart-bags').waitFor();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    // nothing wider than the tablet's screen (the page's TypeScript has no DOM types: source text)
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);
    await harness.screenshot(page, 'urban-inspector-dashboard-tablet-en');
    await page.context().close();
  });

  it('loads nothing from any other origin', () => {
    const origin = new URL(harness.gateway.baseUrl).origin;
    expect(harness.requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
