import { type EntityManager } from 'typeorm';

import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { IndexQuarantinedEvent } from './index-quarantined-event.entity';
import { QUARANTINE_REASON_CODES, type QuarantineReason } from './quarantine-reasons';

/**
 * Enough for any payload our chaincode emits but the largest batches (a 1000-scan event is about
 * 300 KiB); the block, which the row names, always has the whole payload.
 */
export const MAX_QUARANTINED_PAYLOAD_BYTES = 256 * 1024;

/** A reason is a few problems; a parser that quotes the payload back must not fill the row. */
export const MAX_REASON_CHARS = 2000;

/** The row that sets `event` aside. */
export function quarantineRow(
  event: LedgerEvent,
  reasonCode: QuarantineReason,
  reason: string,
  now: Date = new Date(),
): IndexQuarantinedEvent {
  const { payload } = event;
  const kept = Buffer.from(
    payload.buffer,
    payload.byteOffset,
    Math.min(payload.byteLength, MAX_QUARANTINED_PAYLOAD_BYTES),
  );
  return {
    transactionId: event.transactionId,
    eventName: event.eventName,
    blockNumber: event.blockNumber,
    chaincode: event.chaincodeName,
    reasonCode,
    reason: storableText(reason),
    payloadBase64: kept.toString('base64'),
    payloadSize: payload.byteLength,
    quarantinedAt: now.toISOString(),
  };
}

/**
 * Stores the row in the listener's transaction. INSERT … ON CONFLICT DO NOTHING (SQLite: INSERT OR
 * IGNORE): a block projected again (after an older gateway's transaction checkpoint) quarantines
 * the same event again, and its first row stands.
 */
export async function quarantineEvent(manager: EntityManager, row: IndexQuarantinedEvent): Promise<void> {
  await manager.createQueryBuilder().insert().into(IndexQuarantinedEvent).values(row).orIgnore().execute();
}

/**
 * Quarantined events by reason code: every code this gateway knows (0 when it has none, so a metric
 * exists before the first event is set aside), and any other code a newer gateway stored.
 */
export async function countQuarantined(manager: EntityManager): Promise<Map<string, number>> {
  const rows = await manager
    .getRepository(IndexQuarantinedEvent)
    .createQueryBuilder('q')
    .select('q.reasonCode', 'reasonCode')
    .addSelect('COUNT(*)', 'count')
    .groupBy('q.reasonCode')
    .getRawMany<{ reasonCode: string; count: string | number }>();
  const counts = new Map<string, number>(QUARANTINE_REASON_CODES.map((code) => [code, 0]));
  for (const row of rows) counts.set(row.reasonCode, Number(row.count));
  return counts;
}

/**
 * Cut to MAX_REASON_CHARS code points, NUL replaced: a parser's message may quote payload text, and
 * PostgreSQL text cannot hold U+0000 (the insert would fail, and the block with it, for ever).
 */
function storableText(text: string): string {
  const points = [...text];
  const cut = points.length > MAX_REASON_CHARS ? `${points.slice(0, MAX_REASON_CHARS - 1).join('')}…` : text;
  return cut.replaceAll('\u0000', '\uFFFD');
}
