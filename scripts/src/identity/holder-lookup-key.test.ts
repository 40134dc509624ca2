import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { ensureHolderLookupKey, holderLookupKeyFile } from './holder-lookup-key';

describe('holder lookup key', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-lookup-key-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lives next to the connection profile', () => {
    const files = {
      identitiesRoot: '/x',
      apiTokens: '/t',
      store: '/g/identities.json',
      connection: '/g/connection.json',
    };
    expect(holderLookupKeyFile(files)).toBe('/g/holder-lookup.key');
  });

  it('creates 32 random bytes, owner-only, in an owner-only folder, and keeps them on the next run', async () => {
    const file = path.join(dir, 'gateway', 'holder-lookup.key');
    expect(await ensureHolderLookupKey(file)).toBe(true);
    const key = readFileSync(file);
    expect(key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(await ensureHolderLookupKey(file)).toBe(false);
    expect(readFileSync(file).equals(key)).toBe(true);
  });

  it('refuses a short existing key rather than replacing it', async () => {
    const file = path.join(dir, 'holder-lookup.key');
    writeFileSync(file, Buffer.alloc(8));
    await expect(ensureHolderLookupKey(file)).rejects.toThrow(OperatorError);
    expect(readFileSync(file)).toHaveLength(8);
  });
});
