import { status as GrpcStatus } from '@grpc/grpc-js';
import { type BlockEventsOptions } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';

import { testBlock } from '../../test/support/fabric-blocks';
import { gatewayError } from '../../test/support/fabric-errors';
import { ApiError } from '../common/errors';
import { type LedgerBlock } from '../ledger/ledger-events.port';
import { BlockDecodeError } from './block-decode.error';
import { FabricLedgerEventSource } from './fabric-event-source';
import { type GatewayPool } from './gateway-pool';

const txId = (n: number): string => n.toString(16).padStart(64, '0');

/** A block with one valid smoke transaction of ours per entry of `txs` (none: an empty block). */
const block = (blockNumber: number, ...txs: number[]): common.Block =>
  testBlock(
    blockNumber,
    txs.map((n) => ({
      txId: txId(n),
      actions: [{ event: { chaincodeId: 'smoke', eventName: 'SmokeValueWritten', payload: `{"n":${n}}` } }],
    })),
  );

/**
 * A block stream that yields the given blocks, then waits like a live stream until closed; close()
 * makes the pending read fail the way grpc-js reports a cancelled call.
 */
function liveStream(blocks: common.Block[], failWith?: Error) {
  let closed = false;
  let wake: (() => void) | undefined;
  const stream = {
    closeCalls: 0,
    close(): void {
      stream.closeCalls += 1;
      closed = true;
      wake?.();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<common.Block> {
      for (const b of blocks) yield b;
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
  const requests: BlockEventsOptions[] = [];
  const network = {
    getBlockEvents: (options: BlockEventsOptions) => {
      requests.push(options);
      return Promise.resolve(stream);
    },
  };
  const pool = {
    serviceUser: () => Promise.resolve('ledger-reader'),
    network: () => Promise.resolve(network),
  } as unknown as GatewayPool;
  return { source: new FabricLedgerEventSource(pool), requests };
}

/** Reads blocks until the stream ends; `stop` may abort or return true to stop reading. */
async function drain(
  blocks: AsyncIterable<LedgerBlock>,
  stop?: (b: LedgerBlock) => boolean | void,
): Promise<LedgerBlock[]> {
  const seen: LedgerBlock[] = [];
  for await (const b of blocks) {
    seen.push(b);
    if (stop?.(b) === true) break;
  }
  return seen;
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('FabricLedgerEventSource', () => {
  it("starts at block 0 without a checkpoint, else at the checkpoint's block, whatever its kind", async () => {
    const first = sourceWith(liveStream([]));
    const abort = new AbortController();
    abort.abort();
    // an aborted signal ends the stream before it starts
    expect(await drain(first.source.blocks(undefined, abort.signal))).toEqual([]);
    expect(first.requests).toEqual([]);

    for (const [from, startBlock] of [
      [undefined, 0n],
      [{ blockNumber: 7n }, 7n],
      // a transaction checkpoint's block is delivered whole
      [{ blockNumber: 7n, transactionId: 'a' }, 7n],
    ] as const) {
      const { source, requests } = sourceWith(liveStream([block(Number(startBlock))]));
      const stop = new AbortController();
      await drain(source.blocks(from, stop.signal), () => stop.abort());
      expect(requests).toEqual([{ startBlock }]);
    }
  });

  it("yields every block in order, empty ones too, decoded into our chaincode's events", async () => {
    const stream = liveStream([block(5, 1, 2), block(6), block(7, 3)]);
    const { source } = sourceWith(stream);
    const abort = new AbortController();
    const seen: LedgerBlock[] = [];
    const done = (async () => {
      for await (const b of source.blocks(undefined, abort.signal)) seen.push(b);
    })();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.map((b) => [b.blockNumber, b.events.map((e) => e.transactionId)])).toEqual([
      [5n, [txId(1), txId(2)]],
      [6n, []],
      [7n, [txId(3)]],
    ]);
    expect(seen[0]?.events[0]).toMatchObject({
      blockNumber: 5n,
      chaincodeName: 'smoke',
      eventName: 'SmokeValueWritten',
      payload: new Uint8Array(Buffer.from('{"n":1}')),
      origin: { creatorMspId: 'RegistryMSP' },
    });
    abort.abort();
    await expect(done).resolves.toBeUndefined();
    expect(stream.closeCalls).toBeGreaterThan(0);
  });

  it('closes the stream when the consumer stops reading', async () => {
    const stream = liveStream([block(1, 1), block(2, 2)]);
    const { source } = sourceWith(stream);
    await drain(source.blocks(undefined, new AbortController().signal), () => true);
    expect(stream.closeCalls).toBe(1);
  });

  it('reports a broken stream as 503 UNAVAILABLE, so the index can retry', async () => {
    const stream = liveStream([block(1, 1)], gatewayError('query', GrpcStatus.UNAVAILABLE, 'peer went away'));
    const { source } = sourceWith(stream);
    const error = await failureOf(drain(source.blocks(undefined, new AbortController().signal)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(stream.closeCalls).toBe(1);
  });

  it('passes a block it cannot decode on as it is, for the log, and closes the stream', async () => {
    const stream = liveStream([block(1, 1), new common.Block()]);
    const { source } = sourceWith(stream);
    const seen: LedgerBlock[] = [];
    const error = await failureOf(
      drain(source.blocks(undefined, new AbortController().signal), (b) => {
        seen.push(b);
      }),
    );
    expect(error).toBeInstanceOf(BlockDecodeError);
    expect(seen.map((b) => b.blockNumber)).toEqual([1n]);
    expect(stream.closeCalls).toBe(1);
  });
});
