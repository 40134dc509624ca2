import { readFile, writeFile } from 'node:fs/promises';

import { Logger } from '@nestjs/common';

import {
  formatHolderLookupKeyFile,
  type HolderLookupKeyFile,
  newHolderLookupKey,
  parseHolderLookupKeyFile,
} from '../../../chaincode/src/contract';

/** Why the gateway cannot start: the key file is missing or unusable. */
export class HolderLookupKeyError extends Error {
  override readonly name = 'HolderLookupKeyError';
}

/**
 * The holder lookup key: the pepper behind the chaincode's private owner index (chaincode README,
 * "Owner index"), and its version. Both go to the chaincode as transient data with every Register
 * and every owner search, and never onto the ledger.
 *
 * It is read once, at start-up, from HOLDER_LOOKUP_KEY_FILE. A missing file stops start-up: a new
 * key would leave every entry written with the old one unfindable, so every earlier holder would
 * "own nothing", silently. The file is created only when HOLDER_LOOKUP_KEY_CREATE=true (a brand-new
 * network; `network up` creates it anyway when it provisions one), and an existing file is never
 * replaced, not even then.
 */
export class HolderLookupKey {
  private readonly logger = new Logger(HolderLookupKey.name);
  private loaded: Promise<HolderLookupKeyFile> | undefined;

  constructor(
    private readonly file: string,
    private readonly options: { readonly create: boolean } = { create: false },
  ) {}

  /**
   * Reads the key (creating it first only if allowed); RealEstateModule awaits this while the
   * application starts, so a missing or malformed file stops start-up with HolderLookupKeyError.
   */
  async load(): Promise<this> {
    this.loaded ??= this.read();
    await this.loaded;
    return this;
  }

  /** The pepper as base64, the form the chaincode takes. */
  async base64(): Promise<string> {
    return (await this.key()).key.toString('base64');
  }

  /** The key's version, which the chaincode records in each owner index entry. */
  async version(): Promise<number> {
    return (await this.key()).version;
  }

  private key(): Promise<HolderLookupKeyFile> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  private async read(): Promise<HolderLookupKeyFile> {
    const { file } = this;
    let bytes = await readIfExists(file);
    if (bytes === undefined) {
      if (!this.options.create) {
        throw new HolderLookupKeyError(
          `The holder lookup key ${file} (HOLDER_LOOKUP_KEY_FILE) does not exist. Restore it from a backup: ` +
            'with a new key every earlier holder search answers "owns nothing". Only for a brand-new network, ' +
            'start once with HOLDER_LOOKUP_KEY_CREATE=true to create it.',
        );
      }
      await createExclusively(file, newHolderLookupKey());
      this.logger.warn(`Created the holder lookup key ${file} (version 1); keep it and back it up`);
      bytes = await readIfExists(file);
    }
    const parsed = parseHolderLookupKeyFile(bytes ?? Buffer.alloc(0));
    if (!parsed.ok) {
      throw new HolderLookupKeyError(
        `The holder lookup key ${file} (HOLDER_LOOKUP_KEY_FILE) ${parsed.reason}. Restore it from a backup; ` +
          'it is never replaced automatically (HOLDER_LOOKUP_KEY_CREATE only creates a missing file).',
      );
    }
    return parsed.value;
  }
}

/** 'wx': if another gateway (or `network up`) created it a moment ago, theirs is kept and used. */
async function createExclusively(file: string, key: HolderLookupKeyFile): Promise<void> {
  await writeFile(file, formatHolderLookupKeyFile(key), { mode: 0o600, flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HolderLookupKeyError(
      `The holder lookup key ${file} (HOLDER_LOOKUP_KEY_FILE) cannot be read: ${String(error)}`,
    );
  }
}
