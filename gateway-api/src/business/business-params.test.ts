import { ApiError } from '../common/errors';
import { requireCaseIdParam, requireStepParam, requireStepRole, requireUsccParam } from './business-params';

const clerk = { user: 'market-clerk', mspId: 'MarketMSP', role: 'market_clerk' };
const taxOfficer = { user: 'tax-officer', mspId: 'TaxMSP', role: 'tax_officer' };

function errorOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('step → role', () => {
  it.each([
    ['LICENSE', clerk],
    ['SEAL', clerk],
    ['TAX', taxOfficer],
    ['SOCIAL_SECURITY', clerk],
    ['HOUSING_FUND', clerk],
    ['BANK_ACCOUNT', clerk],
  ] as const)('lets the right role complete %s', (step, caller) => {
    expect(() => requireStepRole(caller, requireStepParam(step))).not.toThrow();
  });

  it.each([
    ['LICENSE', taxOfficer, 'market_clerk'],
    ['SEAL', taxOfficer, 'market_clerk'],
    ['BANK_ACCOUNT', taxOfficer, 'market_clerk'],
    ['TAX', clerk, 'tax_officer'],
  ] as const)('answers 403 for %s by the wrong role, naming the role needed', (step, caller, needed) => {
    const error = errorOf(() => requireStepRole(caller, requireStepParam(step)));
    expect(error.getStatus()).toBe(403);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain(needed);
  });

  it('refuses an unknown step with 400 naming step', () => {
    const error = errorOf(() => requireStepParam('license'));
    expect(error.getStatus()).toBe(400);
    expect(error.details).toEqual([expect.objectContaining({ field: 'step' })]);
  });
});

describe('path identifiers', () => {
  it('canonicalises a case id and a USCC', () => {
    expect(requireCaseIdParam('bo-91350100m000100y43')).toBe('BO-91350100M000100Y43');
    expect(requireUsccParam('91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it.each(['91350100M000100Y43', 'BO-91350100M000100Y44', 'BO-', 'XX-91350100M000100Y43'])(
    'refuses the case id %s with 400 naming caseId',
    (caseId) => {
      const error = errorOf(() => requireCaseIdParam(caseId));
      expect(error.getStatus()).toBe(400);
      expect(error.details).toEqual([expect.objectContaining({ field: 'caseId' })]);
    },
  );

  it('refuses a bad USCC with 400 naming uscc', () => {
    const error = errorOf(() => requireUsccParam('91350100M000100Y44'));
    expect(error.details).toEqual([expect.objectContaining({ field: 'uscc' })]);
  });
});
