import { type EntityManager } from 'typeorm';

import { recordKey, RecordTypes } from '../../../../chaincode/src/contract';

import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from '../projection/malformed-event.error';
import { SmokeValueEvent } from './smoke-value-event.entity';
import { SmokeValue } from './smoke-value.entity';
import { SmokeValueProjector } from './smoke-value.projector';
import { chaincodeKeyContext } from '../trust/testing/chaincode-key-context';

// What the projector asks of the database; the real statements run in test/index-listener.spec.ts.
function fakeManager(knownTxIds: string[] = []) {
  const inserted: unknown[] = [];
  const upserted: { target: unknown; values: unknown; conflict: unknown }[] = [];
  const repository = {
    existsBy: ({ txId }: { txId: string }) => Promise.resolve(knownTxIds.includes(txId)),
    insert: (row: unknown) => {
      inserted.push(row);
      return Promise.resolve();
    },
  };
  const manager = {
    getRepository: (target: unknown) => {
      expect(target).toBe(SmokeValueEvent);
      return repository;
    },
    upsert: (target: unknown, values: unknown, conflict: unknown) => {
      upserted.push({ target, values, conflict });
      return Promise.resolve();
    },
  } as unknown as EntityManager;
  return { manager, inserted, upserted };
}

const event: LedgerEvent = {
  blockNumber: 12n,
  transactionId: 'tx-12-0',
  chaincodeName: 'govtrace',
  eventName: 'SmokeValueWritten',
  payload: new TextEncoder().encode(
    '{"key":"k","updatedAt":"2026-03-01T08:00:00.000Z","updatedBy":"UrbanMSP","value":"v"}',
  ),
};

describe('SmokeValueProjector', () => {
  const projector = new SmokeValueProjector();

  it('handles SmokeValueWritten', () => {
    expect(projector.eventName).toBe('SmokeValueWritten');
  });

  it("claims the key the smoke contract writes: Fabric's composite key of type smoke", () => {
    expect(projector.prepare(event).claim).toEqual({
      // as the smoke contract's Put keys it
      keys: [recordKey(chaincodeKeyContext, RecordTypes.Smoke, 'k')],
    });
  });

  it('appends the event row and upserts the value by key', async () => {
    const { manager, inserted, upserted } = fakeManager();
    await projector.prepare(event).write(manager);
    expect(inserted).toEqual([{ txId: 'tx-12-0', key: 'k', blockNumber: 12n }]);
    expect(upserted).toEqual([
      {
        target: SmokeValue,
        values: {
          key: 'k',
          value: 'v',
          updatedAt: '2026-03-01T08:00:00.000Z',
          updatedBy: 'UrbanMSP',
          txId: 'tx-12-0',
          blockNumber: 12n,
        },
        conflict: ['key'],
      },
    ]);
  });

  it('changes nothing for a transaction it has projected before', async () => {
    const { manager, inserted, upserted } = fakeManager(['tx-12-0']);
    await projector.prepare(event).write(manager);
    expect(inserted).toEqual([]);
    expect(upserted).toEqual([]);
  });

  it('refuses a malformed payload while reading it, before any write can start', () => {
    expect(() => projector.prepare({ ...event, payload: new TextEncoder().encode('{"key":"k"}') })).toThrow(
      MalformedEventError,
    );
  });
});
