import jsQR from 'jsqr';
import { type Page } from 'playwright-core';
import { PNG } from 'pngjs';

import { type ConsoleHarness, startConsole } from '../support/console-browser';
import { apiTokens, call } from '../support/gateway-process';
import { digits, registrationProofNumber, residentId, titleNumber, unitNumber } from '../support/identifiers';

// The registry clerk's day in the staff console, in Chromium against the real network: a FIRST
// registration with property particulars through the form, a field error beside its field with
// nothing written, the unit page and the ledger proof of its act, the act found back through
// search, the printable certificate whose QR code the citizen page shows VALID, and a TRANSFER
// after the tax officer (in a second browser context) recorded the deed-tax clearance.

jest.setTimeout(300_000);

/** The URL a QR code PNG carries. */
function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (code === null) throw new Error('no QR code found in the PNG');
  return code.data;
}

describe('staff console: registry clerk', () => {
  let harness: ConsoleHarness;
  let clerk: Page;
  const unit = unitNumber();
  const firstTitle = titleNumber();
  const owner = { name: '欧阳控制台', idNumber: residentId() };
  const buyer = { name: '司马控制台', idNumber: residentId() };

  beforeAll(async () => {
    harness = await startConsole('console-registry');
    clerk = await harness.signIn('registry-clerk');
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`${harness.gateway.baseUrl}/console#${hash}`);
  }

  it('shows a bad ID number beside its field and writes nothing', async () => {
    await open(clerk, '/registry/new');
    await clerk.getByTestId('registration-type').selectOption('FIRST');
    await clerk.getByTestId('field-unitNumber').fill(unit);
    await clerk.getByTestId('field-certificateNumber').fill(firstTitle);
    await clerk.getByTestId('field-holders.0.name').fill(owner.name);
    await clerk.getByTestId('field-holders.0.idNumber').fill('110105194912310021');
    await clerk.getByTestId('field-holders.0.share').fill('1/1');
    await clerk.getByTestId('field-property.location').fill('广州市天河区控制台路1号101房');
    await clerk.getByTestId('field-property.areaM2').fill('89.50');
    await clerk.getByTestId('field-property.usage').selectOption('住宅');
    await clerk.getByTestId('submit').click();
    const error = clerk.getByTestId('error-holders.0.idNumber');
    await error.locator('span').first().waitFor();
    expect((await error.textContent()) ?? '').not.toBe('');
    await expect(clerk.getByTestId('form-errors').textContent()).resolves.toContain('VALIDATION_FAILED');
    await harness.screenshot(clerk, 'registry-clerk-field-error');
    const token = apiTokens()['registry-clerk'] ?? '';
    const missing = await call(harness.gateway.baseUrl, 'GET', `/api/v1/real-estate/units/${unit}`, {
      token,
    });
    expect(missing.status).toBe(404);
  });

  let firstTx = '';

  it('registers a FIRST with property particulars through the form and shows the committed answer', async () => {
    await clerk.getByTestId('field-holders.0.idNumber').fill(owner.idNumber);
    await harness.screenshot(clerk, 'registry-clerk-form');
    await clerk.getByTestId('submit').click();
    const result = clerk.getByTestId('registration-result');
    await result.waitFor({ timeout: 60_000 });
    const committed = (await clerk.getByTestId('committed').textContent()) ?? '';
    firstTx = /[0-9a-f]{64}/.exec(committed)?.[0] ?? '';
    expect(firstTx).not.toBe('');
    expect(committed).toMatch(/区块 \d+/);
    const factsText = (await clerk.getByTestId('registration-facts').textContent()) ?? '';
    expect(factsText).toContain(firstTitle);
    expect(factsText).toContain(unit);
    await expect(clerk.getByTestId('verification-code').textContent()).resolves.toMatch(/\S{4,}/);
    await expect(clerk.getByTestId('form-errors').isHidden()).resolves.toBe(true);
  });

  it('opens the unit page with status, masked holder, history and the ledger proof of the act', async () => {
    await clerk.getByTestId('registration-result').getByTestId('unit-link').click();
    await clerk.getByTestId('unit-status').waitFor();
    await expect(clerk.getByTestId('unit-number').textContent()).resolves.toBe(unit);
    await expect(clerk.getByTestId('unit-status').textContent()).resolves.toBe('REGISTERED');
    const holders = (await clerk.getByTestId('unit-holders').textContent()) ?? '';
    expect(holders).toContain('欧');
    expect(holders).not.toContain(owner.name);
    await expect(clerk.getByTestId('unit-history').locator('tbody tr').count()).resolves.toBe(1);
    // the structured particulars, as the ledger keeps them
    const unitFacts = (await clerk.getByTestId('unit-facts').textContent()) ?? '';
    expect(unitFacts).toContain('广州市天河区控制台路1号101房');
    expect(unitFacts).toContain('89.50 m²');
    expect(unitFacts).toContain('住宅');
    // the block comes from the index, or from the ledger while the index has not caught up
    await expect(
      clerk.getByTestId('unit-history').locator('tbody tr td').last().textContent(),
    ).resolves.toMatch(/^\d+$/);
    await harness.screenshot(clerk, 'registry-clerk-unit');
    await clerk.getByTestId('unit-history').getByTestId('proof-link').click();
    await clerk.getByTestId('proof-tx').waitFor();
    await expect(clerk.getByTestId('proof-tx').textContent()).resolves.toBe(firstTx);
    await expect(clerk.getByTestId('proof-validation').textContent()).resolves.toBe('VALID');
  });

  it('finds the act back through search by unit and the certificate by number', async () => {
    await open(clerk, '/registry/search');
    await clerk.getByTestId('acts-search-unitNumber').fill(unit);
    await clerk.getByTestId('acts-search-type').selectOption('FIRST');
    // the index projects the committed block on its own schedule: search again until it has it
    for (let attempt = 0; attempt < 60; attempt += 1) {
      await clerk.getByTestId('acts-search-submit').click();
      await clerk.locator('[data-testid="acts-count"], [data-testid="page-error"]').first().waitFor();
      if ((await clerk.getByTestId('acts').count()) > 0) break;
      await clerk.waitForTimeout(500);
    }
    const row = (await clerk.getByTestId('acts').locator('tbody tr').first().textContent()) ?? '';
    expect(row).toContain(unit);
    expect(row).toContain(firstTitle);
    await clerk.getByTestId('certificates-search-certificateNumber').fill(firstTitle);
    await clerk.getByTestId('certificates-search-submit').click();
    await clerk.getByTestId('certificates').waitFor();
    await expect(clerk.getByTestId('certificates').locator('tbody tr').count()).resolves.toBe(1);
    await clerk.getByTestId('holder-search-idNumber').fill(owner.idNumber);
    await clerk.getByTestId('holder-search').getByRole('button').click();
    await clerk.getByTestId('holder-units').waitFor();
    await expect(clerk.getByTestId('holder-units').textContent()).resolves.toContain(unit);
    await harness.screenshot(clerk, 'registry-clerk-search');
  });

  it('prints the certificate with a QR code the citizen page shows VALID and the same content hash', async () => {
    await open(clerk, `/registry/certificates/${encodeURIComponent(firstTitle)}/print`);
    await clerk.getByTestId('print-hash').waitFor();
    await expect(clerk.getByTestId('print-number').textContent()).resolves.toBe(firstTitle);
    const hash = (await clerk.getByTestId('print-hash').textContent()) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await clerk.getByTestId('print-holders').textContent()) ?? '').not.toContain(owner.name);
    await expect(clerk.getByTestId('print-facts').textContent()).resolves.toContain('89.50 m²');
    const src = (await clerk.getByTestId('print-qr').getAttribute('src')) ?? '';
    const png = await clerk.request.get(`${harness.gateway.baseUrl}${src}`);
    expect(png.status()).toBe(200);
    const printed = new URL(decodeQr(await png.body()));
    expect(printed.pathname).toBe('/verify');
    expect(printed.searchParams.get('certificate')).toBe(firstTitle);
    expect(printed.searchParams.get('hash')).toBe(hash);
    await clerk.emulateMedia({ media: 'print' });
    await harness.screenshot(clerk, 'registry-clerk-certificate');
    await clerk.emulateMedia({ media: 'screen' });

    const citizen = await clerk.context().newPage();
    await citizen.goto(`${harness.gateway.baseUrl}${printed.pathname}${printed.search}`);
    const status = citizen.getByTestId('verify-status');
    await status.waitFor({ timeout: 30_000 });
    await expect(status.getAttribute('data-status')).resolves.toBe('VALID');
    await citizen.close();
  });

  it('registers a TRANSFER end to end after the tax officer recorded the clearance in the console', async () => {
    const receipt = `QS-CONSOLE-${digits(8)}`;
    const officer = await harness.signIn('tax-officer');
    await open(officer, '/tax/clearances/new');
    await officer.getByTestId('field-unitNumber').fill(unit);
    await officer.getByTestId('field-transfereeIdNumbers').fill(buyer.idNumber);
    await officer.getByTestId('field-receiptNumber').fill(receipt);
    await officer.getByTestId('field-taxPaidCny').fill('30000');
    await officer.getByTestId('submit').click();
    await officer.getByTestId('clearance-result').waitFor({ timeout: 60_000 });

    const secondTitle = titleNumber();
    await open(clerk, '/registry/new');
    await clerk.getByTestId('registration-type').selectOption('TRANSFER');
    await expect(clerk.getByTestId('field-property.location').count()).resolves.toBe(0);
    await clerk.getByTestId('field-unitNumber').fill(unit);
    await clerk.getByTestId('field-certificateNumber').fill(secondTitle);
    await clerk.getByTestId('field-holders.0.name').fill(buyer.name);
    await clerk.getByTestId('field-holders.0.idNumber').fill(buyer.idNumber);
    await clerk.getByTestId('field-holders.0.share').fill('1/1');
    await clerk.getByTestId('field-deedTaxClearanceNumber').fill(receipt);
    await harness.screenshot(clerk, 'registry-clerk-transfer-form');
    await clerk.getByTestId('submit').click();
    await clerk.getByTestId('registration-result').waitFor({ timeout: 60_000 });
    await expect(clerk.getByTestId('registration-facts').textContent()).resolves.toContain(secondTitle);
    await clerk.getByTestId('registration-result').getByTestId('unit-link').click();
    await clerk.getByTestId('unit-status').waitFor();
    await expect(clerk.getByTestId('unit-holders').textContent()).resolves.toContain('司');
    await expect(clerk.getByTestId('unit-history').locator('tbody tr').count()).resolves.toBe(2);
  });

  it('registers a MORTGAGE with its term through the nested fields, shown among the encumbrances', async () => {
    await open(clerk, '/registry/new');
    await clerk.getByTestId('registration-type').selectOption('MORTGAGE');
    await clerk.getByTestId('field-unitNumber').fill(unit);
    await clerk.getByTestId('field-certificateNumber').fill(registrationProofNumber());
    await clerk.getByTestId('field-mortgage.mortgagee').fill('中国工商银行股份有限公司广州分行');
    await clerk.getByTestId('field-mortgage.mortgageeUscc').fill('91350100M000100Y43');
    await clerk.getByTestId('field-mortgage.amountCny').fill('1000000');
    await clerk.getByTestId('field-mortgage.term.from').fill('2026-01-01');
    await clerk.getByTestId('field-mortgage.term.to').fill('2025-01-01');
    await clerk.getByTestId('submit').click();
    // the term's end before its start is refused, beside one of the term's fields
    await clerk.locator('[data-field^="mortgage.term"].invalid').first().waitFor();
    await clerk.getByTestId('field-mortgage.term.to').fill('2046-01-01');
    await clerk.getByTestId('submit').click();
    await clerk.getByTestId('registration-result').waitFor({ timeout: 60_000 });
    await clerk.getByTestId('registration-result').getByTestId('unit-link').click();
    await clerk.getByTestId('encumbrances').waitFor();
    const encumbrances = (await clerk.getByTestId('encumbrances').textContent()) ?? '';
    expect(encumbrances).toContain('中国工商银行股份有限公司广州分行');
    expect(encumbrances).toContain('2026-01-01 – 2046-01-01');
  });

  it('loaded nothing from any other origin', () => {
    const origin = new URL(harness.gateway.baseUrl).origin;
    expect(harness.requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
