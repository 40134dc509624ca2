// Who performed an act, as recorded on the ledger: MSP, role and Fabric's x509 id of the enrolment.

import { type AuthorisedSubmitter, isRole, type Role } from '../common/access';
import { type StoredObject, storedObject, storedString } from './stored';

export interface Actor {
  readonly mspId: string;
  readonly role: Role;
  readonly id: string;
}

export function actorOf(submitter: AuthorisedSubmitter): Actor {
  return { mspId: submitter.mspId, role: submitter.role, id: submitter.id };
}

export function storedActor(parent: StoredObject, field: string, what: string): Actor {
  const object = storedObject(parent[field], `${what} ${field}`);
  const role = storedString(object, 'role', what);
  if (!isRole(role)) {
    throw new Error(`stored ${what} is invalid: unknown role ${role}`);
  }
  return { mspId: storedString(object, 'mspId', what), role, id: storedString(object, 'id', what) };
}
