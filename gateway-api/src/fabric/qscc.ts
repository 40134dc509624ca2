import { type CallOptions } from '@grpc/grpc-js';
import { GatewayError, type Network } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';

/**
 * Queries of the peer's system chaincode qscc (ledger information). Every call is evaluated on the
 * peer of the identity the network belongs to, so the answer is that peer's view of the channel.
 */
export class Qscc {
  constructor(private readonly network: Network) {}

  /** The channel's block height: the number of the next block to be committed. */
  async height(options?: CallOptions): Promise<bigint> {
    const bytes = await this.query('GetChainInfo', [this.network.getName()], options);
    return BigInt(common.BlockchainInfo.deserializeBinary(bytes).getHeight());
  }

  /** A serialised peer.ProcessedTransaction (envelope and validation code). */
  processedTransaction(txId: string): Promise<Uint8Array> {
    return this.query('GetTransactionByID', [this.network.getName(), txId]);
  }

  /** The number of the block that holds the transaction (qscc answers the whole block). */
  async blockNumberOf(txId: string): Promise<bigint> {
    const block = common.Block.deserializeBinary(await this.blockBytesOf(txId));
    const header = block.getHeader();
    if (header === undefined) throw new Error(`qscc answered a block without a header for ${txId}`);
    return BigInt(header.getNumber());
  }

  /** The serialised common.Block that holds the transaction. */
  blockBytesOf(txId: string): Promise<Uint8Array> {
    return this.query('GetBlockByTxID', [this.network.getName(), txId]);
  }

  /** The serialised common.Block with this number. */
  blockBytesAt(blockNumber: bigint): Promise<Uint8Array> {
    return this.query('GetBlockByNumber', [this.network.getName(), blockNumber.toString()]);
  }

  private query(name: string, args: string[], options?: CallOptions): Promise<Uint8Array> {
    return this.network.getContract('qscc').newProposal(name, { arguments: args }).evaluate(options);
  }
}

/**
 * qscc has no error codes: an unknown transaction id is a failed query whose text says "no such
 * transaction ID". This is the only place that reads it.
 */
export function isUnknownTransaction(error: unknown): boolean {
  return (
    error instanceof GatewayError &&
    [error.message, ...error.details.map((d) => d.message)].some((m) => m.includes('no such transaction ID'))
  );
}
