import { Transactions } from '../../../chaincode/src/contract';
import { setTimeout as sleep } from 'node:timers/promises';

import { type Contract } from '@hyperledger/fabric-gateway';
import Database from 'better-sqlite3';

interface BagEvent {
  readonly step: string;
  readonly txId: string;
  readonly weightGrams?: number;
}

async function collectedEvents(waste: Contract, barcode: string): Promise<BagEvent[]> {
  const bag = JSON.parse(
    Buffer.from(await waste.evaluateTransaction(Transactions.waste.GetBag, barcode)).toString(),
  ) as {
    events: BagEvent[];
  };
  return bag.events.filter((event) => event.step === 'COLLECTED');
}

/** Barcodes whose bag the ledger does not show collected exactly once, with the count it shows. */
export async function notCollectedExactlyOnce(
  waste: Contract,
  barcodes: readonly string[],
): Promise<[string, number][]> {
  const wrong: [string, number][] = [];
  for (const barcode of barcodes) {
    const times = (await collectedEvents(waste, barcode)).length;
    if (times !== 1) wrong.push([barcode, times]);
  }
  return wrong;
}

export interface IndexComparison {
  readonly indexed: number;
  /** Sampled barcodes whose index row differs from the ledger's COLLECTED event. */
  readonly mismatches: readonly { barcode: string; index: unknown; ledger: unknown }[];
}

/**
 * Reads the gateway's SQLite index directly (read-only): waits up to `waitMs` for it to hold
 * `expected` scans of the station, then compares a sample of rows with the ledger.
 */
export async function compareIndexWithLedger(
  options: { databasePath: string; stationId: string; expected: number; waitMs: number },
  waste: Contract,
  sample: readonly string[],
): Promise<IndexComparison> {
  const db = new Database(options.databasePath, { readonly: true, fileMustExist: true });
  try {
    const count = (): number =>
      (
        db.prepare('SELECT COUNT(*) AS n FROM waste_scans WHERE station_id = ?').get(options.stationId) as {
          n: number;
        }
      ).n;
    const deadline = Date.now() + options.waitMs;
    while (count() !== options.expected && Date.now() < deadline) await sleep(500);
    const mismatches: { barcode: string; index: unknown; ledger: unknown }[] = [];
    const row = db.prepare(
      'SELECT tx_id AS txId, weight_grams AS weightGrams FROM waste_scans WHERE barcode = ?',
    );
    for (const barcode of sample) {
      const index = row.get(barcode) as { txId: string; weightGrams: number } | undefined;
      const [collected] = await collectedEvents(waste, barcode);
      const ledger = { txId: collected?.txId, weightGrams: collected?.weightGrams };
      if (index === undefined || index.txId !== ledger.txId || index.weightGrams !== ledger.weightGrams) {
        mismatches.push({ barcode, index, ledger });
      }
    }
    return { indexed: count(), mismatches };
  } finally {
    db.close();
  }
}
