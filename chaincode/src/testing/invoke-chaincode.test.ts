// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import './quiet-logs';
// Context must be a value import: fabric-contract-api recognises the context parameter by its runtime type.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { Roles } from '../common/access';
import { NotFoundError, parseChaincodeErrorMessage } from '../common/errors';
import { InMemoryLedger } from './in-memory-ledger';
import { identityForRole } from './test-identity';

const identity = identityForRole(Roles.TaxOfficer, 'officer-9');
const text = (bytes: Uint8Array | undefined): string =>
  Buffer.from(bytes ?? new Uint8Array(0)).toString('utf8');

@Info({ title: 'NotesContract', description: 'test contract: plain keys in its own namespace' })
class NotesContract extends Contract {
  constructor() {
    super('notes');
  }

  @Transaction(false)
  @Returns('string')
  async Read(ctx: Context, key: string): Promise<string> {
    const value = await ctx.stub.getState(key);
    if (value.length === 0) throw new NotFoundError(`note ${key} not found`);
    return text(value);
  }

  @Transaction()
  @Returns('string')
  async Write(ctx: Context, key: string, value: string): Promise<string> {
    await ctx.stub.putState(key, Buffer.from(value));
    return value;
  }

  /** What the callee knows of the transaction: submitter, transient data, id and time. */
  @Transaction(false)
  @Returns('string')
  async Describe(ctx: Context): Promise<string> {
    return Promise.resolve(
      JSON.stringify({
        msp: ctx.clientIdentity.getMSPID(),
        secret: text(ctx.stub.getTransient().get('secret')),
        txId: ctx.stub.getTxID(),
        at: ctx.stub.getDateTimestamp().toISOString(),
      }),
    );
  }

  /** Calls back into `relay`, which called it: the peer refuses a chaincode entered twice. */
  @Transaction(false)
  @Returns('string')
  async CallRelay(ctx: Context): Promise<string> {
    const response = await ctx.stub.invokeChaincode('relay', ['relay:Echo', 'again'], '');
    return text(response.payload);
  }
}

@Info({ title: 'RelayContract', description: 'test contract: calls notes' })
class RelayContract extends Contract {
  constructor() {
    super('relay');
  }

  @Transaction(false)
  @Returns('string')
  async Echo(_ctx: Context, value: string): Promise<string> {
    return Promise.resolve(value);
  }
}

function channel(): InMemoryLedger {
  return new InMemoryLedger({
    chaincodeName: 'relay',
    chaincodes: { notes: { contracts: [NotesContract] }, relay: { contracts: [RelayContract] } },
  });
}

async function seedNote(ledger: InMemoryLedger, key: string, value: string): Promise<void> {
  const tx = ledger.newTransaction({ identity, chaincodeName: 'notes' });
  await tx.putState(key, Buffer.from(value));
  expect(tx.commit().validationCode).toBe('VALID');
}

describe('InMemoryStub.invokeChaincode', () => {
  it("answers with the callee's response, read from the callee's own namespace", async () => {
    const ledger = channel();
    await seedNote(ledger, 'k', 'in notes');
    const caller = ledger.newTransaction({ identity });
    await caller.putState('k', Buffer.from('in relay'));
    const response = await caller.invokeChaincode('notes', ['notes:Read', 'k'], '');
    expect({ status: response.status, payload: text(response.payload) }).toEqual({
      status: 200,
      payload: 'in notes',
    });
    expect(caller.commit().validationCode).toBe('VALID');
    expect(text(ledger.getState('k'))).toBe('in relay');
    expect(text(ledger.getState('k', 'notes'))).toBe('in notes');
  });

  it("answers a callee's thrown error as status 500 carrying the error's wire message", async () => {
    const caller = channel().newTransaction({ identity });
    const response = await caller.invokeChaincode('notes', ['notes:Read', 'absent'], '');
    expect(response.status).toBe(500);
    expect(parseChaincodeErrorMessage(response.message ?? '')).toEqual({
      code: 'NOT_FOUND',
      message: 'note absent not found',
      details: [],
    });
  });

  it("puts the callee's reads in the transaction's read set: a change before commit is an MVCC conflict", async () => {
    const ledger = channel();
    await seedNote(ledger, 'k', 'v1');
    const caller = ledger.newTransaction({ identity });
    await caller.invokeChaincode('notes', ['notes:Read', 'k'], '');
    await seedNote(ledger, 'k', 'v2');
    expect(caller.commit().validationCode).toBe('MVCC_READ_CONFLICT');
  });

  it("writes the callee's writes to its namespace, listed under its name", async () => {
    const ledger = channel();
    const caller = ledger.newTransaction({ identity });
    expect((await caller.invokeChaincode('notes', ['notes:Write', 'k', 'v'], '')).status).toBe(200);
    expect(caller.pendingWrites()).toEqual([
      { chaincodeName: 'notes', namespace: '', key: 'k', value: Buffer.from('v') },
    ]);
    caller.commit();
    expect(text(ledger.getState('k', 'notes'))).toBe('v');
    expect(ledger.getState('k')).toBeUndefined();
    expect(ledger.namespaces).toEqual(['notes']);
  });

  it('gives the callee the same submitter, transient data, transaction id and time', async () => {
    const caller = channel().newTransaction({
      identity,
      transient: { secret: 's3' },
      timestamp: '2026-04-01T08:00:00.000Z',
    });
    caller.setTxTimestamp('2026-04-01T09:00:00.000Z');
    const answer = await caller.invokeChaincode('notes', ['notes:Describe'], '');
    expect(JSON.parse(text(answer.payload))).toEqual({
      msp: 'TaxMSP',
      secret: 's3',
      txId: caller.getTxID(),
      at: '2026-04-01T09:00:00.000Z',
    });
  });

  it('throws what the peer refuses: an undefined chaincode, a chaincode already on the call stack', async () => {
    const caller = channel().newTransaction({ identity });
    await expect(caller.invokeChaincode('missing', ['x:Y'], '')).rejects.toThrow(
      /chaincode definition for 'missing' not found/,
    );
    await expect(caller.invokeChaincode('relay', ['relay:Echo', 'x'], '')).rejects.toThrow(/exists/);
    const nested = await caller.invokeChaincode('notes', ['notes:CallRelay'], '');
    expect(nested.status).toBe(500);
    expect(nested.message).toMatch(/txid: .*exists/);
    await expect(caller.invokeChaincode('relay', ['x:Y'], 'otherchannel')).rejects.toThrow(
      /not supported by the in-memory stub/,
    );
  });

  it('lets only the calling transaction commit', async () => {
    const ledger = new InMemoryLedger({ chaincodes: { relay: { contracts: [RelayContract] } } });
    const caller = ledger.newTransaction({ identity });
    let callee: { commit(): unknown } | undefined;
    jest.spyOn(RelayContract.prototype, 'Echo').mockImplementationOnce(async (ctx: Context) => {
      callee = ctx.stub as unknown as { commit(): unknown };
      return Promise.resolve('');
    });
    await caller.invokeChaincode('relay', ['relay:Echo', 'x'], '');
    expect(() => callee?.commit()).toThrow(/only the caller commits/);
    expect(caller.commit().validationCode).toBe('VALID');
  });

  it('answers an unknown function with status 500, as the contract router does', async () => {
    const response = await channel()
      .newTransaction({ identity })
      .invokeChaincode('notes', ['notes:Nope'], '');
    expect(response.status).toBe(500);
    expect(response.message).toMatch(/Nope/);
  });
});
