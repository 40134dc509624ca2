import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';

import { testCertificate } from '../../test/support/test-certificate';
import { IdentityStoreService } from '../identities/identity-store.service';
import { FabricReadinessCheck } from './fabric.readiness';
import { type FabricSettings } from './fabric.settings';
import { GatewayPool } from './gateway-pool';
import { PeerConnections } from './peer-connections';

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('FabricReadinessCheck', () => {
  let dir: string;
  let pool: GatewayPool;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-ready-'));
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const settings: FabricSettings = {
      connectionProfilePath: path.join(dir, 'connection.json'),
      serviceUser: 'ledger-reader',
      timeouts: { evaluateMs: 1000, endorseMs: 1000, submitMs: 1000, commitStatusMs: 1000 },
      commitRetries: 0,
    };
    pool = new GatewayPool(
      new PeerConnections(settings),
      new IdentityStoreService(path.join(dir, 'identities.json')),
      settings,
    );
  });

  afterEach(async () => {
    pool.onModuleDestroy();
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('is down, saying why, without any enrolled identity', async () => {
    expect(await new FabricReadinessCheck(pool).check()).toEqual({
      up: false,
      message: 'No enrolled identity is available to read the ledger',
    });
  });

  it('is down with the gRPC status when the peer does not answer', async () => {
    await writeFile(
      path.join(dir, 'tlsca.pem'),
      testCertificate({ organisation: 'RegistryMSP', commonName: 'ca' }),
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
            endpoint: `127.0.0.1:${await closedPort()}`,
            hostnameOverride: 'peer0.registry.govtrace.local',
            tlsRootCertPath: 'tlsca.pem',
          },
        ],
      }),
    );
    await writeFile(
      path.join(dir, 'identities.json'),
      JSON.stringify({
        version: 1,
        users: [
          {
            user: 'registry-clerk',
            mspId: 'RegistryMSP',
            role: 'registry_clerk',
            certificatePath: 'cert.pem',
            privateKeyPath: 'key.pem',
            tokenSha256: 'ab'.repeat(32),
            revoked: false,
            enrolledAt: '2026-03-01T08:00:00.000Z',
          },
        ],
      }),
    );
    expect(await new FabricReadinessCheck(pool).check()).toEqual({
      up: false,
      message: 'The network cannot answer right now (query failed with gRPC status UNAVAILABLE)',
    });
  });
});
