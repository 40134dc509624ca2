import { Logger } from '@nestjs/common';
import { type ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { validateEnv } from '../config/validate-env';
import { ApiError, RuleViolationError } from '../common/errors';
import { type LedgerCall, type LedgerClient, type SubmitResult } from '../ledger/ledger-client.port';
import { BusinessService } from './business.service';
import { type OpenCaseDto } from './dto/open-case.dto';
import { BusinessWorkingCalendar } from './working-calendar';

Logger.overrideLogger(false);

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const clerk = { user: 'market-clerk', mspId: 'MarketMSP', role: 'market_clerk' };
const taxOfficer = { user: 'tax-officer', mspId: 'TaxMSP', role: 'tax_officer' };

/** Records every call and answers with what the test queued. */
class FakeLedger implements LedgerClient {
  readonly calls: { kind: 'submit' | 'evaluate'; user: string; call: LedgerCall }[] = [];
  constructor(private readonly answer: (call: LedgerCall) => Uint8Array | Error) {}

  submit(user: string, call: LedgerCall): Promise<SubmitResult> {
    this.calls.push({ kind: 'submit', user, call });
    const result = this.answer(call);
    if (result instanceof Error) return Promise.reject(result);
    return Promise.resolve({ txId: 'tx-1', blockNumber: 42n, result });
  }

  evaluate(user: string, call: LedgerCall): Promise<Uint8Array> {
    this.calls.push({ kind: 'evaluate', user, call });
    const result = this.answer(call);
    return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
  }
}

function calendar(): BusinessWorkingCalendar {
  const config = validateEnv({});
  return new BusinessWorkingCalendar({
    get: (key: keyof EnvironmentVariables) => config[key],
  } as unknown as ConfigService<EnvironmentVariables, true>);
}

// Monday 2026-03-02 15:00 Shanghai
const NOW = new Date('2026-03-02T07:00:00.000Z');
const service = (ledger: LedgerClient): BusinessService => new BusinessService(ledger, calendar(), () => NOW);

const DTO: OpenCaseDto = {
  uscc: '91350100m000100y43',
  name: '广州示例科技有限公司',
  entityType: 'LIMITED_LIABILITY_COMPANY',
  legalRepresentative: { name: '欧阳小明', idNumber: '11010519491231002X' },
  registeredCapitalCny: '1000000.50',
  address: '广州市天河区示例路1号',
  businessScope: '软件开发',
};

describe('BusinessService', () => {
  it('opens a case: public fields as the argument, the legal representative as transient data only', async () => {
    const ledger = new FakeLedger(() =>
      encode({ caseId: 'BO-91350100M000100Y43', uscc: '91350100M000100Y43' }),
    );
    const answer = await service(ledger).openCase(clerk, DTO);
    expect(answer).toEqual({
      caseId: 'BO-91350100M000100Y43',
      uscc: '91350100M000100Y43',
      txId: 'tx-1',
      blockNumber: 42,
    });
    const [{ kind, user, call }] = ledger.calls as [(typeof ledger.calls)[number]];
    expect({ kind, user, contract: call.contract, transaction: call.transaction }).toEqual({
      kind: 'submit',
      user: 'market-clerk',
      contract: 'business',
      transaction: 'OpenCase',
    });
    expect(call.endorsingOrgs).toEqual(['MarketMSP']);
    const args = call.args.map((arg) => (typeof arg === 'string' ? arg : '')).join('');
    expect(args).not.toContain('欧阳小明');
    expect(args).not.toContain('11010519491231002X');
    expect(JSON.parse(args)).toEqual({
      uscc: DTO.uscc,
      name: DTO.name,
      entityType: DTO.entityType,
      registeredCapitalCny: DTO.registeredCapitalCny,
      address: DTO.address,
      businessScope: DTO.businessScope,
    });
    const transient = JSON.parse(String(call.transient?.['legalRepresentative'])) as Record<string, string>;
    expect(Object.keys(transient).sort()).toEqual(['idNumber', 'name', 'salt']);
    expect(transient['name']).toBe('欧阳小明');
    expect(transient['idNumber']).toBe('11010519491231002X');
    expect(transient['salt']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('uses a fresh salt for every case', async () => {
    const ledger = new FakeLedger(() =>
      encode({ caseId: 'BO-91350100M000100Y43', uscc: '91350100M000100Y43' }),
    );
    await service(ledger).openCase(clerk, DTO);
    await service(ledger).openCase(clerk, DTO);
    const salts = ledger.calls.map(
      ({ call }) => (JSON.parse(String(call.transient?.['legalRepresentative'])) as { salt: string }).salt,
    );
    expect(new Set(salts).size).toBe(2);
  });

  it.each([
    [
      'LICENSE',
      clerk,
      'business',
      'CompleteStep',
      ['BO-91350100M000100Y43', 'LICENSE', 'R-1'],
      ['MarketMSP'],
    ],
    ['TAX', taxOfficer, 'businesstax', 'CompleteTaxStep', ['BO-91350100M000100Y43', 'R-1'], ['TaxMSP']],
  ] as const)(
    'completes %s as the caller through its contract, endorsed by its department alone',
    async (step, caller, contract, transaction, args, endorsers) => {
      const ledger = new FakeLedger(() =>
        encode({ caseId: 'BO-91350100M000100Y43', step, completedAt: '2026-03-02T02:00:00.000Z' }),
      );
      const answer = await service(ledger).completeStep(caller, 'BO-91350100M000100Y43', step, {
        reference: 'R-1',
      });
      expect(answer).toEqual({
        caseId: 'BO-91350100M000100Y43',
        step,
        completedAt: '2026-03-02T02:00:00.000Z',
        txId: 'tx-1',
        blockNumber: 42,
      });
      expect(ledger.calls[0]).toEqual({
        kind: 'submit',
        user: caller.user,
        call: { contract, transaction, args, endorsingOrgs: endorsers },
      });
    },
  );

  it('changes the licence status and lets a chaincode RULE_VIOLATION through as 422', async () => {
    const ok = new FakeLedger(() =>
      encode({ uscc: '91350100M000100Y43', status: 'CANCELLED', changedAt: '2026-03-03T01:00:00.000Z' }),
    );
    expect(
      await service(ok).changeLicenseStatus(clerk, '91350100M000100Y43', {
        status: 'CANCELLED',
        reason: '解散',
      }),
    ).toEqual({
      uscc: '91350100M000100Y43',
      status: 'CANCELLED',
      changedAt: '2026-03-03T01:00:00.000Z',
      txId: 'tx-1',
      blockNumber: 42,
    });
    expect(ok.calls[0]?.call).toMatchObject({
      transaction: 'ChangeLicenseStatus',
      args: ['91350100M000100Y43', 'CANCELLED', '解散'],
    });
    const refused = new FakeLedger(() => new RuleViolationError('licence is CANCELLED', { txId: 'tx-9' }));
    await expect(
      service(refused).changeLicenseStatus(clerk, '91350100M000100Y43', { status: 'REVOKED', reason: 'r' }),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION', txId: 'tx-9' });
  });

  const view = (extra: Record<string, unknown>) => ({
    caseId: 'BO-91350100M000100Y43',
    uscc: '91350100M000100Y43',
    name: '广州示例科技有限公司',
    entityType: 'LIMITED_LIABILITY_COMPANY',
    registeredCapitalFen: 100_000_000,
    address: '广州市天河区示例路1号',
    businessScope: '软件开发',
    legalRepresentative: '欧*明',
    openedAt: '2026-03-02T01:00:00.000Z', // Monday 09:00 Shanghai
    openedBy: { mspId: 'MarketMSP', role: 'market_clerk', id: 'x509::CN=clerk' },
    steps: [{ step: 'LICENSE', status: 'PENDING' }],
    ...extra,
  });

  it('reports an open case against now: Monday 09:00 to 15:00 is 4.5 h, over the 3 h 45 min target', async () => {
    const ledger = new FakeLedger(() => encode(view({ status: 'OPEN' })));
    const answer = await service(ledger).getCase(clerk, 'BO-91350100M000100Y43');
    expect(ledger.calls[0]).toEqual({
      kind: 'evaluate',
      user: 'market-clerk',
      call: { contract: 'business', transaction: 'GetCase', args: ['BO-91350100M000100Y43'] },
    });
    expect(answer).toMatchObject({
      status: 'OPEN',
      name: '广州示例科技有限公司',
      legalRepresentative: '欧*明',
      elapsedWorkingMillis: 4.5 * 3_600_000,
      targetMillis: 3.75 * 3_600_000,
      withinTarget: false,
    });
  });

  it('reports a completed case up to its completion', async () => {
    const ledger = new FakeLedger(() =>
      encode(view({ status: 'COMPLETED', completedAt: '2026-03-02T03:30:00.000Z' })),
    );
    expect(await service(ledger).getCase(clerk, 'BO-91350100M000100Y43')).toMatchObject({
      elapsedWorkingMillis: 2.5 * 3_600_000,
      withinTarget: true,
    });
  });

  it('answers 500 (a bug) when the contract answers something that is not a JSON object', async () => {
    const ledger = new FakeLedger(() => new TextEncoder().encode('[]'));
    const error: unknown = await service(ledger)
      .getCase(clerk, 'BO-91350100M000100Y43')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).getStatus()).toBe(500);
  });
});
