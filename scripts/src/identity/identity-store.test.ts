import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { parseApiTokens, tokenFor, withoutToken, withToken } from './api-tokens';
import { type IdentityFiles, readApiTokens, readStore, writeStoreAndTokens } from './identity-files';
import {
  type EnrolledUser,
  emptyStore,
  findUser,
  parseIdentityStore,
  withRevoked,
  withUser,
} from './identity-store';
import { tokenSha256 } from './tokens';

const entry = (user: string, overrides: Partial<EnrolledUser> = {}): EnrolledUser => ({
  user,
  mspId: 'RegistryMSP',
  role: 'registry_clerk',
  certificatePath: `/ids/${user}/cert.pem`,
  privateKeyPath: `/ids/${user}/key.pem`,
  tokenSha256: tokenSha256(`token of ${user}`),
  revoked: false,
  enrolledAt: '2026-11-24T00:00:00.000Z',
  ...overrides,
});

describe('identity store updates', () => {
  it('appends new users and replaces existing ones in place', () => {
    const store = withUser(withUser(withUser(emptyStore, entry('a')), entry('b')), entry('c'));
    const updated = withUser(store, entry('b', { role: 'tax_officer', mspId: 'TaxMSP' }));
    expect(updated.users.map((u) => u.user)).toEqual(['a', 'b', 'c']);
    expect(findUser(updated, 'b')?.role).toBe('tax_officer');
    expect(findUser(store, 'b')?.role).toBe('registry_clerk'); // the input is not changed
    expect(updated.version).toBe(1);
  });

  it('marks a user revoked, keeping everything else', () => {
    const store = withRevoked(withUser(withUser(emptyStore, entry('a')), entry('b')), 'a');
    expect(findUser(store, 'a')).toEqual(entry('a', { revoked: true }));
    expect(findUser(store, 'b')?.revoked).toBe(false);
    expect(() => withRevoked(store, 'nobody')).toThrow(OperatorError);
  });

  it('parses a valid file and names the file and field of an invalid one', () => {
    const valid = { version: 1, users: [entry('a')] };
    expect(parseIdentityStore(valid, 'identities.json')).toEqual(valid);
    expect(() => parseIdentityStore({ version: 2, users: [] }, '/x/identities.json')).toThrow(
      '/x/identities.json: version must be 1',
    );
    expect(() =>
      parseIdentityStore({ version: 1, users: [{ ...entry('a'), revoked: 'no' }] }, 'identities.json'),
    ).toThrow('identities.json: users[0].revoked must be true or false');
    const withoutRole: Record<string, unknown> = { ...entry('a') };
    delete withoutRole['role'];
    expect(() => parseIdentityStore({ version: 1, users: [withoutRole] }, 'f')).toThrow('users[0].role');
  });
});

describe('API tokens file', () => {
  it("keeps a user's existing token and makes a new one only when there is none", () => {
    expect(tokenFor({ a: 'gt_kept' }, 'a')).toEqual({ token: 'gt_kept', isNew: false });
    const fresh = tokenFor({ a: 'gt_kept' }, 'b');
    expect(fresh.isNew).toBe(true);
    expect(fresh.token).toMatch(/^gt_/);
  });

  it('adds and removes tokens without touching the others', () => {
    const tokens = withToken(withToken({}, 'a', 'gt_a'), 'b', 'gt_b');
    expect(tokens).toEqual({ a: 'gt_a', b: 'gt_b' });
    expect(withoutToken(tokens, 'a')).toEqual({ b: 'gt_b' });
    expect(withoutToken(tokens, 'zz')).toEqual(tokens);
  });

  it('refuses a file that is not user → token', () => {
    expect(parseApiTokens({ a: 'gt_a' }, 'f')).toEqual({ a: 'gt_a' });
    expect(() => parseApiTokens(['gt_a'], 'api-tokens.json')).toThrow(
      'api-tokens.json must be a JSON object',
    );
    expect(() => parseApiTokens({ a: 1 }, 'f')).toThrow('the token of a');
  });
});

describe('identity files on disk', () => {
  let dir: string;
  let files: IdentityFiles;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-identity-files-'));
    files = {
      identitiesRoot: path.join(dir, 'identities'),
      apiTokens: path.join(dir, 'api-tokens.json'),
      store: path.join(dir, 'gateway', 'identities.json'),
      connection: path.join(dir, 'gateway', 'connection.json'),
    };
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads nothing as an empty store and no tokens', async () => {
    expect(await readStore(files)).toEqual(emptyStore);
    expect(await readApiTokens(files)).toEqual({});
  });

  it('writes the store and the tokens owner-only and reads them back', async () => {
    const store = withUser(emptyStore, entry('a', { tokenSha256: tokenSha256('gt_a') }));
    await writeStoreAndTokens(files, store, { a: 'gt_a' });
    expect(await readStore(files)).toEqual(store);
    expect(await readApiTokens(files)).toEqual({ a: 'gt_a' });
    for (const file of [files.store, files.apiTokens]) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(files.store)).mode & 0o777).toBe(0o700);
  });

  it('keeps a device binding that fits its role and refuses one that does not', () => {
    const unit = entry('truck-1', {
      mspId: 'UrbanMSP',
      role: 'vehicle_device',
      device: { vehicleId: '粤A12345' },
    });
    const scanner = entry('scanner-1', {
      mspId: 'UrbanMSP',
      role: 'site_device',
      device: { siteId: 'LW-ST-001' },
    });
    const valid = { version: 1, users: [entry('a'), unit, scanner] };
    expect(parseIdentityStore(valid, 'f')).toEqual(valid);
    expect(findUser(parseIdentityStore(valid, 'f'), 'truck-1')?.device).toEqual({ vehicleId: '粤A12345' });
    const refused =
      (bad: EnrolledUser): (() => unknown) =>
      () =>
        parseIdentityStore({ version: 1, users: [entry('a'), bad] }, 'f');
    expect(refused({ ...unit, device: undefined })).toThrow(
      'f: users[1]: a vehicle_device needs device.vehicleId',
    );
    expect(refused(entry('b', { device: { siteId: 'LW-ST-001' } }))).toThrow(
      'f: users[1]: only a device role has a device binding, not registry_clerk',
    );
    expect(refused({ ...scanner, device: { vehicleId: '粤A12345' } })).toThrow(
      'device must hold exactly siteId',
    );
    expect(refused({ ...unit, device: { vehicleId: '粤I12345' } })).toThrow(
      'users[1]: device.vehicleId must be a mainland plate',
    );
  });

  it('revokes a device and keeps its binding', () => {
    const unit = entry('truck-1', {
      mspId: 'UrbanMSP',
      role: 'vehicle_device',
      device: { vehicleId: '粤A12345' },
    });
    expect(findUser(withRevoked(withUser(emptyStore, unit), 'truck-1'), 'truck-1')).toEqual({
      ...unit,
      revoked: true,
    });
  });
});
