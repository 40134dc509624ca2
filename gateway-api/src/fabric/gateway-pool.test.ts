import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';

import { testCertificate } from '../../test/support/test-certificate';
import { ApiError } from '../common/errors';
import { type EnrolledUser } from '../../../chaincode/src/contract';
import { IdentityStoreService } from '../identities/identity-store.service';
import { type FabricSettings } from './fabric.settings';
import { GatewayPool } from './gateway-pool';
import { PeerConnections } from './peer-connections';

// No network here: grpc-js connects lazily and fabric-gateway's connect() makes no call, so the
// pool's choices (identity, peer, credentials, reuse) can be checked without a peer.

describe('GatewayPool', () => {
  let dir: string;
  let pool: GatewayPool;
  let logs: string[];

  const settings = (overrides: Partial<FabricSettings> = {}): FabricSettings => ({
    connectionProfilePath: path.join(dir, 'connection.json'),
    serviceUser: 'ledger-reader',
    timeouts: { evaluateMs: 1000, endorseMs: 1000, submitMs: 1000, commitStatusMs: 1000 },
    commitRetries: 0,
    ...overrides,
  });

  function user(name: string, mspId: string, extra: Partial<EnrolledUser> = {}): EnrolledUser {
    return {
      user: name,
      mspId,
      role: 'registry_clerk',
      certificatePath: 'cert.pem',
      privateKeyPath: 'key.pem',
      tokenSha256: Buffer.from(name.padEnd(32, '.')).toString('hex'),
      revoked: false,
      enrolledAt: '2026-03-01T08:00:00.000Z',
      ...extra,
    };
  }

  const writeUsers = (users: EnrolledUser[]): Promise<void> =>
    writeFile(path.join(dir, 'identities.json'), JSON.stringify({ version: 1, users }));

  function newPool(overrides: Partial<FabricSettings> = {}): GatewayPool {
    const s = settings(overrides);
    return new GatewayPool(
      new PeerConnections(s),
      new IdentityStoreService(path.join(dir, 'identities.json')),
      s,
    );
  }

  async function apiError(promise: Promise<unknown>): Promise<ApiError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error('expected an ApiError');
  }

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-pool-'));
    logs = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => {
      logs.push(String(message));
    });
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await writeFile(
      path.join(dir, 'tlsca.pem'),
      testCertificate({ organisation: 'RegistryMSP', commonName: 'tlsca' }),
    );
    await writeFile(
      path.join(dir, 'cert.pem'),
      testCertificate({ organisation: 'RegistryMSP', commonName: 'u' }),
    );
    await writeFile(
      path.join(dir, 'key.pem'),
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    await writeFile(
      path.join(dir, 'connection.json'),
      JSON.stringify({
        channel: 'govtrace',
        chaincode: 'govtrace',
        peers: [
          {
            mspId: 'RegistryMSP',
            endpoint: '127.0.0.1:7051',
            hostnameOverride: 'peer0.registry.govtrace.local',
            tlsRootCertPath: 'tlsca.pem',
          },
        ],
      }),
    );
    pool = newPool();
  });

  afterEach(async () => {
    pool.onModuleDestroy();
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  describe('serviceUser', () => {
    it('is FABRIC_SERVICE_USER when identities.json lists it unrevoked', async () => {
      await writeUsers([user('registry-clerk', 'RegistryMSP'), user('ledger-reader', 'RegistryMSP')]);
      expect(await pool.serviceUser()).toBe('ledger-reader');
    });

    it('is otherwise the first unrevoked user', async () => {
      await writeUsers([
        user('ledger-reader', 'RegistryMSP', { revoked: true }),
        user('gone', 'RegistryMSP', { revoked: true }),
        user('tax-officer', 'TaxMSP'),
      ]);
      expect(await pool.serviceUser()).toBe('tax-officer');
    });

    it('is unavailable without any usable identity', async () => {
      await writeUsers([user('gone', 'RegistryMSP', { revoked: true })]);
      expect(await apiError(pool.serviceUser())).toMatchObject({ code: 'UNAVAILABLE' });
    });
  });

  describe('namedServiceUser (the holder verifier)', () => {
    it('is that user when enrolled and unrevoked, never another one', async () => {
      await writeUsers([user('registry-clerk', 'RegistryMSP'), user('holder-verifier', 'RegistryMSP')]);
      expect(await pool.namedServiceUser('holder-verifier')).toBe('holder-verifier');
    });

    it('is unavailable (503, the setup is missing it) when absent or revoked: no fallback', async () => {
      await writeUsers([user('registry-clerk', 'RegistryMSP')]);
      expect(await apiError(pool.namedServiceUser('holder-verifier'))).toMatchObject({ code: 'UNAVAILABLE' });
      await writeUsers([
        user('registry-clerk', 'RegistryMSP'),
        user('holder-verifier', 'RegistryMSP', { revoked: true }),
      ]);
      expect(await apiError(pool.namedServiceUser('holder-verifier'))).toMatchObject({ code: 'UNAVAILABLE' });
    });
  });

  it("connects a user through its organisation's peer and reuses the gateway", async () => {
    await writeUsers([user('registry-clerk', 'RegistryMSP')]);
    const network = await pool.network('registry-clerk');
    expect(network.getName()).toBe('govtrace');
    await pool.network('registry-clerk');
    expect(logs.filter((l) => l.startsWith('Gateway for registry-clerk'))).toHaveLength(1);
    expect(logs.filter((l) => l.startsWith('Connecting to RegistryMSP peer'))).toHaveLength(1);
  });

  it('makes a new gateway when the user is enrolled again', async () => {
    await writeUsers([user('registry-clerk', 'RegistryMSP')]);
    await pool.network('registry-clerk');
    await writeUsers([user('registry-clerk', 'RegistryMSP', { enrolledAt: '2026-04-01T00:00:00.000Z' })]);
    await pool.network('registry-clerk');
    expect(logs.filter((l) => l.startsWith('Gateway for registry-clerk'))).toHaveLength(2);
    // the gRPC connection to the peer is shared, not made again
    expect(logs.filter((l) => l.startsWith('Connecting to RegistryMSP peer'))).toHaveLength(1);
  });

  it.each([
    ['an unknown', [] as EnrolledUser[]],
    ['a revoked', [user('registry-clerk', 'RegistryMSP', { revoked: true })]],
  ])('refuses %s user with 401', async (_label, users) => {
    await writeUsers(users);
    expect(await apiError(pool.network('registry-clerk'))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('is unavailable when the organisation has no peer in the profile', async () => {
    await writeUsers([user('tax-officer', 'TaxMSP')]);
    expect(await apiError(pool.network('tax-officer'))).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'The connection profile names no peer for TaxMSP',
    });
  });

  it("is unavailable when the user's key cannot be loaded, without naming the file", async () => {
    await writeUsers([user('registry-clerk', 'RegistryMSP', { privateKeyPath: 'missing.pem' })]);
    const error = await apiError(pool.network('registry-clerk'));
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'The Fabric identity of registry-clerk cannot be loaded',
    });
    expect(error.message).not.toContain('missing.pem');
  });

  it('is unavailable without a connection profile, and reads it once it appears', async () => {
    await writeUsers([user('registry-clerk', 'RegistryMSP')]);
    const missing = newPool({ connectionProfilePath: path.join(dir, 'later.json') });
    try {
      expect(await apiError(missing.network('registry-clerk'))).toMatchObject({ code: 'UNAVAILABLE' });
      await writeFile(
        path.join(dir, 'later.json'),
        JSON.stringify({
          channel: 'later',
          chaincode: 'govtrace',
          peers: [
            {
              mspId: 'RegistryMSP',
              endpoint: '127.0.0.1:7051',
              hostnameOverride: 'p',
              tlsRootCertPath: 'tlsca.pem',
            },
          ],
        }),
      );
      expect((await missing.network('registry-clerk')).getName()).toBe('later');
    } finally {
      missing.onModuleDestroy();
    }
  });
});
