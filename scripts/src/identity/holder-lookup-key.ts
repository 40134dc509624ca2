import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { type IdentityFiles } from './identity-files';
import { ensurePrivateDir } from './private-files';

/** Bytes of a new key; the chaincode refuses a pepper shorter than this. */
export const HOLDER_LOOKUP_KEY_BYTES = 32;

/**
 * The gateway's holder lookup key (`.govtrace/gateway/holder-lookup.key`, next to connection.json):
 * the pepper of the chaincode's private owner index (chaincode README, "Owner index"). Derived from
 * the connection profile's folder so tests that move the identity files move it too.
 */
export const holderLookupKeyFile = (files: IdentityFiles): string =>
  path.join(path.dirname(files.connection), 'holder-lookup.key');

/**
 * Creates the key (random bytes, 0600) when missing; an existing key is never replaced, because the
 * index entries written with it could no longer be found. Returns whether it was created.
 */
export async function ensureHolderLookupKey(file: string): Promise<boolean> {
  await ensurePrivateDir(path.dirname(file));
  const current = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (current !== undefined) {
    if (current.length < HOLDER_LOOKUP_KEY_BYTES) {
      throw new OperatorError(
        `${file} holds ${current.length} bytes; the holder lookup key needs at least ${HOLDER_LOOKUP_KEY_BYTES}`,
        'Restore the original key from a backup; a new key makes the owner index unreadable.',
      );
    }
    await chmod(file, 0o600);
    return false;
  }
  // 'wx': if the gateway created it a moment ago, keep that one
  await writeFile(file, randomBytes(HOLDER_LOOKUP_KEY_BYTES), { mode: 0o600, flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return true;
}
