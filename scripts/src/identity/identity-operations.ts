import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { log } from '../lib/log';
import { paths } from '../lib/paths';
import { networkSupervisor } from '../network/supervisor-instance';
import { loadTopology } from '../network/topology';
import { type ApiTokens, withoutToken, withToken } from './api-tokens';
import { currentCrl, revoke } from './ca-client';
import { caSiteFor, type CaSite, orgByMsp } from './ca-site';
import { publishCrl, serialOf } from './channel-crl';
import { isCurrentlyIssuedBy } from './certificate';
import { defaultIdentityFiles, readApiTokens, readStore, writeStoreAndTokens } from './identity-files';
import { type EnrolledUser, findUser, withRevoked, withUser } from './identity-store';
import { ensureEnrolled } from './provision';
import { type UserSpec } from './roles';
import { newApiToken, tokenSha256 } from './tokens';

// Adding and revoking one identity, person or device: `users` and `devices` both end here, so a
// device is enrolled and revoked exactly as a person is.

/** A runtime file's path as the operator sees it, from the repository root. */
export const shownPath = (file: string): string => path.relative(paths.repoRoot, file);

async function requireCaRunning(site: CaSite): Promise<void> {
  if (!(await networkSupervisor().state(site.name)).healthy) {
    throw new OperatorError(
      `the CA ${site.name} is not running`,
      'Start the network (`npm run network -- up`) and try again.',
    );
  }
}

/**
 * Registers and enrolls a new identity at its org's CA and issues it an API token, written to the
 * tokens file and (as its hash) to the gateway's identity store. A name is never reused.
 */
export async function addIdentity(spec: UserSpec): Promise<{ entry: EnrolledUser; token: string }> {
  const topology = await loadTopology();
  const files = defaultIdentityFiles;
  const store = await readStore(files);
  const existing = findUser(store, spec.user);
  if (existing) {
    throw new OperatorError(
      `${spec.user} exists already (${existing.mspId}, ${existing.role}${existing.revoked ? ', revoked' : ''})`,
      existing.revoked
        ? 'A revoked name is not reused: choose another one.'
        : `Its token is in ${shownPath(files.apiTokens)}.`,
    );
  }
  await requireCaRunning(caSiteFor(orgByMsp(topology, spec.mspId)));
  const token = newApiToken();
  const { entry } = await ensureEnrolled(topology, spec, undefined, files, tokenSha256(token));
  const tokens = await readApiTokens(files);
  await writeStoreAndTokens(files, withUser(store, entry), withToken(tokens, spec.user, token));
  return { entry, token };
}

/**
 * Revokes at the CA (with a new CRL), cuts the identity's API access, then puts the CRL into the
 * org's MSP in the channel configuration so that the peers and orderers refuse the certificate too.
 * Run again, it skips the CA's revocation but still brings the CA's current CRL to the channel (a
 * run that stopped half-way is finished; a finished one changes nothing). `check` may refuse the
 * entry before anything changes (the devices command revokes only devices).
 */
export async function revokeIdentity(
  user: string,
  listHint: string,
  check: (entry: EnrolledUser) => void = () => undefined,
): Promise<void> {
  const files = defaultIdentityFiles;
  const store = await readStore(files);
  const entry = findUser(store, user);
  if (!entry) throw new OperatorError(`no user or device ${user}`, listHint);
  check(entry);
  const topology = await loadTopology();
  const org = orgByMsp(topology, entry.mspId);
  const site = caSiteFor(org);
  await requireCaRunning(site);
  const begin = Date.now();
  let crl: string;
  if (entry.revoked) {
    crl = await currentCrl(site);
    log.step(`${user} was revoked already; ${site.name}'s current CRL is ${shownPath(crl)}`);
  } else {
    crl = await revoke(site, user);
    log.step(`revoked ${user} at ${site.name} in ${Date.now() - begin} ms; its CRL is ${shownPath(crl)}`);
  }
  // The gateway first: it refuses the token from its next request, whatever the channel step does.
  await writeStoreAndTokens(files, withRevoked(store, user), withoutToken(await readApiTokens(files), user));
  log.detail(
    `marked revoked in ${shownPath(files.store)} and its token removed from ${shownPath(files.apiTokens)}`,
  );
  // A certificate of a CA this network no longer has (after `down --purge`) is in no CRL of the new one.
  const certificate = existsSync(entry.certificatePath) ? readFileSync(entry.certificatePath) : undefined;
  const fromThisCa =
    certificate !== undefined && isCurrentlyIssuedBy(certificate, readFileSync(site.signing.cert));
  const serials = certificate !== undefined && fromThisCa ? [serialOf(certificate)] : [];
  const published = await publishCrl(topology, org, site, crl, serials);
  if (published.kind === 'unchanged') {
    log.step(`channel ${topology.channel}: unchanged, ${published.reason}`);
  } else {
    const { blockNumber, timings } = published.update;
    log.step(
      `channel ${topology.channel}: ${entry.mspId}'s MSP now holds ${site.name}'s CRL (config block ${blockNumber}${published.replaced > 0 ? `, replacing ${published.replaced} earlier CRL of that CA` : ''})`,
    );
    log.detail(
      `update sent in ${timings.submitMs} ms, ordered after ${timings.orderedMs} ms, on every peer after ${timings.allPeersMs} ms`,
    );
  }
  log.detail(`every peer and orderer now refuses ${user}'s certificate`);
}

/** The columns both lists show after an identity's own: what state it is in. */
export const identityStatusHeader = ['state', 'token', 'enrolled at', 'certificate expires'] as const;

/** An identity's state, whether it has a token, when it was enrolled, when its certificate expires. */
export function identityStatus(entry: EnrolledUser, tokens: ApiTokens): string[] {
  const expiry = existsSync(entry.certificatePath)
    ? new X509Certificate(readFileSync(entry.certificatePath)).validTo
    : 'missing';
  return [entry.revoked ? 'REVOKED' : 'active', tokens[entry.user] ? 'yes' : 'no', entry.enrolledAt, expiry];
}
