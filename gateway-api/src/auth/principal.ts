import { type DeviceAssignment, type EnrolledUser } from '../../../chaincode/src/contract';

/**
 * Who is calling: set on the request by the auth guard from the bearer token,
 * absent on public routes. Everything downstream (Fabric identity, idempotency
 * keys, logs) keys on `user`.
 */
export interface Principal {
  readonly user: string;
  readonly mspId: string;
  readonly role: string;
  /** A device's binding (its vehicle or site), as `devices add` enrolled it; absent for a person. */
  readonly device?: DeviceAssignment;
}

/** The principal an enrolled identity acts as, whichever credential (token or session) named it. */
export function principalOfIdentity(entry: EnrolledUser): Principal {
  const principal: Principal = { user: entry.user, mspId: entry.mspId, role: entry.role };
  return entry.device === undefined ? principal : { ...principal, device: entry.device };
}

/** The request property the auth guard fills. */
export const PRINCIPAL_KEY = 'principal';

export type RequestWithPrincipal = { [PRINCIPAL_KEY]?: Principal };
