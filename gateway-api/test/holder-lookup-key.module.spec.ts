import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';

import { validateEnv } from '../src/config/validate-env';
import { parseHolderLookupKeyFile } from '../../chaincode/src/contract';
import { RealEstateModule } from '../src/real-estate';
import { HolderLookupKey, HolderLookupKeyError } from '../src/real-estate/holder-lookup-key';

// Start-up with and without the holder lookup key: RealEstateModule reads it while the application
// is built, so a missing or malformed key stops the gateway before it listens (main.ts reports the
// error and exits 1). Nothing here reaches a network: no request is made.

Logger.overrideLogger(false);

describe('the gateway at start-up and its holder lookup key', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'govtrace-key-startup-'));
    file = path.join(dir, 'holder-lookup.key');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Builds the module graph the way AppModule does, from these variables only. */
  const start = (env: Record<string, string>) =>
    Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          load: [() => validateEnv({ DATABASE_TYPE: 'sqlite', DATABASE_PATH: ':memory:', ...env })],
        }),
        RealEstateModule,
      ],
    }).compile();

  it('refuses to start without the key file, naming the file and the setting that creates one', async () => {
    const starting = start({ HOLDER_LOOKUP_KEY_FILE: file });
    await expect(starting).rejects.toThrow(HolderLookupKeyError);
    await expect(starting).rejects.toThrow(`${file} (HOLDER_LOOKUP_KEY_FILE) does not exist`);
    await expect(starting).rejects.toThrow('HOLDER_LOOKUP_KEY_CREATE=true');
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });

  it('starts and creates a version 1 key with HOLDER_LOOKUP_KEY_CREATE=true, and uses it', async () => {
    const app = await start({ HOLDER_LOOKUP_KEY_FILE: file, HOLDER_LOOKUP_KEY_CREATE: 'true' });
    const parsed = parseHolderLookupKeyFile(readFileSync(file));
    expect(parsed.ok).toBe(true);
    const key = app.get(HolderLookupKey);
    await expect(key.version()).resolves.toBe(1);
    if (parsed.ok) await expect(key.base64()).resolves.toBe(parsed.value.key.toString('base64'));
    await app.close();
  });

  it.each([
    ['without being told to create', {}],
    ['when told to create', { HOLDER_LOOKUP_KEY_CREATE: 'true' }],
  ])('refuses a malformed key file %s, and leaves it as it was', async (_label, env) => {
    writeFileSync(file, '{"version":1,"key":"short"}');
    await expect(start({ HOLDER_LOOKUP_KEY_FILE: file, ...env })).rejects.toThrow(
      `${file} (HOLDER_LOOKUP_KEY_FILE) has no base64 key`,
    );
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"key":"short"}');
  });
});
