import { createHash } from 'node:crypto';

import { canonicalJson } from './canonical-json';

/** What makes a retry "the same request": same method, same path, same body up to key order. */
export interface RequestFingerprint {
  readonly method: string;
  /** The path without the query string (no route of the API takes a query on a write). */
  readonly path: string;
  /** SHA-256 (hex) of the canonical JSON of the body; of the empty string when there is none. */
  readonly bodySha256: string;
}

export function fingerprintRequest(request: {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}): RequestFingerprint {
  const queryAt = request.url.indexOf('?');
  return {
    method: request.method.toUpperCase(),
    path: queryAt === -1 ? request.url : request.url.slice(0, queryAt),
    bodySha256: createHash('sha256')
      .update(request.body === undefined ? '' : canonicalJson(request.body), 'utf8')
      .digest('hex'),
  };
}

export function sameRequest(a: RequestFingerprint, b: RequestFingerprint): boolean {
  return a.method === b.method && a.path === b.path && a.bodySha256 === b.bodySha256;
}
