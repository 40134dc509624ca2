import { createHash, timingSafeEqual } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { IdentityStoreService } from '../identities/identity-store.service';
import { type Principal, principalOfIdentity } from './principal';

export type Authentication =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: 'unknown' | 'revoked' };

/** Tokens are opaque strings from the setup scripts; anything longer is not one of ours. */
const MAX_TOKEN_LENGTH = 512;

export function sha256(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Finds the enrolled user a bearer token belongs to. identities.json holds only SHA-256 digests;
 * the presented token's digest is compared with every user's in constant time and without stopping
 * at a match, so the answer time says nothing about which digest (or how much of it) matched.
 */
@Injectable()
export class TokenAuthenticator {
  private readonly logger = new Logger(TokenAuthenticator.name);

  constructor(private readonly identities: IdentityStoreService) {}

  async authenticate(token: string): Promise<Authentication> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'unknown' };
    const digest = sha256(token);
    const { users } = await this.identities.snapshot();
    let match: (typeof users)[number] | undefined;
    for (const user of users) {
      const candidate = Buffer.from(user.tokenSha256, 'hex');
      if (timingSafeEqual(candidate, digest) && match === undefined) match = user;
    }
    if (match === undefined) return { ok: false, reason: 'unknown' };
    if (match.revoked) {
      this.logger.warn(`Refused the revoked token of ${match.user}`);
      return { ok: false, reason: 'revoked' };
    }
    return { ok: true, principal: principalOfIdentity(match) };
  }
}
