import { NotFoundError, UnavailableError } from '../common/errors';
import { TransactionLookupService } from './transaction-lookup.service';
import { type LedgerTransaction, type LedgerTransactionReader } from '../ledger/ledger-transactions.port';

const tx: LedgerTransaction = {
  txId: 'a'.repeat(64),
  blockNumber: 42n,
  validationCode: 'VALID',
  timestamp: '2026-03-01T08:00:00.123Z',
  creator: { mspId: 'RegistryMSP', subject: 'registry-clerk', role: 'registry_clerk' },
  endorsers: ['MarketMSP', 'RegistryMSP', 'TaxMSP'],
  writes: new Map([['govtrace', ['\u0000realestate.unit\u0000440184001016GB00009F00800039\u0000']]]),
};

const reader = (found: LedgerTransaction | undefined): LedgerTransactionReader => ({
  find: () => Promise.resolve(found),
});

const LIMITS = { maxConcurrent: 2, maxQueued: 1 };

describe('TransactionLookupService', () => {
  it('answers the transaction with the creator in full to a caller with a token', async () => {
    const caller = { user: 'tax-officer', mspId: 'TaxMSP', role: 'tax_officer' };
    expect(await new TransactionLookupService(reader(tx), LIMITS).transaction(tx.txId, caller)).toEqual({
      txId: tx.txId,
      blockNumber: 42,
      validationCode: 'VALID',
      timestamp: '2026-03-01T08:00:00.123Z',
      creatorMspId: 'RegistryMSP',
      endorsers: ['MarketMSP', 'RegistryMSP', 'TaxMSP'],
      creator: { mspId: 'RegistryMSP', subject: 'registry-clerk', role: 'registry_clerk' },
    });
  });

  it("leaves the creator's name out for an anonymous caller", async () => {
    const answer = await new TransactionLookupService(reader(tx), LIMITS).transaction(tx.txId, undefined);
    expect(answer.creator).toEqual({ mspId: 'RegistryMSP', role: 'registry_clerk' });
  });

  it('answers 404 for a transaction the ledger does not have', async () => {
    await expect(
      new TransactionLookupService(reader(undefined), LIMITS).transaction(tx.txId, undefined),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers 503 beyond its bulkhead (2 reading, 1 waiting), and serves again once reads finish', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: LedgerTransactionReader = { find: () => held.then(() => tx) };
    const service = new TransactionLookupService(slow, LIMITS);
    const admitted = [1, 2, 3].map(() => service.transaction(tx.txId, undefined));
    await expect(service.transaction(tx.txId, undefined)).rejects.toThrow(
      new UnavailableError('Too many transaction look-ups right now; try again in a moment'),
    );
    release();
    expect(await Promise.all(admitted)).toHaveLength(3);
    expect((await service.transaction(tx.txId, undefined)).txId).toBe(tx.txId);
  });
});
