import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { formatHolderLookupKeyFile, parseHolderLookupKeyFile } from '../../../chaincode/src/contract';
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

  it('creates a version 1 key of 32 random bytes for a new network, owner-only, in an owner-only folder', async () => {
    const file = path.join(dir, 'gateway', 'holder-lookup.key');
    expect(await ensureHolderLookupKey(file, { newNetwork: true })).toBe(true);
    const parsed = parseHolderLookupKeyFile(readFileSync(file));
    expect(parsed.ok && parsed.value.version).toBe(1);
    expect(parsed.ok && parsed.value.key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['a new network', { newNetwork: true }],
    ['a deployed network', { newNetwork: false }],
    ['an explicit create', { newNetwork: false, create: true }],
  ])('never overwrites an existing key (%s), and makes it owner-only', async (_label, options) => {
    const file = path.join(dir, 'holder-lookup.key');
    const existing = formatHolderLookupKeyFile({ version: 3, key: Buffer.alloc(32, 9) });
    writeFileSync(file, existing, { mode: 0o644 });
    expect(await ensureHolderLookupKey(file, options)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(existing);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps a raw key from before versions', async () => {
    const file = path.join(dir, 'holder-lookup.key');
    writeFileSync(file, Buffer.alloc(32, 4));
    expect(await ensureHolderLookupKey(file, { newNetwork: false })).toBe(false);
    expect(readFileSync(file).equals(Buffer.alloc(32, 4))).toBe(true);
  });

  it('refuses to create a missing key once the chaincode is deployed, saying how to recover', async () => {
    const file = path.join(dir, 'holder-lookup.key');
    const failure = ensureHolderLookupKey(file, { newNetwork: false });
    await expect(failure).rejects.toThrow(OperatorError);
    await expect(failure).rejects.toMatchObject({
      message: expect.stringContaining('is missing, but the chaincode is deployed') as unknown,
      hint: expect.stringContaining('HOLDER_LOOKUP_KEY_CREATE=true') as unknown,
    });
    expect(() => statSync(file)).toThrow(/ENOENT/);
  });

  it('creates it on a deployed network when explicitly told to', async () => {
    const file = path.join(dir, 'holder-lookup.key');
    expect(await ensureHolderLookupKey(file, { newNetwork: false, create: true })).toBe(true);
    expect(parseHolderLookupKeyFile(readFileSync(file)).ok).toBe(true);
  });

  it.each([
    ['short', Buffer.alloc(8)],
    ['damaged', Buffer.from('{"version":1,"key":"BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=')],
  ])('refuses a %s existing key rather than replacing it', async (_label, bytes) => {
    const file = path.join(dir, 'holder-lookup.key');
    writeFileSync(file, bytes);
    await expect(ensureHolderLookupKey(file, { newNetwork: true })).rejects.toThrow(OperatorError);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
