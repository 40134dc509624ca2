import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { type Projector } from '../projection/projector';
import { parseSmokeRecord, SMOKE_VALUE_WRITTEN } from './smoke-record';
import { SmokeValueEvent } from './smoke-value-event.entity';
import { SmokeValue } from './smoke-value.entity';

/** SmokeValueWritten → the latest value per key (smoke_values) and one row per event (smoke_value_events). */
@Injectable()
export class SmokeValueProjector implements Projector {
  readonly eventName = SMOKE_VALUE_WRITTEN;

  async project(manager: EntityManager, event: LedgerEvent): Promise<void> {
    const record = parseSmokeRecord(event);
    const events = manager.getRepository(SmokeValueEvent);
    // a redelivered transaction changes nothing: in particular it must not put an older value back
    if (await events.existsBy({ txId: event.transactionId })) return;
    await events.insert({ txId: event.transactionId, key: record.key, blockNumber: event.blockNumber });
    await manager.upsert(
      SmokeValue,
      { ...record, txId: event.transactionId, blockNumber: event.blockNumber },
      ['key'],
    );
  }
}
