import * as path from 'node:path';
import { log } from '../lib/log';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';
import { type Topology } from '../network/topology';
import { type ApiTokens, tokenFor, withoutToken, withToken } from './api-tokens';
import { caSiteFor, orgByMsp } from './ca-site';
import { connectionProfile } from './connection-profile';
import { enrolledFiles, enrollUser, hasCurrentEnrollment } from './enrollment';
import { ensureHolderLookupKey, holderLookupKeyFile, type HolderLookupKeyOptions } from './holder-lookup-key';
import {
  defaultIdentityFiles,
  type IdentityFiles,
  readApiTokens,
  readStore,
  userDir,
  writeConnectionProfile,
  writeStoreAndTokens,
} from './identity-files';
import { type EnrolledUser, findUser, type IdentityStore, withUser } from './identity-store';
import { assertRoleForOrg, demoUsers, isRole, serviceUsers, type UserSpec } from './roles';
import { newApiToken, tokenSha256 } from './tokens';

/**
 * The users `up` takes care of: the demo users, the gateway's service users, then every other user
 * added with `users add`.
 */
export function usersToProvision(store: IdentityStore): UserSpec[] {
  const builtIn = [...demoUsers, ...serviceUsers];
  const added = store.users
    .filter((entry) => !builtIn.some((known) => known.user === entry.user))
    .map((entry): UserSpec => {
      if (!isRole(entry.role)) {
        throw new OperatorError(`identities.json: ${entry.user} has an unknown role ${entry.role}`);
      }
      const spec: UserSpec = { user: entry.user, mspId: entry.mspId, role: entry.role };
      // a device keeps its binding when `up` enrolls it again (after `down --purge`)
      return entry.device === undefined ? spec : { ...spec, device: entry.device };
    });
  return [...builtIn, ...added];
}

/**
 * Makes sure one user is enrolled at its org's CA (leaving a current
 * enrollment alone) and returns its store entry.
 */
export async function ensureEnrolled(
  topology: Topology,
  spec: UserSpec,
  existing: EnrolledUser | undefined,
  files: IdentityFiles,
  tokenHash: string,
): Promise<{ entry: EnrolledUser; enrolledNow: boolean }> {
  assertRoleForOrg(spec.role, spec.mspId);
  const site = caSiteFor(orgByMsp(topology, spec.mspId));
  const wanted = enrolledFiles(userDir(files, spec.user));
  const current = existing && (await hasCurrentEnrollment(site, wanted, spec.role, spec.device));
  const enrolled = current
    ? wanted
    : await enrollUser(site, spec.user, spec.role, userDir(files, spec.user), spec.device);
  return {
    entry: {
      user: spec.user,
      mspId: spec.mspId,
      role: spec.role,
      ...enrolled,
      tokenSha256: tokenHash,
      revoked: false,
      enrolledAt: current && existing ? existing.enrolledAt : new Date().toISOString(),
      ...(spec.device === undefined ? {} : { device: spec.device }),
    },
    enrolledNow: !current,
  };
}

interface Progress {
  store: IdentityStore;
  tokens: ApiTokens;
  readonly enrolled: string[];
  readonly kept: string[];
  readonly revoked: string[];
  readonly newTokens: string[];
}

async function provisionOne(
  topology: Topology,
  spec: UserSpec,
  state: Progress,
  files: IdentityFiles,
): Promise<void> {
  const existing = findUser(state.store, spec.user);
  if (existing?.revoked) {
    // A revoked user stays revoked (its certificates are on the CA's CRL); no token.
    state.tokens = withoutToken(state.tokens, spec.user);
    state.revoked.push(spec.user);
    return;
  }
  if (spec.service) {
    // The store needs a token hash; this one is of a token nobody was ever given, so no bearer
    // token reaches this identity. It is kept across runs, like a person's.
    const hash = existing?.tokenSha256 ?? tokenSha256(newApiToken());
    const { entry, enrolledNow } = await ensureEnrolled(topology, spec, existing, files, hash);
    (enrolledNow ? state.enrolled : state.kept).push(spec.user);
    state.tokens = withoutToken(state.tokens, spec.user);
    state.store = withUser(state.store, entry);
    return;
  }
  const { token, isNew } = tokenFor(state.tokens, spec.user);
  const { entry, enrolledNow } = await ensureEnrolled(topology, spec, existing, files, tokenSha256(token));
  (enrolledNow ? state.enrolled : state.kept).push(spec.user);
  if (isNew) state.newTokens.push(spec.user);
  state.tokens = withToken(state.tokens, spec.user, token);
  state.store = withUser(state.store, entry);
}

/**
 * Run by `network up` once the CAs are healthy: enrolls every user that needs
 * it, gives each a token (keeping existing ones), and writes the tokens file,
 * the gateway's identity store, its connection profile and its holder lookup key
 * (created only for a new network, never replaced: holder-lookup-key.ts). Safe to repeat.
 */
export async function provisionIdentities(
  topology: Topology,
  files: IdentityFiles = defaultIdentityFiles,
  lookupKeyOptions: HolderLookupKeyOptions = { newNetwork: false },
): Promise<void> {
  const state: Progress = {
    store: await readStore(files),
    tokens: await readApiTokens(files),
    enrolled: [],
    kept: [],
    revoked: [],
    newTokens: [],
  };
  for (const spec of usersToProvision(state.store)) {
    await provisionOne(topology, spec, state, files);
    if (state.enrolled.at(-1) === spec.user)
      log.detail(`enrolled ${spec.user} (${spec.mspId}, ${spec.role})`);
  }
  await writeStoreAndTokens(files, state.store, state.tokens);
  await writeConnectionProfile(files, connectionProfile(topology));
  const shown = (file: string): string => path.relative(paths.repoRoot, file);
  const lookupKey = holderLookupKeyFile(files);
  if (await ensureHolderLookupKey(lookupKey, lookupKeyOptions)) {
    log.detail(`new holder lookup key in ${shown(lookupKey)}: back it up with the network`);
  }
  log.detail(
    `identities: ${state.enrolled.length} enrolled now, ${state.kept.length} already enrolled, ` +
      `${state.revoked.length} revoked; ${state.newTokens.length} new tokens in ${shown(files.apiTokens)}`,
  );
  if (state.newTokens.some((user) => state.kept.includes(user))) {
    log.warn(
      `new tokens for ${state.newTokens.filter((u) => state.kept.includes(u)).join(', ')}: ` +
        `their old tokens were missing from ${shown(files.apiTokens)}`,
    );
  }
}
