import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { type Contract } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import { contractOf, type DomainContract } from '../contracts';
import { connectAs, findOrg, type OrgConnection, topology } from '../fabric-client';

// What a refused request must not have changed: the channel (height from qscc GetChainInfo on a peer),
// the dedicated gateway's index (row counts of its SQLite file) and the gateway's own count of
// transactions it submitted that did not fail (its Prometheus counters: exact, whoever else writes).
// Blocks hold the transactions of every chaincode definition, so the height and the blocks read here
// cover all the namespaces at once; a record is read through its contract's home definition.

export interface Observer {
  readonly connection: OrgConnection;
  readonly channel: string;
}

export async function openObserver(mspId = 'MarketMSP'): Promise<Observer> {
  const t = await topology();
  return { connection: connectAs(findOrg(t, mspId)), channel: t.channel };
}

/** The contract `name` in its home definition, as the observer's client sees it. */
export const observedContract = (observer: Observer, name: DomainContract): Contract =>
  contractOf(observer.connection.gateway.getNetwork(observer.channel), name);

export async function chainHeight(observer: Observer): Promise<number> {
  const qscc = observer.connection.gateway.getNetwork(observer.channel).getContract('qscc');
  const info = common.BlockchainInfo.deserializeBinary(
    await qscc.evaluateTransaction('GetChainInfo', observer.channel),
  );
  return info.getHeight();
}

/** Raw bytes of the blocks from `from` (inclusive) to the current height. */
export async function blocksSince(observer: Observer, from: number): Promise<Buffer[]> {
  const qscc = observer.connection.gateway.getNetwork(observer.channel).getContract('qscc');
  const to = await chainHeight(observer);
  const blocks: Buffer[] = [];
  for (let block = from; block < to && blocks.length < 500; block += 1) {
    blocks.push(
      Buffer.from(await qscc.evaluateTransaction('GetBlockByNumber', observer.channel, String(block))),
    );
  }
  return blocks;
}

/** Sum of a Prometheus counter over all its label sets, read from the gateway's /metrics. */
export async function counterTotal(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

/** Transactions the gateway submitted minus those that failed: the writes it made that could commit. */
export async function gatewayWrites(baseUrl: string): Promise<number> {
  const submitted = await counterTotal(baseUrl, 'govtrace_fabric_transactions_submitted_total');
  const failed = await counterTotal(baseUrl, 'govtrace_fabric_transactions_failed_total');
  return submitted - failed;
}

/** Transactions the gateway tried at all (a request refused before Fabric adds none). */
export const gatewayAttempts = (baseUrl: string): Promise<number> =>
  counterTotal(baseUrl, 'govtrace_fabric_transactions_submitted_total');

/** Per table, how many rows have one of `values` in `column` (the tables of INDEX_ROWS). */
export function indexRowsNaming(
  databasePath: string,
  columns: readonly { table: string; column: string }[],
  values: ReadonlySet<string>,
): Record<string, number> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const counts: Record<string, number> = {};
    for (const { table, column } of columns) {
      const rows = db.prepare(`SELECT "${column}" AS value FROM "${table}"`).all() as { value: unknown }[];
      counts[table] = rows.filter((row) => values.has(String(row.value))).length;
    }
    return counts;
  } finally {
    db.close();
  }
}

/**
 * The next block the gateway's index will project, from its checkpoint row (written in the same
 * database transaction as the rows). Only a block checkpoint (no transaction id) says its earlier
 * blocks are complete; a transaction checkpoint, left by an older gateway, or none at all answers
 * undefined.
 */
function indexedUpTo(databasePath: string): number | undefined {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT block_number, transaction_id FROM index_checkpoints WHERE stream = ?')
      .get('chaincode-events') as { block_number: number; transaction_id: string | null } | undefined;
    return row === undefined || row.transaction_id !== null ? undefined : row.block_number;
  } finally {
    db.close();
  }
}

/**
 * Whether the index has projected everything: its block checkpoint has reached the channel's height,
 * so every block, those without a govtrace event included (the lifecycle blocks of a fresh network,
 * an invalidated transaction at the tip), has been read.
 */
async function indexCaughtUp(observer: Observer, databasePath: string): Promise<boolean> {
  const height = await chainHeight(observer);
  const next = indexedUpTo(databasePath);
  return next !== undefined && next >= height;
}

/** Waits (at most `ms`) until the index has caught up with the channel; false if it did not. */
export async function waitForIndex(observer: Observer, databasePath: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await indexCaughtUp(observer, databasePath)) return true;
    await sleep(250);
  }
  return false;
}

export interface Snapshot {
  readonly height: number;
  readonly writes: number;
}

/** Waits up to `indexWaitMs` for the index to catch up, then records the height and our writes. */
export async function snapshot(
  observer: Observer,
  baseUrl: string,
  databasePath: string,
  indexWaitMs: number,
): Promise<Snapshot> {
  if (!(await waitForIndex(observer, databasePath, indexWaitMs))) {
    throw new Error(
      `the index at ${databasePath} did not catch up with the channel within ${indexWaitMs} ms`,
    );
  }
  return {
    height: await chainHeight(observer),
    writes: await gatewayWrites(baseUrl),
  };
}

/** Each transaction in the blocks from `from` to the current height: its id and envelope bytes. */
export async function transactionsSince(
  observer: Observer,
  from: number,
): Promise<{ txId: string; bytes: Buffer }[]> {
  const transactions: { txId: string; bytes: Buffer }[] = [];
  for (const block of await blocksSince(observer, from)) {
    for (const envelope of common.Block.deserializeBinary(block).getData()?.getDataList_asU8() ?? []) {
      const payload = common.Payload.deserializeBinary(
        common.Envelope.deserializeBinary(envelope).getPayload_asU8(),
      );
      const header = payload.getHeader();
      if (!header) continue;
      const txId = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8()).getTxId();
      transactions.push({ txId, bytes: Buffer.from(envelope) });
    }
  }
  return transactions;
}
