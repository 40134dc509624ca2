// Who reported a weighing, a scan or an arrival: a person at a desk or a device in the field. Kept on
// the load and delivery records (and on each bag's step) so an inspector can tell a truck's own
// weighing from a value typed by a person, and which certificate signed it.

import { type AuthorisedSubmitter, DeviceRoles } from '../common/access';

export interface Reporter {
  readonly mspId: string;
  /** Fabric's `x509::<subject>::<issuer>` id of the signing certificate. */
  readonly id: string;
  readonly role: string;
  /** True when the certificate is a device's (vehicle_device, site_device). */
  readonly device: boolean;
}

export function reporterOf(submitter: AuthorisedSubmitter): Reporter {
  return {
    mspId: submitter.mspId,
    id: submitter.id,
    role: submitter.role,
    device: DeviceRoles.includes(submitter.role),
  };
}
