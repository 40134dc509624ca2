import { Inject, Injectable } from '@nestjs/common';

import { type Principal } from '../auth/principal';
import { NotFoundError } from '../common/errors';
import { type LedgerTransactionResponse } from './ledger.dto';
import { LEDGER_TRANSACTION_READER, type LedgerTransactionReader } from './ledger-transactions.port';

@Injectable()
export class LedgerService {
  constructor(@Inject(LEDGER_TRANSACTION_READER) private readonly reader: LedgerTransactionReader) {}

  /**
   * A transaction as the ledger recorded it. Anyone may look one up (verification answers point
   * here); the creator's certificate name, a staff member's enrolment id, only goes to callers with
   * a token.
   */
  async transaction(txId: string, caller: Principal | undefined): Promise<LedgerTransactionResponse> {
    const tx = await this.reader.find(txId);
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
