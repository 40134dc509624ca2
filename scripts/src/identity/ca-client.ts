import { existsSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { CommandFailedError, exec, type ExecResult } from '../lib/exec';
import { address } from '../network/topology';
import { readAdminPassword } from './ca-home';
import { fabricCaBinary } from './ca-process';
import { bootstrapAdmin } from './ca-server-config';
import { caFiles, type CaSite, caUrl } from './ca-site';
import { ensurePrivateDir } from './private-files';
import { deviceAttribute, type DeviceAssignment } from '../../../chaincode/src/contract';
import { type Role } from './roles';

/**
 * fabric-ca-client calls against one org's CA, as its bootstrap admin or as a
 * user enrolling. Passwords and enrollment secrets travel in environment
 * variables (FABRIC_CA_CLIENT_URL, FABRIC_CA_CLIENT_ID_SECRET), never in the
 * command line, where any local user could read them from the process list.
 */
const timeoutMs = 60_000;

/** The attribute the chaincode reads the role from; `:ecert` puts it in every certificate by default. */
export const roleAttribute = 'govtrace.role';

function env(url: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // Bare on purpose: FABRIC_CA_CLIENT_* from the operator's shell must not change what we do.
  return { PATH: process.env['PATH'], HOME: process.env['HOME'], FABRIC_CA_CLIENT_URL: url, ...extra };
}

const urlWith = (site: CaSite, user: string, secret: string): string =>
  `https://${encodeURIComponent(user)}:${encodeURIComponent(secret)}@${address(site)}`;

const target = (site: CaSite, home: string): string[] => [
  '--home',
  home,
  '--caname',
  site.name,
  '--tls.certfiles',
  site.tlsRootCert,
];

function client(args: readonly string[], environment: NodeJS.ProcessEnv): Promise<ExecResult> {
  return exec(fabricCaBinary('fabric-ca-client'), args, { env: environment, timeoutMs });
}

/** Enrolls the bootstrap admin once; its enrollment in the CA's home then signs every request. */
export async function ensureCaAdmin(site: CaSite): Promise<void> {
  const files = caFiles(site);
  if (existsSync(files.adminCert)) return;
  await rm(files.adminHome, { recursive: true, force: true });
  await ensurePrivateDir(files.adminHome);
  const password = await readAdminPassword(site);
  await client(['enroll', ...target(site, files.adminHome)], env(urlWith(site, bootstrapAdmin, password)));
}

/**
 * The `--id.attrs` value: the role, and a device's binding beside it, each `:ecert` so it is in every
 * certificate by default. Vehicle ids are plates such as 粤A12345: fabric-ca-client, the CA, the
 * certificate's attribute extension (JSON, UTF-8) and fabric-shim's getAttributeValue carry the CJK
 * characters unchanged (checked on the real network by test/e2e/device-identities.e2e.ts), so they
 * travel as they are. Neither id pattern admits a comma, which would split the list.
 */
export function identityAttributes(role: Role, device?: DeviceAssignment): string {
  const attributes = [`${roleAttribute}=${role}:ecert`];
  if (device !== undefined) {
    const { name, value } = deviceAttribute(device);
    attributes.push(`${name}=${value}:ecert`);
  }
  return attributes.join(',');
}

/**
 * Registers a client identity with its role (and a device's binding). When the CA already knows the
 * name (an earlier enrollment whose files were lost, or a run interrupted
 * between register and enroll) its secret and role are reset instead, so the
 * caller can always enroll with `secret`.
 */
export async function registerUser(
  site: CaSite,
  user: string,
  attributes: string,
  secret: string,
): Promise<void> {
  const admin = target(site, caFiles(site).adminHome);
  try {
    await client(
      ['register', ...admin, '--id.name', user, '--id.type', 'client', '--id.attrs', attributes],
      env(caUrl(site), { FABRIC_CA_CLIENT_ID_SECRET: secret }),
    );
    return;
  } catch (error) {
    if (!(error instanceof CommandFailedError && /is already registered/.test(error.stderr))) throw error;
  }
  try {
    // `identity modify` takes the secret only as a flag: the one place a secret is in a
    // command line, for the moment this call runs (only on this recovery path). It is
    // random and never stored, but stays valid at the CA (maxenrollments is unlimited).
    await client(
      ['identity', 'modify', user, ...admin, '--type', 'client', '--secret', secret, '--attrs', attributes],
      env(caUrl(site)),
    );
  } catch (error) {
    // Re-raised without the command line, which holds the secret.
    const detail =
      error instanceof CommandFailedError ? error.stderr.trim().split('\n').slice(-3).join('\n') : '';
    throw new OperatorError(
      `${site.name}: ${user} is registered already and its secret could not be reset:\n${detail}`,
    );
  }
}

/** Enrolls `user` into an MSP folder `<home>/msp` (signcerts/cert.pem, keystore/*_sk). */
export async function enroll(site: CaSite, user: string, secret: string, home: string): Promise<string> {
  const msp = path.join(home, 'msp');
  await client(
    [
      'enroll',
      ...target(site, home),
      '--mspdir',
      msp,
      '--csr.cn',
      user,
      '--csr.names',
      `O=${site.organization}`,
      // No subject alternative names: a user certificate names no host (the default
      // would put this machine's host name in it).
      '--csr.hosts',
      '',
    ],
    env(urlWith(site, user, secret)),
  );
  return msp;
}

/**
 * Revokes every certificate of `user` at the CA and fetches a fresh CRL, which
 * is copied to the CA's home. Returns the CRL's path.
 */
export async function revoke(site: CaSite, user: string): Promise<string> {
  const files = caFiles(site);
  await client(
    ['revoke', ...target(site, files.adminHome), '--revoke.name', user, '--gencrl'],
    env(caUrl(site)),
  );
  await copyFile(files.adminCrl, files.crl);
  return files.crl;
}

/**
 * A fresh CRL of everything the CA has revoked (`gencrl`), copied to the CA's
 * home like `revoke`'s. For a user revoked earlier, whose CRL still has to reach
 * the channel (a `users revoke` interrupted after the CA step, run again).
 */
export async function currentCrl(site: CaSite): Promise<string> {
  const files = caFiles(site);
  await client(['gencrl', ...target(site, files.adminHome)], env(caUrl(site)));
  await copyFile(files.adminCrl, files.crl);
  return files.crl;
}
