import {
  type EnrolledUser,
  type IdentityStore,
  parseDeviceAssignment,
} from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';

/**
 * The gateway's identity store (.govtrace/gateway/identities.json) as values:
 * parsing with a readable complaint, and updates that return a new store.
 * The shape is the gateway's own type, imported, so the two cannot drift.
 */
export type { EnrolledUser, IdentityStore };

export const emptyStore: IdentityStore = { version: 1, users: [] };

export function findUser(store: IdentityStore, user: string): EnrolledUser | undefined {
  return store.users.find((entry) => entry.user === user);
}

/** Replaces the user's entry in place, or appends it: the file keeps a stable order. */
export function withUser(store: IdentityStore, entry: EnrolledUser): IdentityStore {
  const exists = store.users.some((candidate) => candidate.user === entry.user);
  return {
    version: 1,
    users: exists
      ? store.users.map((candidate) => (candidate.user === entry.user ? entry : candidate))
      : [...store.users, entry],
  };
}

export function withRevoked(store: IdentityStore, user: string): IdentityStore {
  const entry = findUser(store, user);
  if (!entry) throw new OperatorError(`no user ${user} in the identity store`);
  return withUser(store, { ...entry, revoked: true });
}

const stringFields = [
  'user',
  'mspId',
  'role',
  'certificatePath',
  'privateKeyPath',
  'tokenSha256',
  'enrolledAt',
] as const;

function parseEntry(value: unknown, at: string): EnrolledUser {
  if (typeof value !== 'object' || value === null) throw new OperatorError(`${at} must be an object`);
  const record = value as Record<string, unknown>;
  for (const field of stringFields) {
    if (typeof record[field] !== 'string') throw new OperatorError(`${at}.${field} must be a string`);
  }
  if (typeof record['revoked'] !== 'boolean') throw new OperatorError(`${at}.revoked must be true or false`);
  const device = parseDeviceAssignment(record['role'] as string, record['device']);
  if ('problem' in device) throw new OperatorError(`${at}: ${device.problem}`);
  return record as unknown as EnrolledUser;
}

/** Checks a parsed identities.json; throws an OperatorError naming the file and the bad field. */
export function parseIdentityStore(value: unknown, file: string): IdentityStore {
  try {
    const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (record['version'] !== 1) throw new OperatorError('version must be 1');
    const users = record['users'];
    if (!Array.isArray(users)) throw new OperatorError('users must be a list');
    return { version: 1, users: users.map((entry, index) => parseEntry(entry, `users[${index}]`)) };
  } catch (error) {
    if (!(error instanceof OperatorError)) throw error;
    throw new OperatorError(
      `${file}: ${error.message}`,
      'Fix the file by hand (users lost from it lose their API access), or restore it from a backup.',
    );
  }
}
