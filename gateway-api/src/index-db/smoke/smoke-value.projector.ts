import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { RecordTypes } from '../../../../chaincode/src/contract';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type Projection, type Projector } from '../projection/projector';
import { ledgerKey } from '../trust/ledger-key';
import { parseSmokeRecord, SMOKE_VALUE_WRITTEN, type SmokeRecord } from './smoke-record';
import { SmokeValueEvent } from './smoke-value-event.entity';
import { SmokeValue } from './smoke-value.entity';

/** The state key the smoke contract's Put writes (chaincode/src/smoke/smoke-contract.ts). */
export function smokeStateKey(record: Pick<SmokeRecord, 'key'>): string {
  return ledgerKey(RecordTypes.Smoke, record.key);
}

/** SmokeValueWritten → the latest value per key (smoke_values) and one row per event (smoke_value_events). */
@Injectable()
export class SmokeValueProjector implements Projector {
  readonly eventName = SMOKE_VALUE_WRITTEN;

  prepare(event: LedgerEvent): Projection {
    const record = parseSmokeRecord(event);
    return { claim: { keys: [smokeStateKey(record)] }, write: (manager) => write(manager, event, record) };
  }
}

async function write(manager: EntityManager, event: LedgerEvent, record: SmokeRecord): Promise<void> {
  const events = manager.getRepository(SmokeValueEvent);
  // a redelivered transaction changes nothing: in particular it must not put an older value back
  if (await events.existsBy({ txId: event.transactionId })) return;
  await events.insert({ txId: event.transactionId, key: record.key, blockNumber: event.blockNumber });
  await manager.upsert(SmokeValue, { ...record, txId: event.transactionId, blockNumber: event.blockNumber }, [
    'key',
  ]);
}
