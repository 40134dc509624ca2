import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { type Contract } from '@hyperledger/fabric-gateway';

import { contractOf } from '../support/contracts';
import { connectAsEnrolled, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { apiTokens, call, type GatewayProcess, startGateway } from '../support/gateway-process';
import { errorText, openCase, proposal } from '../support/hostile/chaincode-calls';
import { uscc as freshUscc } from '../support/identifiers';
import { singleCharacterVariants } from '../support/uscc-variants';

// Every single-character change of a valid USCC (18 positions × 30 other symbols) is refused: by the
// API with 400 VALIDATION_FAILED naming the field, and by the chaincode itself when a market clerk's
// identity sends it straight to the MarketMSP peer. Nothing is ordered either way.

jest.setTimeout(300_000);

describe('every single-character change of a valid USCC', () => {
  const valid = freshUscc();
  const variants = singleCharacterVariants(valid);
  const dbDir = mkdtempSync(path.join(tmpdir(), 'govtrace-uscc-'));
  let gateway: GatewayProcess;
  let clerk: OrgConnection;
  let business: Contract;

  beforeAll(async () => {
    gateway = await startGateway('uscc', {
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
    });
    const t = await topology();
    clerk = connectAsEnrolled(findOrg(t, 'MarketMSP'), 'market-clerk');
    business = contractOf(clerk.gateway.getNetwork(t.channel), 'business');
  });

  afterAll(async () => {
    await gateway.kill('SIGTERM');
    clerk.close();
    rmSync(dbDir, { recursive: true, force: true });
  });

  it('has 540 variants', () => {
    expect(variants).toHaveLength(18 * 30);
    expect(new Set(variants).size).toBe(540);
  });

  it('are refused by the API with 400 VALIDATION_FAILED naming uscc', async () => {
    const token = apiTokens()['market-clerk'] ?? '';
    const wrong: string[] = [];
    for (const uscc of variants) {
      const answer = await call(gateway.baseUrl, 'POST', '/api/v1/business/cases', {
        token,
        body: {
          uscc,
          name: '变异测试科技有限公司',
          entityType: 'LIMITED_LIABILITY_COMPANY',
          legalRepresentative: { name: '欧阳测试', idNumber: '11010519491231002X' },
          registeredCapitalCny: 1000,
          address: '广州市天河区测试路1号',
          businessScope: '软件开发',
        },
      });
      const error = answer.body['error'] as { code?: string; details?: { field?: string }[] } | undefined;
      const refused =
        answer.status === 400 &&
        error?.code === 'VALIDATION_FAILED' &&
        (error.details ?? []).some((detail) => detail.field === 'uscc');
      if (!refused) wrong.push(`${uscc}: ${answer.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('are refused by the chaincode on the MarketMSP peer with VALIDATION_FAILED', async () => {
    const wrong: string[] = [];
    for (const uscc of variants) {
      try {
        await proposal(business, openCase(uscc), ['MarketMSP']).endorse();
        wrong.push(`${uscc}: endorsed`);
      } catch (error) {
        const text = errorText(error);
        if (!/"code":"VALIDATION_FAILED"/.test(text) || !/"field":"uscc"/.test(text)) {
          wrong.push(`${uscc}: ${text.slice(0, 200)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('while the valid one itself is accepted by the chaincode (the test can tell them apart)', async () => {
    const endorsed = await proposal(business, openCase(valid), ['MarketMSP']).endorse();
    expect(endorsed.getTransactionId()).toMatch(/^[0-9a-f]{64}$/);
  });
});
