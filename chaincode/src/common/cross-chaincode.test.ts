// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
// Context must be a value import: fabric-contract-api recognises the context parameter by its runtime type.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { InMemoryLedger, identityForRole } from '../testing';
import { Roles } from './access';
import { callContract, chaincodeOf, findInContract, readFromContract } from './cross-chaincode';
import { ChaincodeError, ConflictError, NotFoundError, RuleViolationError } from './errors';

// Stands in for the tax definition's deedtax contract: each function answers one way.
@Info({ title: 'FakeDeedTaxContract', description: 'test double' })
class FakeDeedTaxContract extends Contract {
  constructor() {
    super('deedtax');
  }

  @Transaction(false)
  @Returns('string')
  async Answer(_ctx: Context, value: string): Promise<string> {
    return Promise.resolve(JSON.stringify({ value }));
  }

  @Transaction(false)
  @Returns('string')
  async Missing(_ctx: Context, what: string): Promise<string> {
    return Promise.reject(new NotFoundError(`${what} not found`));
  }

  @Transaction(false)
  @Returns('string')
  async Refuse(): Promise<string> {
    return Promise.reject(new RuleViolationError('not now', [{ field: 'when', message: 'later' }]));
  }

  @Transaction(false)
  @Returns('string')
  async Crash(): Promise<string> {
    return Promise.reject(new Error('a bug'));
  }

  @Transaction(false)
  @Returns('string')
  async NotJson(): Promise<string> {
    return Promise.resolve('plain text');
  }
}

const ledger = new InMemoryLedger({
  chaincodeName: 'realestate',
  chaincodes: { tax: { contracts: [FakeDeedTaxContract] } },
});
const ctx = (): Context => ledger.newTransaction({ identity: identityForRole(Roles.RegistryClerk) }).ctx;
const call = (fn: string, ...args: string[]) => ({ contract: 'deedtax' as const, fn, args });
const asRecord = (raw: unknown) => raw as { value: string };

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('cross-chaincode reads', () => {
  it("sends a contract's call to the definition that serves it", () => {
    expect(chaincodeOf(call('Answer'))).toBe('tax');
    expect(chaincodeOf({ contract: 'businesstax', fn: 'GetTaxStep', args: [] })).toBe('tax');
    expect(chaincodeOf({ contract: 'realestate', fn: 'GetUnit', args: [] })).toBe('realestate');
    expect(chaincodeOf({ contract: 'business', fn: 'GetLicense', args: [] })).toBe('business');
  });

  it('answers the JSON the callee answered', async () => {
    expect(await callContract(ctx(), call('Answer', '税'))).toBe('{"value":"税"}');
    expect(await readFromContract(ctx(), call('Answer', 'x'), asRecord)).toEqual({ value: 'x' });
    expect(await findInContract(ctx(), call('Answer', 'x'), asRecord)).toEqual({ value: 'x' });
  });

  it("rethrows the callee's ChaincodeError as the same class, code, message and details", async () => {
    const error = await failure(readFromContract(ctx(), call('Refuse'), asRecord));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as ChaincodeError).toPayload()).toEqual({
      code: 'RULE_VIOLATION',
      message: 'not now',
      details: [{ field: 'when', message: 'later' }],
    });
    const missing = await failure(readFromContract(ctx(), call('Missing', 'unit 1'), asRecord));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as ChaincodeError).reason).toBe('unit 1 not found');
  });

  it('turns only NOT_FOUND into undefined when asked to find', async () => {
    expect(await findInContract(ctx(), call('Missing', 'x'), asRecord)).toBeUndefined();
    expect(await failure(findInContract(ctx(), call('Refuse'), asRecord))).toBeInstanceOf(RuleViolationError);
    expect(
      await failure(
        findInContract(ctx(), call('Answer', 'x'), () => {
          throw new ConflictError('parser says no');
        }),
      ),
    ).toBeInstanceOf(ConflictError);
  });

  it('reports a callee bug, a non-JSON answer and a refused call as plain errors naming the call', async () => {
    const crash = await failure(callContract(ctx(), call('Crash')));
    expect(crash).not.toBeInstanceOf(ChaincodeError);
    expect(crash.message).toBe('the call tax deedtax:Crash failed with status 500: a bug');
    const text = await failure(readFromContract(ctx(), call('NotJson'), asRecord));
    expect(text.message).toBe('the call tax deedtax:NotJson did not answer JSON');
    const refused = await failure(
      callContract(ctx(), { contract: 'business', fn: 'GetLicense', args: ['x'] }),
    );
    expect(refused).not.toBeInstanceOf(ChaincodeError);
    expect(refused.message).toMatch(/^the call business business:GetLicense was refused: .*not found/);
  });
});
