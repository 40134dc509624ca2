import { type ValueTransformer } from 'typeorm';

/**
 * Block numbers are `bigint` in the ledger port and BIGINT columns in the database (PostgreSQL int8,
 * SQLite INTEGER: both signed 64-bit). Written as decimal strings, which both drivers bind into an
 * integer column exactly; read back from what each driver returns: pg gives int8 as a string,
 * better-sqlite3 as a JS number, exact up to 2^53 (far beyond any block height).
 */
export const bigintTransformer: ValueTransformer = {
  to: (value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value),
  from: (value: unknown): unknown =>
    typeof value === 'string' || typeof value === 'number' ? BigInt(value) : value,
};
