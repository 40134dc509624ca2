import { Transactions } from '../../chaincode/src/contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type Contract } from '@hyperledger/fabric-gateway';
import { contractOf } from '../support/contracts';
import { connectAsEnrolled, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';
import { errorText } from '../support/hostile/chaincode-calls';
import { residentId, titleNumber, unitNumber } from '../support/identifiers';

// The holder check is the holder's question, not an oracle (issue 13), on the real network: only the
// registry's service identity (holder-verifier, RegistryMSP registry_verifier) may evaluate
// GetHolderMatch, the public check needs the verification code printed on the certificate, and a
// certificate's check locks for the UTC day after 5 failures, whoever asks.

type Body = Record<string, unknown>;

const MAX_FAILURES = 5;

describe('holder check on the real network', () => {
  let gateway: GatewayProcess;
  let tokens: Record<string, string>;
  let dbDir: string;
  const connections: OrgConnection[] = [];
  let channel = '';

  const owner = { name: '欧阳建国', idNumber: residentId(), share: '1/1' };
  const unit = unitNumber();
  const certificate = titleNumber();
  let code = '';

  beforeAll(async () => {
    tokens = apiTokens();
    dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-holder-check-'));
    gateway = await startGateway('holder-check', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
      VERIFY_HOLDER_CHECK_MAX_FAILURES: String(MAX_FAILURES),
    });
    const t = await topology();
    channel = t.channel;
    const issued = await call(gateway.baseUrl, 'POST', '/api/v1/real-estate/registrations', {
      token: tokens['registry-clerk'] ?? '',
      body: { type: 'FIRST', unitNumber: unit, certificateNumber: certificate, holders: [owner] },
    });
    expect(issued.status).toBe(201);
    code = String(issued.body['verificationCode']);
  });

  afterAll(async () => {
    for (const connection of connections.splice(0)) connection.close();
    await gateway?.kill('SIGTERM');
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  async function realestateAs(mspId: string, user: string): Promise<Contract> {
    const connection = connectAsEnrolled(findOrg(await topology(), mspId), user);
    connections.push(connection);
    return contractOf(connection.gateway.getNetwork(channel), 'realestate');
  }

  const check = (query: Body) => {
    const search = new URLSearchParams(query as Record<string, string>).toString();
    return call(
      gateway.baseUrl,
      'GET',
      `/api/v1/verify/certificates/${encodeURIComponent(certificate)}?${search}`,
    );
  };

  it('shows the code once in the registration answer, printable (XXXX-XXXX)', () => {
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it.each([
    ['TaxMSP', 'tax-officer'],
    ['UrbanMSP', 'urban-inspector'],
    ['RegistryMSP', 'registry-clerk'],
  ])('refuses GetHolderMatch evaluated by %s %s with FORBIDDEN', async (mspId, user) => {
    const contract = await realestateAs(mspId, user);
    let outcome = 'answered';
    try {
      await contract.evaluateTransaction(
        Transactions.realestate.GetHolderMatch,
        certificate,
        owner.idNumber,
        code,
      );
    } catch (error) {
      outcome = errorText(error);
    }
    expect(outcome).toContain('"code":"FORBIDDEN"');
  });

  it('answers the holder verifier on the registry peer: a match needs both the ID and the code', async () => {
    const contract = await realestateAs('RegistryMSP', 'holder-verifier');
    const ask = async (idNumber: string, verificationCode: string): Promise<unknown> =>
      (
        JSON.parse(
          Buffer.from(
            await contract.evaluateTransaction(
              Transactions.realestate.GetHolderMatch,
              certificate,
              idNumber,
              verificationCode,
            ),
          ).toString('utf8'),
        ) as Body
      )['match'];
    expect(await ask(owner.idNumber, code)).toBe(true);
    expect(await ask(residentId(), code)).toBe(false);
    const otherCode = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`;
    expect(await ask(owner.idNumber, otherCode)).toBe(false);
  });

  it('matches over the public route with the ID number and the printed code', async () => {
    const answer = await check({ holderIdNumber: owner.idNumber, verificationCode: code });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ valid: true, holderMatch: true });
    expect(JSON.stringify(answer.body)).not.toContain(owner.idNumber);
  });

  it('locks the certificate after the allowed failures, even for the right answer, until 00:00 UTC', async () => {
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      // the same client address each time (X-Forwarded-For is not trusted); the lock is per certificate
      const wrong = await check({ holderIdNumber: residentId(), verificationCode: code });
      expect({ attempt: i + 1, status: wrong.status, holderMatch: wrong.body['holderMatch'] }).toEqual({
        attempt: i + 1,
        status: 200,
        holderMatch: false,
      });
    }
    const locked = await check({ holderIdNumber: owner.idNumber, verificationCode: code });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      error: { code: 'TOO_MANY_REQUESTS', details: [{ reason: 'HOLDER_CHECK_LOCKED' }] },
    });
    // the certificate itself stays verifiable
    const plain = await check({});
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty('holderMatch');
  });
});
