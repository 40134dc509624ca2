// How personal data appears in public state: a masked name and a salted hash of the identifier.
// The salt is chosen by the client (chaincode has no randomness), sent as transient data and kept with
// the plain data in the responsible department's private collection, so that department (or the
// person, holding the salt) can later prove "this record is mine" by recomputing the hash.
//
//   idHash = hex(SHA-256(UTF-8(salt + ':' + identifier)))

import { createHash } from 'node:crypto';

/** Client-chosen salts: 16 to 64 random bytes written as hex. */
export const SALT_PATTERN = /^[0-9a-fA-F]{32,128}$/;

/** 张*三 style: first and last character kept, each middle one masked; two characters: 张*. */
export function maskName(name: string): string {
  const characters = [...name];
  if (characters.length <= 1) {
    return '*';
  }
  if (characters.length === 2) {
    return `${characters[0] ?? ''}*`;
  }
  return `${characters[0] ?? ''}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1] ?? ''}`;
}

export function saltedIdHash(salt: string, identifier: string): string {
  return createHash('sha256').update(`${salt}:${identifier}`, 'utf8').digest('hex');
}
