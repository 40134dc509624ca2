import * as path from 'node:path';

import {
  type EnrolledUser,
  type IdentityStore,
  parseDeviceAssignment,
} from '../../../chaincode/src/contract';

/** identities.json is not what chaincode/src/contract/runtime-files.ts says it is; the message names the first bad field. */
export class IdentityFileError extends Error {
  override readonly name = 'IdentityFileError';
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * Validates a parsed identities.json. Relative certificate and key paths are taken from the file's
 * own folder, so the folder can move as a whole. A duplicate user or token hash makes the whole file
 * invalid: either would make a token mean two identities.
 */
export function parseIdentityStore(raw: unknown, baseDir: string): IdentityStore {
  const root = asObject(raw, '');
  if (root['version'] !== 1) throw new IdentityFileError('version must be 1');
  const list = root['users'];
  if (!Array.isArray(list)) throw new IdentityFileError('users must be an array');
  const users = (list as unknown[]).map((item, index) => parseUser(item, `users[${index}]`, baseDir));
  assertUnique(
    users.map((u) => u.user),
    'user',
  );
  assertUnique(
    users.map((u) => u.tokenSha256),
    'tokenSha256',
  );
  return { version: 1, users };
}

function parseUser(raw: unknown, at: string, baseDir: string): EnrolledUser {
  const entry = asObject(raw, at);
  const text = (field: string): string => {
    const value = entry[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new IdentityFileError(`${at}.${field} must be a non-empty string`);
    }
    return value;
  };
  // fields are checked in the order of EnrolledUser, so the first bad one is the one reported
  const user = text('user');
  const mspId = text('mspId');
  const role = text('role');
  const certificatePath = path.resolve(baseDir, text('certificatePath'));
  const privateKeyPath = path.resolve(baseDir, text('privateKeyPath'));
  const tokenSha256 = text('tokenSha256');
  if (!SHA256_HEX.test(tokenSha256)) {
    throw new IdentityFileError(`${at}.tokenSha256 must be 64 hexadecimal characters`);
  }
  const revoked = entry['revoked'];
  if (typeof revoked !== 'boolean') throw new IdentityFileError(`${at}.revoked must be true or false`);
  const enrolledAt = text('enrolledAt');
  // a device's binding must match its role (chaincode/src/contract/device-assignment.ts)
  const device = parseDeviceAssignment(role, entry['device']);
  if ('problem' in device) throw new IdentityFileError(`${at}: ${device.problem}`);
  return {
    user,
    mspId,
    role,
    certificatePath,
    privateKeyPath,
    tokenSha256: tokenSha256.toLowerCase(),
    revoked,
    enrolledAt,
    ...(device.assignment === undefined ? {} : { device: device.assignment }),
  };
}

function asObject(raw: unknown, at: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new IdentityFileError(`${at || 'the file'} must be a JSON object`);
  }
  return raw as Record<string, unknown>;
}

function assertUnique(values: readonly string[], field: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    // the value itself is left out of the message: for tokenSha256 it is a credential's hash
    if (seen.has(value)) throw new IdentityFileError(`two users have the same ${field}`);
    seen.add(value);
  }
}
