import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';

import { Logger } from '@nestjs/common';

import { type EnrolledUser } from '../../../chaincode/src/contract';
import { parseIdentityStore } from './identity-file';

/** What identities.json said the last time it was read. */
export interface IdentitySnapshot {
  readonly users: readonly EnrolledUser[];
  /** Why there are no users, when the file is missing or invalid; for readiness and logs. */
  readonly problem?: string;
}

/** Stands for "the file is not there" among file versions. */
const MISSING = 'missing';

/**
 * The enrolled users of `.govtrace/gateway/identities.json`, re-read whenever the file changes.
 *
 * Every call stats the file (tens of microseconds; concurrent callers share one stat), so a
 * revocation written by the setup scripts applies to the very next request. A file that cannot be
 * read or parsed counts as "no users" (fail closed) rather than "the last good copy", which might
 * still list a user who was just revoked; the scripts should write it atomically (temp file, rename).
 */
export class IdentityStoreService {
  private readonly logger = new Logger(IdentityStoreService.name);
  #version: string | undefined;
  #snapshot: IdentitySnapshot = { users: [] };
  #pending: Promise<IdentitySnapshot> | undefined;

  /**
   * @param departments the MSP ids this gateway serves (GATEWAY_DEPARTMENTS); users of any other
   * department are never loaded, so their tokens are unknown here and their keys never reach a signer
   */
  constructor(
    readonly file: string,
    readonly departments?: readonly string[],
  ) {}

  /** The current users; reads the file again only if it changed since the last call. */
  snapshot(): Promise<IdentitySnapshot> {
    this.#pending ??= this.refresh().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** The enrolled user named `user`, revoked or not; undefined if there is none. */
  async findUser(user: string): Promise<EnrolledUser | undefined> {
    return (await this.snapshot()).users.find((candidate) => candidate.user === user);
  }

  private async refresh(): Promise<IdentitySnapshot> {
    const version = await this.fileVersion();
    if (version === this.#version) return this.#snapshot;
    this.#snapshot =
      version === MISSING ? { users: [], problem: 'identities file not found' } : await this.read();
    this.#version = version;
    if (this.#snapshot.problem !== undefined) {
      this.logger.error(`${this.file}: ${this.#snapshot.problem}; every token is refused until it is fixed`);
    } else {
      this.logger.log(`Loaded ${this.#snapshot.users.length} enrolled identities from ${this.file}`);
    }
    return this.#snapshot;
  }

  /**
   * Identifies one version of the file without reading it. Inode and size catch an atomic rename
   * or a rewrite within the same mtime tick; ctime catches a touch.
   */
  private async fileVersion(): Promise<string> {
    try {
      const s = await stat(this.file, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch (error) {
      // an unreadable folder (EACCES) is left to read(), which reports it as the problem
      return isNotFound(error) ? MISSING : `stat failed: ${describe(error)}`;
    }
  }

  private async read(): Promise<IdentitySnapshot> {
    try {
      const raw: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      const { users } = parseIdentityStore(raw, path.dirname(this.file));
      return { users: servedUsers(users, this.departments) };
    } catch (error) {
      return { users: [], problem: `invalid identities file (${describe(error)})` };
    }
  }
}

/** The users of the served departments; all of them when no departments are given. */
export function servedUsers(
  users: readonly EnrolledUser[],
  departments: readonly string[] | undefined,
): readonly EnrolledUser[] {
  return departments === undefined ? users : users.filter((user) => departments.includes(user.mspId));
}

function isNotFound(error: unknown): boolean {
  // duck-typed: fs errors need not be instances of this realm's Error (jest runs tests in a vm context)
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
