import { createHash, randomBytes } from 'node:crypto';

/** Marks a govtrace API token, so a leaked one is recognisable (e.g. by secret scanners). */
export const tokenPrefix = 'gt_';

/** A new bearer token: 256 random bits, base64url (no padding), prefixed. */
export function newApiToken(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

/** What the gateway's identity store keeps instead of the token: its SHA-256, hex. */
export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A secret for one CA registration or bootstrap admin: random, URL-safe (it travels in a CA URL). */
export function newCaSecret(): string {
  return randomBytes(24).toString('base64url');
}
