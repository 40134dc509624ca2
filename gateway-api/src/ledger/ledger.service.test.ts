import { NotFoundError } from '../common/errors';
import { LedgerService } from './ledger.service';
import { type LedgerTransaction, type LedgerTransactionReader } from './ledger-transactions.port';

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

describe('LedgerService', () => {
  it('answers the transaction with the creator in full to a caller with a token', async () => {
    const caller = { user: 'tax-officer', mspId: 'TaxMSP', role: 'tax_officer' };
    expect(await new LedgerService(reader(tx)).transaction(tx.txId, caller)).toEqual({
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
    const answer = await new LedgerService(reader(tx)).transaction(tx.txId, undefined);
    expect(answer.creator).toEqual({ mspId: 'RegistryMSP', role: 'registry_clerk' });
  });

  it('answers 404 for a transaction the ledger does not have', async () => {
    await expect(new LedgerService(reader(undefined)).transaction(tx.txId, undefined)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
