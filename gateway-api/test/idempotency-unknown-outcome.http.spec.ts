import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { status as GrpcStatus } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request, { type Response } from 'supertest';
import { type App } from 'supertest/types';

import { APP_OPTIONS, configureApp } from '../src/app.setup';
import { AuthModule } from '../src/auth/auth.module';
import { validateEnv } from '../src/config/validate-env';
import { mapFabricError } from '../src/fabric/fabric-errors';
import { FabricLedgerClient } from '../src/fabric/fabric-ledger-client';
import { FabricTransactionReader } from '../src/fabric/fabric-transaction-reader';
import { IdempotencyInterceptor } from '../src/idempotency/idempotency.interceptor';
import { IdempotencyModule } from '../src/idempotency/idempotency.module';
import { IDEMPOTENCY_OPTIONS } from '../src/idempotency/idempotency.options';
import { type LedgerCall, type LedgerClient, type SubmitResult } from '../src/ledger/ledger-client.port';
import { type LedgerTransaction, type LedgerTransactionReader } from '../src/ledger/ledger-transactions.port';
import { RealEstateModule } from '../src/real-estate';
import { gatewayError } from './support/fabric-errors';

// A registration whose commit status times out, retried with the same Idempotency-Key, through the
// real routes, auth, interceptor, SQLite store and ReplayingLedgerClient. Only the Fabric adapter is
// a stub: its submit can fail the way fabric-gateway's getStatus deadline does (CommitStatusError,
// mapped by the real mapFabricError), and its qscc look-up answers from `ledger`.

Logger.overrideLogger(false);

const UNIT = '440184001016GB00009F00800039';
const CERTIFICATE = '粤(2026)广州市不动产权第09400110号';
const TOKEN = 'token-of-registry-clerk';
const LEASE_SECONDS = 60;

/** What the chaincode's Register returns: the answer's domain fields come from here. */
const registered = (sequence: number): Uint8Array =>
  Buffer.from(
    JSON.stringify({
      registrationId: `${UNIT}-0000000${sequence}`,
      unitNumber: UNIT,
      sequence,
      type: 'FIRST',
      unitStatus: 'REGISTERED',
      certificateNumber: CERTIFICATE,
      certificateContentHash: null,
      certificateChanges: [],
    }),
  );

/** The stub network: each submit gets a new txId; `commitStatus` says how its getStatus ends. */
const network = {
  submitted: [] as LedgerCall[],
  commitStatus: 'times-out' as 'confirmed' | 'times-out',
  /** What qscc GetTransactionByID finds, by txId. */
  ledger: new Map<string, LedgerTransaction>(),
  lookUpFails: false,
};

const txIdOf = (n: number): string => n.toString(16).padStart(64, '0');

function committed(txId: string, validationCode: string, blockNumber: bigint, payload: Uint8Array): void {
  network.ledger.set(txId, {
    txId,
    blockNumber,
    validationCode,
    timestamp: '2026-12-03T09:00:00.000Z',
    creator: { mspId: 'RegistryMSP', subject: 'registry-clerk', role: 'registry_clerk' },
    endorsers: ['RegistryMSP'],
    writes: new Map(),
    responsePayload: payload,
  });
}

const fabricClient: LedgerClient = {
  submit(_user: string, call: LedgerCall): Promise<SubmitResult> {
    network.submitted.push(call);
    const sequence = network.submitted.length;
    const txId = txIdOf(sequence);
    if (network.commitStatus === 'times-out') {
      const timeout = gatewayError('commit-status', GrpcStatus.DEADLINE_EXCEEDED, 'Deadline exceeded');
      return Promise.reject(mapFabricError(Object.assign(timeout, { transactionId: txId })));
    }
    return Promise.resolve({ txId, blockNumber: BigInt(100 + sequence), result: registered(sequence) });
  },
  evaluate(): Promise<Uint8Array> {
    return Promise.reject(new Error('no queries in this test'));
  },
};

const transactionReader: LedgerTransactionReader = {
  find(txId: string): Promise<LedgerTransaction | undefined> {
    if (network.lookUpFails) return Promise.reject(new Error('peer unreachable'));
    return Promise.resolve(network.ledger.get(txId));
  },
};

interface Answer {
  registrationId?: string;
  certificateNumber?: string;
  txId?: string;
  blockNumber?: number;
  error?: { code: string; txId?: string };
}

