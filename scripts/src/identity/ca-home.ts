import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { OperatorError } from '../lib/errors';
import { renderCaServerConfig } from './ca-server-config';
import { caFiles, type CaSite } from './ca-site';
import { ensurePrivateDir, writePrivateFile } from './private-files';
import { newCaSecret } from './tokens';

/**
 * The bootstrap admin's password: made up on the CA's first start and kept in
 * an owner-only file in its home. The CA stores only a hash of it in its
 * database when it initialises, so a later start must use the same one.
 */
async function adminPassword(site: CaSite): Promise<string> {
  const files = caFiles(site);
  if (existsSync(files.adminPassword)) return (await readFile(files.adminPassword, 'utf8')).trim();
  if (existsSync(files.database)) {
    throw new OperatorError(
      `${site.name}: its database exists but the bootstrap admin's password file ${files.adminPassword} is gone`,
      `Stop the CA and remove ${site.home} to start it afresh (\`network up\` then re-enrolls the users).`,
    );
  }
  const password = newCaSecret();
  await writePrivateFile(files.adminPassword, `${password}\n`);
  return password;
}

export async function readAdminPassword(site: CaSite): Promise<string> {
  const file = caFiles(site).adminPassword;
  if (!existsSync(file)) {
    throw new OperatorError(
      `${site.name}: no bootstrap admin password at ${file}`,
      'Run `npm run network -- up`.',
    );
  }
  return (await readFile(file, 'utf8')).trim();
}

/** Everything the CA needs on disk before it starts: an owner-only home, the password, its config. */
export async function prepareCaHome(site: CaSite): Promise<void> {
  for (const [what, file] of [
    ['signing certificate', site.signing.cert],
    ['signing key', site.signing.key],
    ['TLS certificate', site.tls.cert],
    ['TLS key', site.tls.key],
  ] as const) {
    // Without its signing pair fabric-ca-server would invent a new root CA,
    // whose users no peer would accept: refuse instead.
    if (!existsSync(file)) {
      throw new OperatorError(
        `${site.name}: the ${what} ${file} is missing`,
        'It comes from cryptogen: run `npm run network -- up`, which issues missing node identities.',
      );
    }
  }
  await ensurePrivateDir(site.home);
  await writePrivateFile(caFiles(site).config, renderCaServerConfig(site, await adminPassword(site)));
}
