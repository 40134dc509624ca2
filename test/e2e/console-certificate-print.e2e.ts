import { type ConsoleHarness, startConsole } from '../support/console-browser';
import { apiTokens, call } from '../support/gateway-process';
import { residentId, titleNumber, unitNumber } from '../support/identifiers';

// The registry clerk prints a certificate with its holders in full (issue 17): the console's "show
// full holders" choice reads GET /api/v1/real-estate/certificates/{n}/print, which evaluates the
// chaincode's GetCertificateForPrint on the registry's peer. Needs the realestate definition that
// has GetCertificateForPrint deployed. Nobody else may read it, and no cache may keep it.

jest.setTimeout(240_000);

describe('staff console: the certificate printed with full holders', () => {
  let harness: ConsoleHarness;
  const unit = unitNumber();
  const title = titleNumber();
  const owner = { name: '上官打印', idNumber: residentId(), share: '1/1' };

  beforeAll(async () => {
    harness = await startConsole('console-certificate-print');
    const answer = await call(harness.gateway.baseUrl, 'POST', '/api/v1/real-estate/registrations', {
      token: apiTokens()['registry-clerk'] ?? '',
      body: { type: 'FIRST', unitNumber: unit, certificateNumber: title, holders: [owner] },
    });
    expect(answer.status).toBe(201);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the full name and ID number on the clerk’s choice, the content hash unchanged', async () => {
    const clerk = await harness.signIn('registry-clerk');
    await clerk.goto(
      `${harness.gateway.baseUrl}/console#/registry/certificates/${encodeURIComponent(title)}/print`,
    );
    await clerk.getByTestId('print-hash').waitFor();
    const hash = await clerk.getByTestId('print-hash').textContent();
    expect((await clerk.getByTestId('print-holders').textContent()) ?? '').not.toContain(owner.name);
    await clerk.getByTestId('print-full').check();
    await clerk.getByTestId('print-holders').getByText(owner.idNumber, { exact: false }).waitFor();
    await expect(clerk.getByTestId('print-holders').textContent()).resolves.toContain(owner.name);
    await expect(clerk.getByTestId('print-hash').textContent()).resolves.toBe(hash);
    await clerk.emulateMedia({ media: 'print' });
    await harness.screenshot(clerk, 'registry-clerk-certificate-full-holders');
  });

  it('answers the clerk with no-store and refuses every other role with 403', async () => {
    const path = `/api/v1/real-estate/certificates/${encodeURIComponent(title)}/print`;
    const clerk = await fetch(`${harness.gateway.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${apiTokens()['registry-clerk'] ?? ''}` },
    });
    expect(clerk.status).toBe(200);
    expect(clerk.headers.get('cache-control')).toBe('no-store');
    const body = (await clerk.json()) as {
      holders: { name: string; idNumber: string }[];
      contentHash: string;
    };
    expect(body.holders).toMatchObject([{ name: owner.name, idNumber: owner.idNumber, share: '1/1' }]);
    for (const user of ['tax-officer', 'market-clerk', 'station-operator']) {
      const refused = await call(harness.gateway.baseUrl, 'GET', path, { token: apiTokens()[user] ?? '' });
      expect({ user, status: refused.status }).toEqual({ user, status: 403 });
    }
  });
});
