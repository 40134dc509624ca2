/**
 * Top-level answer fields shown once and never kept for replay: a certificate's verification code
 * (real-estate registrations) must not sit in clear in idempotency_records. A replayed answer lacks
 * them; everything else is replayed as it was.
 */
export const ONE_TIME_FIELDS: ReadonlySet<string> = new Set(['verificationCode']);

export function withoutOneTimeFields(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !ONE_TIME_FIELDS.has(name)));
}
