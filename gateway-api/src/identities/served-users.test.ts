import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';

import { IdentityStoreService } from './identity-store.service';

const user = (name: string, mspId: string, role: string): Record<string, unknown> => ({
  user: name,
  mspId,
  role,
  certificatePath: `${name}.pem`,
  privateKeyPath: `${name}.key`,
  tokenSha256: Buffer.from(name.padEnd(32, '.')).toString('hex'),
  revoked: false,
  enrolledAt: '2026-03-01T08:00:00.000Z',
});

const USERS = [
  user('registry-clerk', 'RegistryMSP', 'registry_clerk'),
  user('tax-officer', 'TaxMSP', 'tax_officer'),
  user('station-operator', 'UrbanMSP', 'station_operator'),
];

describe('IdentityStoreService department filter', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-served-users-'));
    file = path.join(dir, 'identities.json');
    await writeFile(file, JSON.stringify({ version: 1, users: USERS }));
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads only the users of the served departments', async () => {
    const store = new IdentityStoreService(file, ['UrbanMSP']);
    expect((await store.snapshot()).users.map((u) => u.user)).toEqual(['station-operator']);
    expect(await store.findUser('registry-clerk')).toBeUndefined();
  });

  it('loads several departments', async () => {
    const store = new IdentityStoreService(file, ['RegistryMSP', 'TaxMSP']);
    expect((await store.snapshot()).users.map((u) => u.user)).toEqual(['registry-clerk', 'tax-officer']);
  });

  it('loads everyone without a department list', async () => {
    const store = new IdentityStoreService(file);
    expect((await store.snapshot()).users).toHaveLength(3);
  });
});
