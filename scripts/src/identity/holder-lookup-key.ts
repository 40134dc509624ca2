import { chmod, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  formatHolderLookupKeyFile,
  newHolderLookupKey,
  parseHolderLookupKeyFile,
} from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { type IdentityFiles } from './identity-files';
import { ensurePrivateDir } from './private-files';

/**
 * The gateway's holder lookup key (`.govtrace/gateway/holder-lookup.key`, next to connection.json):
 * the versioned pepper of the chaincode's private owner index (chaincode README, "Owner index"; the
 * format is chaincode/src/contract/holder-lookup-key-file.ts). Derived from the connection
 * profile's folder so tests that move the identity files move it too.
 */
export const holderLookupKeyFile = (files: IdentityFiles): string =>
  path.join(path.dirname(files.connection), 'holder-lookup.key');

/** The operator's explicit "create it even though the chaincode is deployed" (same name as the gateway's setting). */
export const CREATE_SETTING = 'HOLDER_LOOKUP_KEY_CREATE';

export interface HolderLookupKeyOptions {
  /**
   * No chaincode deployed yet: nothing on the ledger was indexed with any key, so a missing key may
   * be created. Once the chaincode is deployed, registrations may have been indexed with the key,
   * and a new one would make every earlier holder search answer "owns nothing".
   */
  readonly newNetwork: boolean;
  /** HOLDER_LOOKUP_KEY_CREATE=true: create a missing key anyway (a network from before the key existed). */
  readonly create?: boolean;
}

/**
 * Creates the key (JSON, version 1, 0600) when it is missing and may be created; an existing key is
 * checked and never replaced. Returns whether it was created.
 */
export async function ensureHolderLookupKey(file: string, options: HolderLookupKeyOptions): Promise<boolean> {
  await ensurePrivateDir(path.dirname(file));
  const current = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (current !== undefined) {
    const parsed = parseHolderLookupKeyFile(current);
    if (!parsed.ok) {
      throw new OperatorError(
        `${file} ${parsed.reason}: it is not a usable holder lookup key`,
        'Restore the original key from a backup; a new key makes the owner index unreadable.',
      );
    }
    await chmod(file, 0o600);
    return false;
  }
  if (!options.newNetwork && options.create !== true) {
    throw new OperatorError(
      `the holder lookup key ${file} is missing, but the chaincode is deployed: registrations may have been ` +
        'indexed with it, and a new key would make every earlier holder search answer "owns nothing"',
      `Restore it from a backup. Only if this network never had one, run again with ${CREATE_SETTING}=true ` +
        'and re-index (gateway-api README, "Rotating the holder lookup key").',
    );
  }
  // 'wx': if the gateway created it a moment ago, keep that one
  await writeFile(file, formatHolderLookupKeyFile(newHolderLookupKey()), { mode: 0o600, flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return true;
}
