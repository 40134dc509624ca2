import { type ChaincodeEventsOptions, type Checkpoint } from '@hyperledger/fabric-gateway';
import { Injectable } from '@nestjs/common';

import { type EventCheckpoint, type LedgerEvent, type LedgerEventSource } from '../ledger/ledger-events.port';
import { mapFabricError } from './fabric-errors';
import { GatewayPool } from './gateway-pool';
import { Qscc } from './qscc';

/**
 * LedgerEventSource over fabric-gateway's chaincode events, read as the service identity
 * (GatewayPool.serviceUser: FABRIC_SERVICE_USER, else the first enrolled user), whose peer
 * delivers every chaincode event of the channel in ledger order.
 */
@Injectable()
export class FabricLedgerEventSource implements LedgerEventSource {
  constructor(private readonly gateways: GatewayPool) {}

  async *events(after: EventCheckpoint | undefined, signal: AbortSignal): AsyncIterable<LedgerEvent> {
    if (signal.aborted) return;
    const [network, chaincode] = await Promise.all([this.serviceNetwork(), this.gateways.chaincodeName()]);
    const options: ChaincodeEventsOptions =
      after === undefined ? { startBlock: 0n } : { checkpoint: toCheckpoint(after) };
    const stream = await network.getChaincodeEvents(chaincode, options).catch((error: unknown) => {
      throw mapFabricError(error);
    });
    // closing the stream ends the pending read, so an abort stops a listener waiting for the next block
    const close = (): void => stream.close();
    signal.addEventListener('abort', close, { once: true });
    try {
      for await (const event of stream) {
        yield {
          blockNumber: event.blockNumber,
          transactionId: event.transactionId,
          chaincodeName: event.chaincodeName,
          eventName: event.eventName,
          payload: event.payload,
        };
        if (signal.aborted) return;
      }
    } catch (error) {
      if (signal.aborted) return; // the CANCELLED status of our own close
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

/** The port's checkpoint has fabric-gateway's Checkpoint semantics, so it converts one to one. */
export function toCheckpoint(after: EventCheckpoint): Checkpoint {
  return {
    getBlockNumber: () => after.blockNumber,
    getTransactionId: () => after.transactionId,
  };
}