describe('a write whose commit status timed out, retried with the same Idempotency-Key', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govtrace-unknown-outcome-'));
  const saved = { ...process.env };
  let clock = new Date('2026-12-03T09:00:00.000Z');
  let app: NestExpressApplication;
  let server: App;

  beforeAll(async () => {
    const identities = path.join(dir, 'identities.json');
    const clerk = {
      user: 'registry-clerk',
      mspId: 'RegistryMSP',
      role: 'registry_clerk',
      certificatePath: 'cert.pem',
      privateKeyPath: 'key.pem',
      tokenSha256: createHash('sha256').update(TOKEN).digest('hex'),
      revoked: false,
      enrolledAt: '2026-01-01T00:00:00.000Z',
    };
    writeFileSync(identities, JSON.stringify({ version: 1, users: [clerk] }));
    const keyFile = path.join(dir, 'holder-lookup.key');
    writeFileSync(keyFile, Buffer.alloc(32, 0x42), { mode: 0o600 });
    Object.assign(process.env, {
      GOVTRACE_IDENTITIES: identities,
      HOLDER_LOOKUP_KEY_FILE: keyFile,
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: path.join(dir, 'index.sqlite'),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
        AuthModule,
        RealEstateModule,
        IdempotencyModule,
      ],
      providers: [{ provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor }],
    })
      // the adapter, not LEDGER_CLIENT: the services still get the real ReplayingLedgerClient around it
      .overrideProvider(FabricLedgerClient)
      .useValue(fabricClient)
      .overrideProvider(FabricTransactionReader)
      .useValue(transactionReader)
      .overrideProvider(IDEMPOTENCY_OPTIONS)
      .useValue({ ttlSeconds: 86400, leaseSeconds: LEASE_SECONDS, now: () => clock })
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
    configureApp(app);
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    network.submitted.splice(0);
    network.ledger.clear();
    network.commitStatus = 'times-out';
    network.lookUpFails = false;
    clock = new Date('2026-12-03T09:00:00.000Z');
  });

  const registration = { type: 'FIRST', unitNumber: UNIT, certificateNumber: CERTIFICATE };
  const register = (key: string, body: object = registration): Promise<Response> =>
    request(server)
      .post('/api/v1/real-estate/registrations')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Idempotency-Key', key)
      .send(body);
  const answer = (res: Response): Answer => res.body as Answer;

  async function firstAttemptTimesOut(key: string): Promise<string> {
    const first = await register(key);
    expect(first.status).toBe(503);
    expect(answer(first).error).toMatchObject({ code: 'UNAVAILABLE', txId: txIdOf(1) });
    expect(first.get('Retry-After')).toBe('2');
    return txIdOf(1);
  }

  it('answers the first answer once the transaction shows up committed, without writing again', async () => {
    const txId = await firstAttemptTimesOut('unknown-then-valid');

    // not on the ledger yet: still unknown, nothing submitted
    const early = await register('unknown-then-valid');
    expect(early.status).toBe(503);
    expect(early.get('Retry-After')).toBe('2');
    expect(answer(early).error).toMatchObject({ code: 'UNAVAILABLE', txId });

    committed(txId, 'VALID', 57n, registered(1));
    const retry = await register('unknown-then-valid');
    expect(retry.status).toBe(201);
    expect(retry.get('Idempotent-Replay')).toBe('true');
    // exactly the chaincode's answer, txId and block: nothing this attempt generated (a certificate's
    // verification code) may appear, since the committed transaction carries the first attempt's
    expect(retry.body).toEqual({
      registrationId: `${UNIT}-00000001`,
      unitNumber: UNIT,
      unitStatus: 'REGISTERED',
      certificateNumber: CERTIFICATE,
      txId,
      blockNumber: 57,
    });

    // from now on the stored answer, byte for byte
    const again = await register('unknown-then-valid');
    expect(again.status).toBe(201);
    expect(again.text).toBe(retry.text);
    expect(network.submitted).toHaveLength(1);
  });

  it('runs the request afresh when the first transaction committed invalid', async () => {
    const txId = await firstAttemptTimesOut('unknown-then-mvcc');
    committed(txId, 'MVCC_READ_CONFLICT', 57n, registered(1));
    network.commitStatus = 'confirmed';

    const retry = await register('unknown-then-mvcc');
    expect(retry.status).toBe(201);
    expect(retry.get('Idempotent-Replay')).toBeUndefined();
    expect(answer(retry)).toMatchObject({
      registrationId: `${UNIT}-00000002`,
      txId: txIdOf(2),
      blockNumber: 102,
    });
    expect(network.submitted).toHaveLength(2);
  });

  it('keeps answering 503 until the lease is over, then runs afresh if the transaction never appeared', async () => {
    await firstAttemptTimesOut('unknown-then-lost');
    network.commitStatus = 'confirmed';

    clock = new Date(clock.getTime() + (LEASE_SECONDS - 1) * 1000);
    const stillUnknown = await register('unknown-then-lost');
    expect(stillUnknown.status).toBe(503);
    expect(stillUnknown.get('Retry-After')).toBe('1');
    expect(network.submitted).toHaveLength(1);

    clock = new Date(clock.getTime() + 1000);
    const rerun = await register('unknown-then-lost');
    expect(rerun.status).toBe(201);
    expect(answer(rerun).txId).toBe(txIdOf(2));
    expect(network.submitted).toHaveLength(2);
  });

  it('never takes a failed look-up for "not there", however late', async () => {
    const txId = await firstAttemptTimesOut('unknown-lookup-fails');
    network.lookUpFails = true;
    network.commitStatus = 'confirmed';
    clock = new Date(clock.getTime() + LEASE_SECONDS * 10 * 1000);

    const retry = await register('unknown-lookup-fails');
    expect(retry.status).toBe(503);
    expect(answer(retry).error).toMatchObject({ code: 'UNAVAILABLE', txId });
    expect(network.submitted).toHaveLength(1);
  });

  it('still refuses the key for a different request', async () => {
    await firstAttemptTimesOut('unknown-other-body');
    const other = await register('unknown-other-body', { ...registration, type: 'CHANGE' });
    expect(other.status).toBe(409);
    expect(network.submitted).toHaveLength(1);
  });

  it('keeps a retry that times out again unknown, under the new transaction', async () => {
    const txId = await firstAttemptTimesOut('unknown-twice');
    committed(txId, 'MVCC_READ_CONFLICT', 57n, registered(1));

    const retry = await register('unknown-twice');
    expect(retry.status).toBe(503);
    expect(answer(retry).error).toMatchObject({ txId: txIdOf(2) });

    committed(txIdOf(2), 'VALID', 58n, registered(2));
    const settled = await register('unknown-twice');
    expect(settled.status).toBe(201);
    expect(answer(settled)).toMatchObject({
      registrationId: `${UNIT}-00000002`,
      txId: txIdOf(2),
      blockNumber: 58,
    });
    expect(network.submitted).toHaveLength(2);
  });
});
