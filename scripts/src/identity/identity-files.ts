import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
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

/** The connection profile `network up` wrote; its TLS CA paths made absolute, as the gateway reads them. */
export async function readConnectionProfile(files: IdentityFiles): Promise<ConnectionProfile> {
  const value = (await readJsonIfExists(files.connection)) as ConnectionProfile | undefined;
  const peers: unknown = value?.peers;
  if (value === undefined || !Array.isArray(peers)) {
    throw new OperatorError(
      `no connection profile at ${files.connection}: run \`npm run network -- up\` first`,
    );
  }
  const base = path.dirname(files.connection);
  return {
    ...value,
    peers: value.peers.map((peer) => ({
      ...peer,
      tlsRootCertPath: path.resolve(base, peer.tlsRootCertPath),
    })),
  };
}

export async function writeConnectionProfile(
  files: IdentityFiles,
  profile: ConnectionProfile,
): Promise<void> {
  await writePrivateJson(files.connection, profile);
}
