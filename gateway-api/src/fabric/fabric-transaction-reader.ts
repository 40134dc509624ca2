import { Injectable, Logger } from '@nestjs/common';

import { type LedgerTransaction, type LedgerTransactionReader } from '../ledger/ledger-transactions.port';
import { mapFabricError } from './fabric-errors';
import { GatewayPool } from './gateway-pool';
import { isUnknownTransaction, Qscc } from './qscc';
import { decodeProcessedTransaction } from './transaction-decoder';

/**
 * Reads a transaction back from the ledger with qscc, as the service identity: the answer is the
 * same whoever asks, and public callers (verification proofs) have no identity of their own.
 */
@Injectable()
export class FabricTransactionReader implements LedgerTransactionReader {
  private readonly logger = new Logger(FabricTransactionReader.name);

  constructor(private readonly gateways: GatewayPool) {}

  async find(txId: string): Promise<LedgerTransaction | undefined> {
    let processed: Uint8Array;
    let blockNumber: bigint;
    try {
      const qscc = new Qscc(await this.gateways.network(await this.gateways.serviceUser()));
      [processed, blockNumber] = await Promise.all([
        qscc.processedTransaction(txId),
        qscc.blockNumberOf(txId),
      ]);
    } catch (error) {
      if (isUnknownTransaction(error)) return undefined;
      throw mapFabricError(error);
    }
    try {
      return decodeProcessedTransaction(processed, blockNumber);
    } catch (error) {
      this.logger.error(`Transaction ${txId} could not be decoded: ${String(error)}`);
      throw mapFabricError(error);
    }
  }
}
