import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';

import { formatHolderLookupKeyFile } from '../../../chaincode/src/contract';
import { HolderLookupKey, HolderLookupKeyError } from './holder-lookup-key';

Logger.overrideLogger(false);

const keyFile = (): string =>
  path.join(mkdtempSync(path.join(tmpdir(), 'govtrace-lookup-key-')), 'holder-lookup.key');

describe('HolderLookupKey', () => {
  it('reads a raw key file (from before versions) as version 1, answered as base64', async () => {
    const file = keyFile();
    writeFileSync(file, Buffer.alloc(40, 3));
    const key = await new HolderLookupKey(file).load();
    await expect(key.base64()).resolves.toBe(Buffer.alloc(40, 3).toString('base64'));
    await expect(key.version()).resolves.toBe(1);
  });

  it('reads a versioned key file', async () => {
    const file = keyFile();
    writeFileSync(file, formatHolderLookupKeyFile({ version: 4, key: Buffer.alloc(32, 5) }));
    const key = await new HolderLookupKey(file).load();
    await expect(key.version()).resolves.toBe(4);
    await expect(key.base64()).resolves.toBe(Buffer.alloc(32, 5).toString('base64'));
  });

  it('refuses to start without the file, naming the file and both settings, and creates nothing', async () => {
    const file = keyFile();
    const loading = new HolderLookupKey(file).load();
    await expect(loading).rejects.toThrow(HolderLookupKeyError);
    await expect(loading).rejects.toThrow(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(HOLDER_LOOKUP_KEY_FILE\\) does not exist.*HOLDER_LOOKUP_KEY_CREATE=true`,
      ),
    );
    expect(() => statSync(file)).toThrow(/ENOENT/);
  });

  it('creates a missing file only when told to: version 1, 32 random bytes, owner-only, kept afterwards', async () => {
    const file = keyFile();
    const created = await new HolderLookupKey(file, { create: true }).load();
    const pepper = await created.base64();
    expect(Buffer.from(pepper, 'base64')).toHaveLength(32);
    await expect(created.version()).resolves.toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // the next start, told to create again, uses the same key
    await expect(new HolderLookupKey(file, { create: true }).base64()).resolves.toBe(pepper);
    await expect(new HolderLookupKey(file).base64()).resolves.toBe(pepper);
  });

  it.each([
    ['too short', Buffer.alloc(16, 1), /holds 16 raw bytes/],
    [
      'damaged JSON',
      Buffer.from('{"version":2,"key":"BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc='),
      /not \{"version", "key"\}/,
    ],
  ])(
    'refuses a %s key file and never replaces it, even when told to create',
    async (_label, bytes, reason) => {
      const file = keyFile();
      writeFileSync(file, bytes);
      for (const create of [false, true]) {
        await expect(new HolderLookupKey(file, { create }).load()).rejects.toThrow(reason);
      }
      expect(readFileSync(file).equals(bytes)).toBe(true);
    },
  );
});
