import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';

import { IdentityStoreService } from './identity-store.service';

const user = (name: string, revoked = false): Record<string, unknown> => ({
  user: name,
  mspId: 'RegistryMSP',
  role: 'registry_clerk',
  certificatePath: `${name}.pem`,
  privateKeyPath: `${name}.key`,
  tokenSha256: Buffer.from(name.padEnd(32, '.')).toString('hex'),
  revoked,
  enrolledAt: '2026-03-01T08:00:00.000Z',
});

describe('IdentityStoreService', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-identities-'));
    file = path.join(dir, 'identities.json');
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the users, with paths resolved from the file folder', async () => {
    await writeFile(file, JSON.stringify({ version: 1, users: [user('a')] }));
    const store = new IdentityStoreService(file);
    expect(await store.findUser('a')).toMatchObject({ user: 'a', certificatePath: path.join(dir, 'a.pem') });
    expect(await store.findUser('b')).toBeUndefined();
  });

  it('reads the file once while it does not change, and again when it does', async () => {
    await writeFile(file, JSON.stringify({ version: 1, users: [user('a')] }));
    const store = new IdentityStoreService(file);
    const first = await store.snapshot();
    expect(await store.snapshot()).toBe(first);
    await writeFile(file, JSON.stringify({ version: 1, users: [user('a'), user('b', true)] }));
    expect((await store.snapshot()).users.map((u) => [u.user, u.revoked])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('lets concurrent callers share one look at the file', async () => {
    await writeFile(file, JSON.stringify({ version: 1, users: [user('a')] }));
    const store = new IdentityStoreService(file);
    const [x, y] = await Promise.all([store.snapshot(), store.snapshot()]);
    expect(x).toBe(y);
  });

  it.each([
    ['missing', undefined, 'identities file not found'],
    ['not JSON', '{"version":', 'invalid identities file'],
    [
      'invalid',
      JSON.stringify({ version: 1, users: [{ user: 'a' }] }),
      'invalid identities file (users[0].mspId',
    ],
  ])('has no users while the file is %s, and says why', async (_label, content, problem) => {
    if (content !== undefined) await writeFile(file, content);
    const snapshot = await new IdentityStoreService(file).snapshot();
    expect(snapshot.users).toEqual([]);
    expect(snapshot.problem).toContain(problem);
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.stringContaining('every token is refused'));
  });
});
