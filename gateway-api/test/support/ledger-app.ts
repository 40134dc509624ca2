import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { type DynamicModule, type Type } from '@nestjs/common';

import { type LedgerCall, type LedgerClient, type SubmitResult } from '../../src/ledger/ledger-client.port';
import { type QueryApp, startQueryApp } from './query-app';

// An app of one feature's module whose ledger is a recording fake (the network specs cover the
// chaincode), with the real auth guard (the bearer token is the caller's role), validation pipe and
// error filter, over a real SQLite index file in a temporary folder.

/** Records every call and answers `answer` (as the transaction's result or the evaluated bytes). */
export class FakeLedger implements LedgerClient {
  readonly calls: LedgerCall[] = [];
  answer: object = {};

  submit(_user: string, call: LedgerCall): Promise<SubmitResult> {
    this.calls.push(call);
    return Promise.resolve({
      txId: 'tx-1',
      blockNumber: 3n,
      result: Buffer.from(JSON.stringify(this.answer)),
    });
  }

  evaluate(_user: string, call: LedgerCall): Promise<Uint8Array> {
    this.calls.push(call);
    return Promise.resolve(Buffer.from(JSON.stringify(this.answer)));
  }
}

export async function startLedgerApp(feature: Type | DynamicModule, ledger: LedgerClient): Promise<QueryApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-ledger-app-'));
  const started = await startQueryApp(
    feature,
    { type: 'sqlite', path: path.join(dir, 'index.sqlite') },
    ledger,
  );
  return {
    ...started,
    close: async () => {
      await started.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
