import { Logger } from '@nestjs/common';
import request from 'supertest';

import { demoAuth, useNetworkApp } from './support/network-app';

import { digits, residentId, uscc } from '../../test/support/identifiers';
import { BusinessModule } from '../src/business';

// The business ledger routes against the running network with the demo users the local setup
// provisions (.govtrace/api-tokens.json): real roles, real peers, real endorsement policies.

Logger.overrideLogger(false);

const auth = demoAuth;

// fresh per run: a USCC opens one case for life, and names are unique city-wide
const USCC = uscc();
const CASE_ID = `BO-${USCC}`;

type ErrorBody = { error: { code: string } };

describe('business opening over HTTP on the real network', () => {
  const app = useNetworkApp([BusinessModule]);

  const step = (name: string, user: string) =>
    request(app())
      .post(`/api/v1/business/cases/${CASE_ID}/steps/${name}`)
      .set('Authorization', auth(user))
      .send({ reference: `${name}-${digits(6)}` });

  it('opens a case, completes its six steps by role, reads it, cancels the licence', async () => {
    const opened = await request(app())
      .post('/api/v1/business/cases')
      .set('Authorization', auth('market-clerk'))
      .send({
        uscc: USCC.toLowerCase(),
        name: `测试科技${digits(8)}有限公司`,
        entityType: 'LIMITED_LIABILITY_COMPANY',
        legalRepresentative: { name: '欧阳小明', idNumber: residentId() },
        registeredCapitalCny: '1000000.00',
        address: '广州市天河区示例路1号',
        businessScope: '软件开发',
      });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ caseId: CASE_ID, uscc: USCC, txId: expect.any(String) as unknown });

    // SEAL before LICENSE: the chaincode's rule, 422
    expect((await step('SEAL', 'market-clerk')).status).toBe(422);
    // TAX by a market clerk: refused at the gateway
    expect((await step('TAX', 'market-clerk')).status).toBe(403);
    expect((await step('LICENSE', 'market-clerk')).status).toBe(201);
    const twice = await step('LICENSE', 'market-clerk');
    expect(twice.status).toBe(409);
    expect((twice.body as ErrorBody).error.code).toBe('CONFLICT');
    expect((await step('TAX', 'tax-officer')).status).toBe(201);
    for (const name of ['SEAL', 'SOCIAL_SECURITY', 'HOUSING_FUND', 'BANK_ACCOUNT']) {
      expect((await step(name, 'market-clerk')).status).toBe(201);
    }

    const read = await request(app())
      .get(`/api/v1/business/cases/${CASE_ID}`)
      .set('Authorization', auth('tax-officer'));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      caseId: CASE_ID,
      status: 'COMPLETED',
      completedAt: expect.any(String) as unknown,
      licenseStatus: 'ACTIVE',
      legalRepresentative: '欧**明',
      elapsedWorkingMillis: expect.any(Number) as unknown,
      targetMillis: 13_500_000,
      withinTarget: true,
    });

    const cancel = () =>
      request(app())
        .post(`/api/v1/business/licenses/${USCC}/status`)
        .set('Authorization', auth('market-clerk'))
        .send({ status: 'CANCELLED', reason: '股东会决议解散' });
    const cancelled = await cancel();
    expect(cancelled.status).toBe(201);
    expect(cancelled.body).toMatchObject({
      uscc: USCC,
      status: 'CANCELLED',
      blockNumber: expect.any(Number) as unknown,
    });
    const again = await cancel();
    expect(again.status).toBe(422);
    expect((again.body as ErrorBody).error.code).toBe('RULE_VIOLATION');
  }, 120_000);
});
