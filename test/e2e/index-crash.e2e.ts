import { Transactions } from '../../chaincode/src/contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { startPostgres, type RunningPostgres } from '../../gateway-api/test/support';
import { contractOf } from '../support/contracts';
import { connectAs, findOrg, type OrgConnection, topology } from '../support/fabric-client';
import { type GatewayProcess, indexCaughtUp, startGateway } from '../support/gateway-process';

// The index is a projection of the chaincode events of each block, whose block
// checkpoint is written in the same database transaction as the block's rows.
// Kill the gateway with SIGKILL while events stream in, restart it, and every
// event must be projected exactly once — on the embedded SQLite index and on
// PostgreSQL.

interface IndexDatabase {
  readonly env: NodeJS.ProcessEnv;
  /** tx ids of projected smoke events for keys starting with `prefix`, one entry per row. */
  projectedTxIds(prefix: string): Promise<string[]>;
  close(): Promise<void>;
}

function sqliteIndex(): Promise<IndexDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-crash-sqlite-'));
  const file = path.join(dir, 'index.sqlite');
  return Promise.resolve({
    env: { DATABASE_TYPE: 'sqlite', DATABASE_PATH: file },
    projectedTxIds(prefix) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const rows = db
          .prepare('SELECT tx_id FROM smoke_value_events WHERE key LIKE ?')
          .all(`${prefix}%`) as {
          tx_id: string;
        }[];
        return Promise.resolve(rows.map((row) => row.tx_id));
      } finally {
        db.close();
      }
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
}

async function postgresIndex(): Promise<IndexDatabase> {
  const server: RunningPostgres = await startPostgres();
  return {
    env: { DATABASE_TYPE: 'postgres', DATABASE_URL: server.url },
    async projectedTxIds(prefix) {
      const client = new Client({ connectionString: server.url });
      await client.connect();
      try {
        const result = await client.query<{ tx_id: string }>(
          'SELECT tx_id FROM smoke_value_events WHERE key LIKE $1',
          [`${prefix}%`],
        );
        return result.rows.map((row) => row.tx_id);
      } finally {
        await client.end();
      }
    },
    close: () => server.stop(),
  };
}

describe.each([
  ['SQLite', sqliteIndex],
  ['PostgreSQL', postgresIndex],
])('index survives SIGKILL of the gateway (%s)', (_name, openIndex) => {
  let index: IndexDatabase;
  let writer: OrgConnection;
  let channel: string;
  const gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    const t = await topology();
    channel = t.channel;
    writer = connectAs(findOrg(t, 'RegistryMSP'));
    index = await openIndex();
  }, 180_000);

  afterAll(async () => {
    for (const gateway of gateways) await gateway.kill('SIGKILL');
    writer?.close();
    await index?.close();
  });

  it('projects each event exactly once across two SIGKILLs', async () => {
    const prefix = `crash-${Date.now()}-`;
    const contract = contractOf(writer.gateway.getNetwork(channel), 'smoke');
    const submitted: string[] = [];
    const total = 45;
    const start = async (): Promise<void> => {
      gateways.push(await startGateway(`crash-${gateways.length}`, index.env));
    };

    await start();
    // A fresh index first replays the whole chain, which on a long-lived network takes minutes; the
    // crashes are about the events written below, so they start once the index has caught up.
    await indexCaughtUp(gateways[0]?.baseUrl ?? '', 300_000);
    for (let i = 0; i < total; i += 1) {
      // Writes go straight to Fabric, so events keep coming while the gateway is dead.
      const commit = await contract.submitAsync(Transactions.smoke.Put, {
        arguments: [`${prefix}${i}`, `value ${i}`],
      });
      const status = await commit.getStatus();
      expect(status.successful).toBe(true);
      submitted.push(commit.getTransactionId());
      if (i === 15 || i === 30) {
        await gateways[gateways.length - 1]?.kill('SIGKILL');
        await start();
      }
    }

    // Wait (bounded) until the restarted gateway has caught up.
    const deadline = Date.now() + 90_000;
    let projected = await index.projectedTxIds(prefix);
    while (projected.length < total && Date.now() < deadline) {
      await sleep(500);
      projected = await index.projectedTxIds(prefix);
    }
    expect(projected).toHaveLength(total);
    expect(new Set(projected).size).toBe(total);
    expect([...projected].sort()).toEqual([...submitted].sort());
  }, 600_000);
});
