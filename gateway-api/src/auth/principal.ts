/**
 * Who is calling: set on the request by the auth guard from the bearer token,
 * absent on public routes. Everything downstream (Fabric identity, idempotency
 * keys, logs) keys on `user`.
 */
export interface Principal {
  readonly user: string;
  readonly mspId: string;
  readonly role: string;
}

/** The request property the auth guard fills. */
export const PRINCIPAL_KEY = 'principal';

export type RequestWithPrincipal = { [PRINCIPAL_KEY]?: Principal };
