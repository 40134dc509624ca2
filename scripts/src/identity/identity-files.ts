import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { ConnectionProfileError, parseConnectionProfile } from '../../../chaincode/src/contract';
import { paths } from '../lib/paths';
import { type ApiTokens, parseApiTokens } from './api-tokens';
import { type ConnectionProfile } from './connection-profile';
import { emptyStore, type IdentityStore, parseIdentityStore } from './identity-store';
import { readJsonIfExists, writePrivateJson } from './private-files';

/**
 * Where the identity files live. One value so that tests (and GOVTRACE_HOME)
 * can point everything somewhere else at once.
 */
export interface IdentityFiles {
  /** `<root>/<user>/cert.pem` and `key.pem` per enrolled user. */
  readonly identitiesRoot: string;
  readonly apiTokens: string;
  readonly store: string;
  readonly connection: string;
}

export const defaultIdentityFiles: IdentityFiles = {
  identitiesRoot: paths.identitiesRoot,
  apiTokens: paths.apiTokensFile,
  store: path.join(paths.gatewayRoot, 'identities.json'),
  connection: path.join(paths.gatewayRoot, 'connection.json'),
};

export const userDir = (files: IdentityFiles, user: string): string => path.join(files.identitiesRoot, user);

export async function readStore(files: IdentityFiles): Promise<IdentityStore> {
  const value = await readJsonIfExists(files.store);
  return value === undefined ? emptyStore : parseIdentityStore(value, files.store);
}

export async function readApiTokens(files: IdentityFiles): Promise<ApiTokens> {
  const value = await readJsonIfExists(files.apiTokens);
  return value === undefined ? {} : parseApiTokens(value, files.apiTokens);
}

/**
 * Writes the store before the tokens file: the store is what the gateway
 * checks, so a revocation takes effect even if the second write fails, and a
 * new user's token is never handed out before the gateway knows its hash.
 */
export async function writeStoreAndTokens(
  files: IdentityFiles,
  store: IdentityStore,
  tokens: ApiTokens,
): Promise<void> {
  await writePrivateJson(files.store, store);
  await writePrivateJson(files.apiTokens, tokens);
}

/** The connection profile `network up` wrote, checked and with absolute TLS CA paths, as the gateway reads it. */
export async function readConnectionProfile(files: IdentityFiles): Promise<ConnectionProfile> {
  const value = await readJsonIfExists(files.connection);
  if (value === undefined) {
    throw new OperatorError(
      `no connection profile at ${files.connection}: run \`npm run network -- up\` first`,
    );
  }
  try {
    return parseConnectionProfile(value, path.dirname(files.connection));
  } catch (error) {
    if (error instanceof ConnectionProfileError) {
      throw new OperatorError(`${files.connection}: ${error.message}`);
    }
    throw error;
  }
}

export async function writeConnectionProfile(
  files: IdentityFiles,
  profile: ConnectionProfile,
): Promise<void> {
  await writePrivateJson(files.connection, profile);
}
