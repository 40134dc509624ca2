import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';

import { HolderLookupKey } from './holder-lookup-key';

Logger.overrideLogger(false);

const folder = (): string => mkdtempSync(path.join(tmpdir(), 'govtrace-lookup-key-'));

describe('HolderLookupKey', () => {
  it('reads the raw key file and answers it as base64', async () => {
    const file = path.join(folder(), 'holder-lookup.key');
    writeFileSync(file, Buffer.alloc(40, 3));
    await expect(new HolderLookupKey(file).base64()).resolves.toBe(Buffer.alloc(40, 3).toString('base64'));
  });

  it('creates a missing file with 32 random bytes, owner-only, and keeps using it', async () => {
    const file = path.join(folder(), 'holder-lookup.key');
    const first = await new HolderLookupKey(file).base64();
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(readFileSync(file).toString('base64')).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // a second process finds the same key rather than making its own
    await expect(new HolderLookupKey(file).base64()).resolves.toBe(first);
  });

  it('refuses a key file that is too short instead of replacing it', async () => {
    const file = path.join(folder(), 'holder-lookup.key');
    writeFileSync(file, Buffer.alloc(16, 1));
    await expect(new HolderLookupKey(file).base64()).rejects.toThrow(/at least 32 bytes/);
    expect(readFileSync(file)).toHaveLength(16);
  });
});
