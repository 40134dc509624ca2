/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750: scheme case-insensitive, one
 * token of token68 characters). undefined when the header is absent; null when it is there but is
 * not a bearer token, so the two can be reported differently.
 */
export function bearerToken(header: string | string[] | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) return null;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1] ?? null;
}
