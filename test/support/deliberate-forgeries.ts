import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { networkPath } from '../../scripts/src';

// The transactions a test committed VALID on purpose although no genuine department wrote them (only
// possible while a test relaxes a definition's policy: test/e2e/relaxed-policy.e2e.ts). They stay on
// the channel for good, so an index read from block 0 afterwards rightly quarantines them; the
// suites that check a fresh index sets nothing aside subtract exactly these, by transaction id, and
// still fail on any other quarantined event. Kept with the network, so a new network starts empty.

const file = (): string => networkPath('deliberate-forgeries.json');

export function deliberateForgeries(): Set<string> {
  if (!existsSync(file())) return new Set();
  return new Set(JSON.parse(readFileSync(file(), 'utf8')) as string[]);
}

export function recordDeliberateForgery(txId: string): void {
  writeFileSync(file(), `${JSON.stringify([...deliberateForgeries(), txId])}\n`);
}

export interface QuarantinedRow {
  readonly transactionId: string;
  readonly eventName: string;
  readonly reasonCode: string;
}

/** Every event a gateway's SQLite index set aside (its index_quarantine table). */
export function quarantinedRows(sqliteFile: string): QuarantinedRow[] {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT transaction_id AS transactionId, event_name AS eventName, reason_code AS reasonCode FROM index_quarantine ORDER BY block_number',
      )
      .all() as QuarantinedRow[];
  } finally {
    db.close();
  }
}

/** The quarantined events that are not deliberate forgeries: a genuine write set aside is a bug. */
export function unexpectedQuarantine(sqliteFile: string): QuarantinedRow[] {
  const deliberate = deliberateForgeries();
  return quarantinedRows(sqliteFile).filter((row) => !deliberate.has(row.transactionId));
}
