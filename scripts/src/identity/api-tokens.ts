import { OperatorError } from '../lib/errors';
import { newApiToken } from './tokens';

/** `.govtrace/api-tokens.json`: `{ "<user>": "<token>", … }`, as shared/API.md defines it. */
export type ApiTokens = Readonly<Record<string, string>>;

export function parseApiTokens(value: unknown, file: string): ApiTokens {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OperatorError(`${file} must be a JSON object of user → token`);
  }
  for (const [user, token] of Object.entries(value)) {
    if (typeof token !== 'string' || token.length === 0) {
      throw new OperatorError(`${file}: the token of ${user} must be a non-empty string`);
    }
  }
  return value as ApiTokens;
}

/**
 * The token a user keeps: the one already in the tokens file (what people have
 * copied into their tools), else a new one. Never replaced behind their back.
 */
export function tokenFor(
  tokens: ApiTokens,
  user: string,
): { readonly token: string; readonly isNew: boolean } {
  const existing = tokens[user];
  return existing ? { token: existing, isNew: false } : { token: newApiToken(), isNew: true };
}

export function withToken(tokens: ApiTokens, user: string, token: string): ApiTokens {
  return { ...tokens, [user]: token };
}

export function withoutToken(tokens: ApiTokens, user: string): ApiTokens {
  return Object.fromEntries(Object.entries(tokens).filter(([name]) => name !== user));
}
