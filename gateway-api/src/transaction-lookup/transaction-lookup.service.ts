import { Inject, Injectable } from '@nestjs/common';

import { type Principal } from '../auth/principal';
import { NotFoundError } from '../common/errors';
import { ReadLimiter } from '../common/read-limiter';
import { type LedgerTransactionResponse } from './transaction-lookup.dto';
import { LEDGER_TRANSACTION_READER, type LedgerTransactionReader } from '../ledger/ledger-transactions.port';

/** How many public transaction look-ups may read at once, and wait (VERIFY_MAX_*_READS). */
export interface LedgerLookupLimits {
  readonly maxConcurrent: number;
  readonly maxQueued: number;
}

export const LEDGER_LOOKUP_LIMITS = Symbol('LedgerLookupLimits');

@Injectable()
export class TransactionLookupService {
  // the look-up is public and each one is a qscc block read: a bulkhead of its own, so a flood of
  // look-ups answers 503 instead of queueing without bound or crowding out the verification reads
  readonly #limiter: ReadLimiter;

  constructor(
    @Inject(LEDGER_TRANSACTION_READER) private readonly reader: LedgerTransactionReader,
    @Inject(LEDGER_LOOKUP_LIMITS) limits: LedgerLookupLimits,
  ) {
    this.#limiter = new ReadLimiter(limits.maxConcurrent, limits.maxQueued, 'transaction look-ups');
  }

  /**
   * A transaction as the ledger recorded it. Anyone may look one up (verification answers point
   * here); the creator's certificate name, a staff member's enrolment id, only goes to callers with
   * a token.
   */
  async transaction(txId: string, caller: Principal | undefined): Promise<LedgerTransactionResponse> {
    const tx = await this.#limiter.run(() => this.reader.find(txId));
    if (tx === undefined) throw new NotFoundError(`No transaction ${txId} on the ledger`);
    const { mspId, subject, role } = tx.creator;
    return {
      txId: tx.txId,
      blockNumber: Number(tx.blockNumber),
      validationCode: tx.validationCode,
      timestamp: tx.timestamp,
      creatorMspId: mspId,
      endorsers: [...tx.endorsers],
      creator: {
        mspId,
        ...(caller !== undefined && subject !== undefined && { subject }),
        ...(role !== undefined && { role }),
      },
    };
  }
}
