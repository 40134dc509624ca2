import { Injectable } from '@nestjs/common';

import { definitionsFor } from '../../../chaincode/src/contract';
import {
  type LedgerBlock,
  type LedgerCheckpoint,
  type LedgerEventSource,
} from '../ledger/ledger-events.port';
import { BlockDecodeError } from './block-decode.error';
import { decodeBlock } from './block-decoder';
import { CreatorRoles } from './creator-roles';
import { mapFabricError } from './fabric-errors';
import { GatewayPool } from './gateway-pool';
import { Qscc } from './qscc';

/**
 * Every definition's events, the smoke fixture's included: which definition may emit which event is
 * the index's trust check (trust-rules.ts), which sets an event from the wrong namespace aside.
 */
const CHAINCODE_NAMES: ReadonlySet<string> = new Set(definitionsFor('test-fixtures').map((d) => d.name));

/**
 * LedgerEventSource over fabric-gateway's block events, read as the service identity
 * (GatewayPool.serviceUser: FABRIC_SERVICE_USER, else the first enrolled user), whose peer delivers
 * every block of the channel in order. Whole blocks rather than chaincode events, so that the index
 * sees the blocks without a govtrace event too (it checkpoints them, and its lag can reach 0), and
 * the creator, endorsers and write set of each event's transaction.
 */
@Injectable()
export class FabricLedgerEventSource implements LedgerEventSource {
  // creators' certificates repeat from block to block; parse each once per process
  readonly #roles = new CreatorRoles();

  constructor(private readonly gateways: GatewayPool) {}

  async *blocks(from: LedgerCheckpoint | undefined, signal: AbortSignal): AsyncIterable<LedgerBlock> {
    if (signal.aborted) return;
    const network = await this.serviceNetwork();
    // a transaction checkpoint's block is read whole: the listener skips what the checkpoint covers
    const stream = await network
      .getBlockEvents({ startBlock: from?.blockNumber ?? 0n })
      .catch((error: unknown) => {
        throw mapFabricError(error);
      });
    // closing the stream ends the pending read, so an abort stops a listener waiting for the next block
    const close = (): void => stream.close();
    signal.addEventListener('abort', close, { once: true });
    try {
      for await (const block of stream) {
        yield decodeBlock(block, CHAINCODE_NAMES, this.#roles);
        if (signal.aborted) return;
      }
    } catch (error) {
      if (signal.aborted) return; // the CANCELLED status of our own close
      // a block we cannot read is our bug, not the network's: keep the error as it is for the log
      if (error instanceof BlockDecodeError) throw error;
      throw mapFabricError(error);
    } finally {
      signal.removeEventListener('abort', close);
      stream.close();
    }
  }

  async blockHeight(): Promise<bigint> {
    try {
      return await new Qscc(await this.serviceNetwork()).height();
    } catch (error) {
      throw mapFabricError(error);
    }
  }

  private async serviceNetwork(): ReturnType<GatewayPool['network']> {
    return this.gateways.network(await this.gateways.serviceUser());
  }
}
