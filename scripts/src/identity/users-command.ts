import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { log } from '../lib/log';
import { paths } from '../lib/paths';
import { networkSupervisor } from '../network/supervisor-instance';
import { loadTopology } from '../network/topology';
import { withoutToken, withToken } from './api-tokens';
import { currentCrl, revoke } from './ca-client';
import { caSiteFor, type CaSite, orgByMsp } from './ca-site';
import { publishCrl, serialOf } from './channel-crl';
import { isCurrentlyIssuedBy } from './certificate';
import {
  defaultIdentityFiles,
  readApiTokens,
  readConnectionProfile,
  readStore,
  writeStoreAndTokens,
} from './identity-files';
import { findUser, withRevoked, withUser } from './identity-store';
import { holderLookupKeyFile } from './holder-lookup-key';
import { planHostExport, writeHostExport } from './host-export';
import { ensureEnrolled } from './provision';
import { assertRoleForOrg, assertUserName, parseRole, roleMsp } from './roles';
import { newApiToken, tokenSha256 } from './tokens';

const usage = [
  'usage: npm run users -- add <user> --role <role> [--org <MSP>]',
  '       npm run users -- revoke <user>',
  '       npm run users -- list',
  '       npm run users -- export --departments <MSP>[,<MSP>…] --out <folder>',
].join('\n');

const shown = (file: string): string => path.relative(paths.repoRoot, file);

function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new OperatorError(`${name} needs a value`, usage);
  return value;
}

async function requireCaRunning(site: CaSite): Promise<void> {
  if (!(await networkSupervisor().state(site.name)).healthy) {
    throw new OperatorError(
      `the CA ${site.name} is not running`,
      'Start the network (`npm run network -- up`) and try again.',
    );
  }
}

/** `users add`: registers and enrolls a further user at its org's CA, with a new token. */
async function addUser(args: readonly string[]): Promise<number> {
  const user = assertUserName(args[0]);
  const roleName = flag(args, '--role');
  if (roleName === undefined) throw new OperatorError('users add needs --role <role>', usage);
  const role = parseRole(roleName);
  const mspId = flag(args, '--org') ?? roleMsp[role];
  assertRoleForOrg(role, mspId);
  const topology = await loadTopology();
  const files = defaultIdentityFiles;
  const store = await readStore(files);
  const existing = findUser(store, user);
  if (existing) {
    throw new OperatorError(
      `user ${user} exists already (${existing.mspId}, ${existing.role}${existing.revoked ? ', revoked' : ''})`,
      existing.revoked
        ? 'A revoked name is not reused: choose another one.'
        : `Its token is in ${shown(files.apiTokens)}.`,
    );
  }
  await requireCaRunning(caSiteFor(orgByMsp(topology, mspId)));
  const token = newApiToken();
  const { entry } = await ensureEnrolled(
    topology,
    { user, mspId, role },
    undefined,
    files,
    tokenSha256(token),
  );
  const tokens = await readApiTokens(files);
  await writeStoreAndTokens(files, withUser(store, entry), withToken(tokens, user, token));
  log.step(`added ${user} (${mspId}, ${role}): certificate ${shown(entry.certificatePath)}`);
  log.detail(
    `its API token is in ${shown(files.apiTokens)}; the gateway accepts it as soon as it re-reads ${shown(files.store)}`,
  );
  return 0;
}

/**
 * `users revoke`: revokes at the CA (with a new CRL), cuts the user's API access,
 * then puts the CRL into the org's MSP in the channel configuration so that the
 * peers and orderers refuse the certificate too. Run again, it skips the CA's
 * revocation but still brings the CA's current CRL to the channel (a run that
 * stopped half-way is finished; a finished one changes nothing).
 */
async function revokeUser(args: readonly string[]): Promise<number> {
  const user = assertUserName(args[0]);
  const files = defaultIdentityFiles;
  const store = await readStore(files);
  const entry = findUser(store, user);
  if (!entry) throw new OperatorError(`no user ${user}`, 'List the users with `npm run users -- list`.');
  const topology = await loadTopology();
  const org = orgByMsp(topology, entry.mspId);
  const site = caSiteFor(org);
  await requireCaRunning(site);
  const begin = Date.now();
  let crl: string;
  if (entry.revoked) {
    crl = await currentCrl(site);
    log.step(`${user} was revoked already; ${site.name}'s current CRL is ${shown(crl)}`);
  } else {
    crl = await revoke(site, user);
    log.step(`revoked ${user} at ${site.name} in ${Date.now() - begin} ms; its CRL is ${shown(crl)}`);
  }
  // The gateway first: it refuses the token from its next request, whatever the channel step does.
  await writeStoreAndTokens(files, withRevoked(store, user), withoutToken(await readApiTokens(files), user));
  log.detail(`marked revoked in ${shown(files.store)} and its token removed from ${shown(files.apiTokens)}`);
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
  return 0;
}

function expiry(certificatePath: string): string {
  if (!existsSync(certificatePath)) return 'missing';
  return new X509Certificate(readFileSync(certificatePath)).validTo;
}

/** `users list`: who exists, with org, role and state, from the local files only. */
async function listUsers(): Promise<number> {
  const files = defaultIdentityFiles;
  const store = await readStore(files);
  const tokens = await readApiTokens(files);
  if (store.users.length === 0) {
    console.log('no users yet: `npm run network -- up` enrolls the demo users');
    return 0;
  }
  const rows = store.users.map((u) => [
    u.user,
    u.mspId,
    u.role,
    u.revoked ? 'REVOKED' : 'active',
    tokens[u.user] ? 'yes' : 'no',
    u.enrolledAt,
    expiry(u.certificatePath),
  ]);
  const header = ['user', 'org', 'role', 'state', 'token', 'enrolled at', 'certificate expires'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  return 0;
}

/**
 * `users export`: the files one department's gateway host needs and nothing more (host-export.ts),
 * for the deployment where each department runs its own gateway.
 */
async function exportForHost(args: readonly string[]): Promise<number> {
  const list = flag(args, '--departments');
  const out = flag(args, '--out');
  if (list === undefined || out === undefined) {
    throw new OperatorError('users export needs --departments and --out', usage);
  }
  const departments = [
    ...new Set(
      list
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
  const topology = await loadTopology();
  const files = defaultIdentityFiles;
  const plan = planHostExport(
    {
      store: await readStore(files),
      connection: await readConnectionProfile(files),
      holderLookupKey: holderLookupKeyFile(files),
    },
    departments,
    topology.peerOrgs.map((org) => org.mspId),
  );
  const folder = path.resolve(out);
  await writeHostExport(plan, folder);
  log.step(
    `exported ${plan.store.users.length} user(s) of ${departments.join(', ')} to ${folder} ` +
      `(${plan.copies.length} files besides identities.json and gateway.env)`,
  );
  log.detail(
    `on the host: GOVTRACE_HOME=<that folder> and the settings in ${path.join(folder, 'gateway.env')}`,
  );
  return 0;
}

export function usersCommand(args: readonly string[]): Promise<number> {
  switch (args[0]) {
    case 'add':
      return addUser(args.slice(1));
    case 'revoke':
      return revokeUser(args.slice(1));
    case 'list':
      return listUsers();
    case 'export':
      return exportForHost(args.slice(1));
    default:
      console.error(usage);
      return Promise.resolve(2);
  }
}
