import { apiTokens, call } from '../support/gateway-process';
import { type ConsoleHarness, startConsole } from '../support/console-browser';

// Who may do what in the staff console, in Chromium against the real network: every demo user can
// sign in (token, or user name and password), sees only their role's sections, and the server —
// not the page — refuses what the role may not do; a write without the session's CSRF token is
// refused; signing out ends the session.

jest.setTimeout(240_000);

const DEMO_USERS = [
  'registry-clerk',
  'tax-officer',
  'market-clerk',
  'urban-inspector',
  'station-operator',
  'hauler',
  'facility-operator',
];

describe('staff console access', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsole('console-access');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it.each(DEMO_USERS)('signs %s in with their token and shows their role', async (user) => {
    const page = await harness.signIn(user);
    await expect(page.getByTestId('who').textContent()).resolves.toContain(user);
    await page.context().close();
  });

  it('signs in with a user name and password, and refuses a wrong password without a cookie', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.gateway.baseUrl}/console`);
    await page.getByTestId('sign-in-mode-password').click();
    await page.getByTestId('sign-in-user').fill('tax-officer');
    await page.getByTestId('sign-in-password').fill('wrong');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').getByText('不正确').waitFor();
    expect(await context.cookies()).toEqual([]);
    await page.getByTestId('sign-in-password').fill(apiTokens()['tax-officer'] ?? '');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('who').getByText('tax-officer').waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'govtrace_console', httpOnly: true, sameSite: 'Strict' });
    await harness.screenshot(page, 'tax-officer-home');
    await context.close();
  });

  it("gives a station operator's session no registry section, and the server refuses a forced registry POST with 403", async () => {
    const page = await harness.signIn('station-operator');
    await expect(page.getByTestId('nav-registry').count()).resolves.toBe(0);
    const forced = await page.evaluate(async () => {
      const session = (await (await fetch('/console/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/real-estate/registrations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({ type: 'FIRST', unitNumber: '440184001016GB00009F00800039' }),
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    });
    expect(forced.status).toBe(403);
    expect(forced.body.error.code).toBe('FORBIDDEN');
    await page.context().close();
  });

  it('refuses a write posted without the CSRF token, before it reaches the ledger', async () => {
    const page = await harness.signIn('urban-inspector');
    const siteId = `CSRF-${Date.now().toString(36).toUpperCase()}`;
    const posted = await page.evaluate(async (id) => {
      const res = await fetch('/api/v1/waste/sites', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ siteId: id, kind: 'STATION', districtCode: '440103', name: '伪造' }),
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    }, siteId);
    expect(posted).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    // nothing was written: the same site id is still free on the ledger (an existing one answers 409)
    const inspector = apiTokens()['urban-inspector'] ?? '';
    const again = await call(harness.gateway.baseUrl, 'POST', '/api/v1/waste/sites', {
      token: inspector,
      body: { siteId, kind: 'STATION', districtCode: '440103', name: '正常站点' },
    });
    expect(again.status).toBe(201);
    await page.context().close();
  });

  it('signs out: the session cookie no longer works', async () => {
    const page = await harness.signIn('hauler');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    const status = await page.evaluate(async () => (await fetch('/console/session')).status);
    expect(status).toBe(401);
    await page.context().close();
  });

  it('loads nothing from any other origin', () => {
    const origin = new URL(harness.gateway.baseUrl).origin;
    const foreign = harness.requested.filter((url) => new URL(url).origin !== origin);
    expect(foreign).toEqual([]);
  });
});
