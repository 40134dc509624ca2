import { readFileSync } from 'node:fs';

import { type Page } from 'playwright-core';

import { type ConsoleHarness, startConsole } from '../support/console-browser';
import { apiTokens, call } from '../support/gateway-process';
import { digits, residentId, titleNumber, unitNumber, uscc } from '../support/identifiers';

// The tax officer's and the market clerk's day in the staff console, in Chromium against the real
// network: a deed-tax clearance recorded and listed back; a business-opening case opened, steps
// completed by the clerk and the TAX step by the tax officer in a second browser context, the case
// page showing the progress and the elapsed working time against the target; the licence cancelled;
// the overdue list and the case search.

jest.setTimeout(300_000);

describe('staff console: tax officer and market clerk', () => {
  let harness: ConsoleHarness;
  let officer: Page;
  let clerk: Page;

  beforeAll(async () => {
    harness = await startConsole('console-offices');
    officer = await harness.signIn('tax-officer');
    clerk = await harness.signIn('market-clerk', { viewport: { width: 1024, height: 768 } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`${harness.gateway.baseUrl}/console#${hash}`);
  }

  /**
   * Submits a search form until its list has a row with `text` (the index projects blocks on its own),
   * looking through every page of the answer: on a ledger other runs have filled, a new row need not
   * be on the first page.
   */
  async function searchUntil(page: Page, form: string, list: string, text: string): Promise<void> {
    for (let attempt = 0; attempt < 60; attempt += 1) {
      await page.getByTestId(`${form}-submit`).click();
      for (let listed = 0; listed < 50; listed += 1) {
        await page.locator(`[data-testid="${list}-count"], [data-testid="page-error"]`).first().waitFor();
        const rows = page.getByTestId(list).locator('tbody tr', { hasText: text });
        if ((await rows.count()) > 0) return;
        const next = page.getByTestId(`${list}-next`);
        if ((await next.count()) === 0 || (await next.isDisabled())) break;
        const count = await page.getByTestId(`${list}-count`).textContent();
        await next.click();
        await page
          .getByTestId(`${list}-count`)
          .filter({ hasNotText: count ?? '' })
          .waitFor();
      }
      await page.waitForTimeout(500);
    }
    throw new Error(`${list} never listed ${text}`);
  }

  it('records a deed-tax clearance and lists it among the officer’s own, unused', async () => {
    // a clearance is bound to a registered unit's ownership generation
    const unit = unitNumber();
    const registered = await call(harness.gateway.baseUrl, 'POST', '/api/v1/real-estate/registrations', {
      token: apiTokens()['registry-clerk'] ?? '',
      body: {
        type: 'FIRST',
        unitNumber: unit,
        certificateNumber: titleNumber(),
        holders: [{ name: '欧阳卖方', idNumber: residentId(), share: '1/1' }],
      },
    });
    expect(registered.status).toBe(201);
    const receipt = `QS-OFFICE-${digits(8)}`;
    await open(officer, '/tax/clearances/new');
    await officer.getByTestId('field-unitNumber').fill(unit);
    await officer.getByTestId('field-transfereeIdNumbers').fill(`${residentId()}\n${residentId()}`);
    await officer.getByTestId('field-receiptNumber').fill(receipt);
    await officer.getByTestId('field-taxPaidCny').fill('12345.67');
    await harness.screenshot(officer, 'tax-officer-clearance-form');
    await officer.getByTestId('submit').click();
    await officer.getByTestId('clearance-result').waitFor({ timeout: 60_000 });
    await expect(officer.getByTestId('clearance-facts').textContent()).resolves.toContain(receipt);

    await open(officer, '/tax/clearances');
    await officer.getByTestId('clearances-search-receiptNumber').fill(receipt);
    await officer.getByTestId('clearances-search-used').selectOption('false');
    await searchUntil(officer, 'clearances-search', 'clearances', receipt);
    const row = (await officer.getByTestId('clearances').locator('tbody tr').first().textContent()) ?? '';
    expect(row).toContain(unit);
    expect(row).toContain('未使用');
    await harness.screenshot(officer, 'tax-officer-clearances');

    // the CSV link downloads the same filtered list, with the BOM Excel needs and a header row
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByTestId('clearances-csv').click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = csv.slice(1).trim().split(/\r?\n/);
    expect(header).toContain('clearanceNumber');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(receipt);
  });

  it('a field error of the clearance form appears beside its field', async () => {
    await open(officer, '/tax/clearances/new');
    await officer.getByTestId('field-unitNumber').fill(unitNumber());
    await officer.getByTestId('field-transfereeIdNumbers').fill(residentId());
    await officer.getByTestId('field-receiptNumber').fill('no');
    await officer.getByTestId('field-taxPaidCny').fill('1');
    await officer.getByTestId('submit').click();
    await officer.getByTestId('error-receiptNumber').locator('span').first().waitFor();
  });

  const code = uscc();
  let caseId = '';

  it('opens a case, completes steps, the tax officer completes TAX, and the case page shows the progress', async () => {
    await open(clerk, '/business/cases/new');
    await clerk.getByTestId('field-uscc').fill(code);
    await clerk.getByTestId('field-name').fill(`控制台${digits(8)}科技有限公司`);
    await clerk.getByTestId('field-entityType').selectOption('LIMITED_LIABILITY_COMPANY');
    await clerk.getByTestId('field-legalRepresentative.name').fill('欧阳开办');
    await clerk.getByTestId('field-legalRepresentative.idNumber').fill(residentId());
    await clerk.getByTestId('field-registeredCapitalCny').fill('1000000');
    await clerk.getByTestId('field-address').fill('广州市天河区控制台路2号');
    await clerk.getByTestId('field-businessScope').fill('软件开发；信息技术咨询服务');
    await harness.screenshot(clerk, 'market-clerk-open-case');
    await clerk.getByTestId('submit').click();
    await clerk.getByTestId('case-result').waitFor({ timeout: 60_000 });
    caseId = (await clerk.getByTestId('case-result').getByTestId('case-link').textContent()) ?? '';
    expect(caseId).not.toBe('');

    await clerk.getByTestId('case-result').getByTestId('case-link').click();
    await clerk.getByTestId('case-steps').waitFor();
    await expect(clerk.getByTestId('step-form-TAX').count()).resolves.toBe(0);
    for (const step of ['LICENSE', 'SEAL']) {
      const form = clerk.getByTestId(`step-form-${step}`);
      await form.getByTestId('field-reference').fill(`${step}-2026-${digits(6)}`);
      await form.getByTestId('submit').click();
      await clerk
        .locator(`[data-testid="step-status-${step}"]`, { hasText: '已办结' })
        .waitFor({ timeout: 60_000 });
    }

    await open(officer, `/business/cases/${encodeURIComponent(caseId)}`);
    const taxForm = officer.getByTestId('step-form-TAX');
    await taxForm.getByTestId('field-reference').fill(`TAX-2026-${digits(6)}`);
    await expect(officer.getByTestId('step-form-SEAL').count()).resolves.toBe(0);
    await taxForm.getByTestId('submit').click();
    await officer
      .locator('[data-testid="step-status-TAX"]', { hasText: '已办结' })
      .waitFor({ timeout: 60_000 });

    await clerk.reload();
    await clerk.getByTestId('case-steps').waitFor();
    await expect(clerk.getByTestId('step-status-TAX').textContent()).resolves.toBe('已办结');
    await expect(clerk.getByTestId('case-progress').getAttribute('value')).resolves.toBe('3');
    const elapsed = (await clerk.getByTestId('case-elapsed').textContent()) ?? '';
    expect(elapsed).toMatch(/^\d+ 小时 \d+ 分钟 \/ 时限 \d+ 小时 \d+ 分钟 · (未超时|已超时)$/);
    await expect(clerk.getByTestId('case-status').textContent()).resolves.toBe('办理中');
    await harness.screenshot(clerk, 'market-clerk-case');
  });

  it('finds the case through search and shows the overdue list', async () => {
    await open(clerk, '/business/cases');
    await clerk.getByTestId('cases-search-status').selectOption('OPEN');
    await clerk.getByTestId('cases-search-step').selectOption('SOCIAL_SECURITY');
    await searchUntil(clerk, 'cases-search', 'cases', caseId);
    await harness.screenshot(clerk, 'market-clerk-cases');
    await open(clerk, '/business/overdue');
    await clerk.locator('[data-testid="overdue-count"], [data-testid="page-error"]').first().waitFor();
    await expect(clerk.getByTestId('page-error').count()).resolves.toBe(0);
    await expect(clerk.getByTestId('overdue').locator('tbody tr', { hasText: caseId }).count()).resolves.toBe(
      0,
    );
    await harness.screenshot(clerk, 'market-clerk-overdue');
  });

  it('shows the case page in English on the tablet and back in Chinese', async () => {
    await open(clerk, `/business/cases/${encodeURIComponent(caseId)}`);
    await clerk.getByTestId('case-steps').waitFor();
    await clerk.locator('#lang-switch').click();
    await clerk.getByTestId('case-steps').getByText('Tax registration').waitFor();
    await expect(clerk.getByTestId('step-status-TAX').textContent()).resolves.toBe('Done');
    await expect(clerk.getByTestId('case-elapsed').textContent()).resolves.toMatch(/\d+ h \d+ min \/ Target/);
    await harness.screenshot(clerk, 'market-clerk-case-en');
    await clerk.locator('#lang-switch').click();
    await clerk.getByTestId('case-steps').getByText('税务登记').waitFor();
  });

  it('cancels the licence with a reason and finds it cancelled in the licence search', async () => {
    await open(clerk, `/business/licenses/${code}`);
    await clerk.getByTestId('field-status').selectOption('CANCELLED');
    await clerk.getByTestId('field-reason').fill('股东会决议解散');
    await clerk.getByTestId('submit').click();
    await clerk.getByTestId('license-result').waitFor({ timeout: 60_000 });
    await expect(clerk.getByTestId('license-new-status').textContent()).resolves.toBe('注销');
    await clerk.getByTestId('submit').click();
    await clerk.getByTestId('form-errors').waitFor({ state: 'visible' });
    await expect(clerk.getByTestId('form-errors').textContent()).resolves.toContain('422');

    await open(clerk, '/business/licenses');
    await clerk.getByTestId('licenses-search-uscc').fill(code);
    await clerk.getByTestId('licenses-search-status').selectOption('CANCELLED');
    await searchUntil(clerk, 'licenses-search', 'licenses', code);
    await expect(clerk.getByTestId('licenses').textContent()).resolves.toContain('股东会决议解散');
    await harness.screenshot(clerk, 'market-clerk-licenses');
  });

  it('loaded nothing from any other origin', () => {
    const origin = new URL(harness.gateway.baseUrl).origin;
    expect(harness.requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
