import { copyFile, chmod } from 'node:fs/promises';
import * as path from 'node:path';

import { OperatorError } from '../lib/errors';
import { type ConnectionProfile } from './connection-profile';
import { type EnrolledUser, type IdentityStore } from './identity-store';
import { ensurePrivateDir, writePrivateFile, writePrivateJson } from './private-files';

/**
 * What one department's gateway host needs, laid out as a GOVTRACE_HOME folder so the gateway finds
 * it with GOVTRACE_HOME alone:
 *
 *   gateway/identities.json      only the departments' active users, paths relative to the file
 *   gateway/connection.json      the peers' addresses, with their TLS CAs in gateway/tls/ (no secrets)
 *   gateway/holder-lookup.key    only when RegistryMSP is among them (the pepper never leaves it)
 *   identities/<user>/cert.pem, key.pem
 *   gateway.env                  GATEWAY_DEPARTMENTS for that gateway
 *
 * A host holding only its own department's keys cannot sign as another department: the gateway's
 * filter on GATEWAY_DEPARTMENTS is then the second line of defence, not the only one.
 */
export interface HostExportPlan {
  readonly store: IdentityStore;
  readonly connection: ConnectionProfile;
  /** Files to copy: from the operator's runtime folder to a path relative to the export folder. */
  readonly copies: readonly { readonly from: string; readonly to: string }[];
  readonly env: string;
}

export interface HostExportSources {
  readonly store: IdentityStore;
  /** The parsed connection profile, its TLS CA paths absolute. */
  readonly connection: ConnectionProfile;
  readonly holderLookupKey: string;
}

/** The department whose gateway alone reads the holder-lookup key. */
const HOLDER_LOOKUP_DEPARTMENT = 'RegistryMSP';

export function planHostExport(
  sources: HostExportSources,
  departments: readonly string[],
  known: readonly string[],
): HostExportPlan {
  const unknown = departments.filter((department) => !known.includes(department));
  if (departments.length === 0 || unknown.length > 0) {
    throw new OperatorError(
      `users export: ${departments.length === 0 ? 'no department given' : `unknown department ${unknown.join(', ')}`}`,
      `Name one or more of ${known.join(', ')} with --departments.`,
    );
  }
  const users = sources.store.users.filter((user) => departments.includes(user.mspId) && !user.revoked);
  const exported = users.map((user): EnrolledUser => {
    const dir = path.posix.join('..', 'identities', user.user);
    return {
      ...user,
      certificatePath: path.posix.join(dir, 'cert.pem'),
      privateKeyPath: path.posix.join(dir, 'key.pem'),
    };
  });
  // the gateway resolves TLS CA paths against connection.json's folder, as it does identities.json's
  const tlsCa = (mspId: string): string => path.posix.join('tls', `${mspId}-tlsca.pem`);
  const connection: ConnectionProfile = {
    ...sources.connection,
    peers: sources.connection.peers.map((peer) => ({ ...peer, tlsRootCertPath: tlsCa(peer.mspId) })),
  };
  const copies = [
    ...sources.connection.peers.map((peer) => ({
      from: peer.tlsRootCertPath,
      to: path.join('gateway', tlsCa(peer.mspId)),
    })),
    ...users.flatMap((user) => [
      { from: user.certificatePath, to: path.join('identities', user.user, 'cert.pem') },
      { from: user.privateKeyPath, to: path.join('identities', user.user, 'key.pem') },
    ]),
    ...(departments.includes(HOLDER_LOOKUP_DEPARTMENT)
      ? [{ from: sources.holderLookupKey, to: path.join('gateway', 'holder-lookup.key') }]
      : []),
  ];
  const env = [
    '# Start this gateway with GOVTRACE_HOME set to the folder that holds this file.',
    `GATEWAY_DEPARTMENTS=${departments.join(',')}`,
    '',
  ].join('\n');
  return { store: { version: 1, users: exported }, connection, copies, env };
}

/** Writes the plan into `folder` (created owner-only); every file is 0600. */
export async function writeHostExport(plan: HostExportPlan, folder: string): Promise<void> {
  await ensurePrivateDir(folder);
  await writePrivateJson(path.join(folder, 'gateway', 'identities.json'), plan.store);
  await writePrivateJson(path.join(folder, 'gateway', 'connection.json'), plan.connection);
  for (const { from, to } of plan.copies) {
    const target = path.join(folder, to);
    await ensurePrivateDir(path.dirname(target));
    await copyFile(from, target);
    await chmod(target, 0o600);
  }
  await writePrivateFile(path.join(folder, 'gateway.env'), plan.env);
}
