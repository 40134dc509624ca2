import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

import { Logger } from '@nestjs/common';

/** What the key file must hold at least (the chaincode refuses a shorter pepper). */
export const MIN_HOLDER_LOOKUP_KEY_BYTES = 32;

/**
 * The holder lookup pepper: the secret behind the chaincode's private owner index (chaincode README,
 * "Owner index"). It goes to the chaincode as transient `holderLookupPepper` (base64) with every
 * Register and every owner search, and never onto the ledger. It lives in a file of raw bytes in the
 * runtime folder (`.govtrace/gateway/holder-lookup.key`, 0600), which `network up` creates.
 *
 * A missing file is created here too (32 random bytes, exclusive create, so two gateways starting at
 * once end up with the same key), because a network set up before this feature has none. A file
 * that exists but is too short is an error, never replaced: a new key would orphan every entry.
 */
export class HolderLookupKey {
  private readonly logger = new Logger(HolderLookupKey.name);
  private loaded: Promise<string> | undefined;

  constructor(private readonly file: string) {}

  /** The pepper as base64, read once and kept for the life of the process. */
  base64(): Promise<string> {
    this.loaded ??= this.load().catch((error: unknown) => {
      this.loaded = undefined; // a later request may succeed (e.g. after the operator fixed the file)
      throw error;
    });
    return this.loaded;
  }

  private async load(): Promise<string> {
    let key = await readIfExists(this.file);
    if (key === undefined) {
      await writeFile(this.file, randomBytes(MIN_HOLDER_LOOKUP_KEY_BYTES), { mode: 0o600, flag: 'wx' }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error; // another process created it first: use theirs
        },
      );
      this.logger.warn(
        `Created the holder lookup key ${this.file}; keep it: a new key orphans the owner index`,
      );
      key = await readIfExists(this.file);
    }
    if (key === undefined || key.length < MIN_HOLDER_LOOKUP_KEY_BYTES) {
      throw new Error(`${this.file} must hold at least ${MIN_HOLDER_LOOKUP_KEY_BYTES} bytes`);
    }
    return key.toString('base64');
  }
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
