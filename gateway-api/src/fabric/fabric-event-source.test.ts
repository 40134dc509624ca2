import { status as GrpcStatus } from '@grpc/grpc-js';
import { type ChaincodeEvent, type ChaincodeEventsOptions } from '@hyperledger/fabric-gateway';

import { gatewayError } from '../../test/support/fabric-errors';
import { ApiError } from '../common/errors';
import { type LedgerEvent } from '../ledger/ledger-events.port';
import { FabricLedgerEventSource, toCheckpoint } from './fabric-event-source';
import { type GatewayPool } from './gateway-pool';

const event = (block: number, tx: string): ChaincodeEvent => ({
  blockNumber: BigInt(block),
  transactionId: tx,
  chaincodeName: 'govtrace',
  eventName: 'SmokeValueWritten',
  payload: Buffer.from(`{"tx":"${tx}"}`),
});

/**
 * A chaincode event stream that yields the given events, then waits like a live stream until
 * closed; close() makes the pending read fail the way grpc-js reports a cancelled call.
 */
function liveStream(events: ChaincodeEvent[], failWith?: Error) {
  let closed = false;
  let wake: (() => void) | undefined;
  const stream = {
    closeCalls: 0,
    close(): void {
      stream.closeCalls += 1;
      closed = true;
      wake?.();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<ChaincodeEvent> {
      for (const e of events) yield e;
      if (failWith) throw failWith;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (closed) resolve();
      });
      throw gatewayError('query', GrpcStatus.CANCELLED, 'Cancelled on client');
    },
  };
  return stream;
}

function sourceWith(stream: ReturnType<typeof liveStream>) {
  const requests: { chaincode: string; options: ChaincodeEventsOptions }[] = [];
  const network = {
    getChaincodeEvents: (chaincode: string, options: ChaincodeEventsOptions) => {
      requests.push({ chaincode, options });
      return Promise.resolve(stream);
    },
  };
  const pool = {
    serviceUser: () => Promise.resolve('ledger-reader'),
    network: () => Promise.resolve(network),
    chaincodeName: () => Promise.resolve('govtrace'),
  } as unknown as GatewayPool;
  return { source: new FabricLedgerEventSource(pool), requests };
}

/** Reads events until the stream ends; `stop` may abort or return true to stop reading. */
async function drain(
  events: AsyncIterable<LedgerEvent>,
  stop?: (e: LedgerEvent) => boolean | void,
): Promise<LedgerEvent[]> {
  const seen: LedgerEvent[] = [];
  for await (const e of events) {
    seen.push(e);
    if (stop?.(e) === true) break;
  }
  return seen;
}

describe('FabricLedgerEventSource', () => {
  it('starts at block 0 without a checkpoint and resumes from one otherwise', async () => {
    const first = sourceWith(liveStream([]));
    const abort = new AbortController();
    abort.abort();
    // an aborted signal ends the stream before it starts
    expect(await drain(first.source.events(undefined, abort.signal))).toEqual([]);
    expect(first.requests).toEqual([]);

    const stream = liveStream([event(7, 'b')]);
    const second = sourceWith(stream);
    const stop = new AbortController();
    await drain(second.source.events({ blockNumber: 7n, transactionId: 'a' }, stop.signal), () =>
      stop.abort(),
    );
    const [request] = second.requests;
    expect(request?.chaincode).toBe('govtrace');
    expect(request?.options.checkpoint?.getBlockNumber()).toBe(7n);
    expect(request?.options.checkpoint?.getTransactionId()).toBe('a');

    const third = sourceWith(liveStream([event(0, 'x')]));
    const end = new AbortController();
    await drain(third.source.events(undefined, end.signal), () => end.abort());
    expect(third.requests[0]?.options).toEqual({ startBlock: 0n });
  });

  it('yields the events in order and ends, closing the stream, when the signal aborts while waiting', async () => {
    const stream = liveStream([event(5, 'tx1'), event(6, 'tx2')]);
    const { source } = sourceWith(stream);
    const abort = new AbortController();
    const seen: LedgerEvent[] = [];
    const done = (async () => {
      for await (const e of source.events(undefined, abort.signal)) seen.push(e);
    })();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.map((e) => e.transactionId)).toEqual(['tx1', 'tx2']);
    abort.abort();
    await expect(done).resolves.toBeUndefined();
    expect(stream.closeCalls).toBeGreaterThan(0);
    expect(seen[0]).toEqual({
      blockNumber: 5n,
      transactionId: 'tx1',
      chaincodeName: 'govtrace',
      eventName: 'SmokeValueWritten',
      payload: Buffer.from('{"tx":"tx1"}'),
    });
  });

  it('closes the stream when the consumer stops reading', async () => {
    const stream = liveStream([event(1, 'a'), event(2, 'b')]);
    const { source } = sourceWith(stream);
    await drain(source.events(undefined, new AbortController().signal), () => true);
    expect(stream.closeCalls).toBe(1);
  });

  it('reports a broken stream as 503 UNAVAILABLE, so the index can retry', async () => {
    const stream = liveStream(
      [event(1, 'a')],
      gatewayError('query', GrpcStatus.UNAVAILABLE, 'peer went away'),
    );
    const { source } = sourceWith(stream);
    const error: unknown = await drain(source.events(undefined, new AbortController().signal)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(stream.closeCalls).toBe(1);
  });
});

describe('toCheckpoint', () => {
  it("has fabric-gateway's Checkpoint semantics: block to start at, last transaction done in it", () => {
    const checkpoint = toCheckpoint({ blockNumber: 12n });
    expect(checkpoint.getBlockNumber()).toBe(12n);
    expect(checkpoint.getTransactionId()).toBeUndefined();
  });
});
