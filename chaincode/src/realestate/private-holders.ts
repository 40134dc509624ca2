// The private record of the right holders named by one registration, in RegistryPrivate under
// realestate.holders [unitNumber, sequence]: names, ID numbers, shares and the salts of the public
// idHash values. Kept per registration (not per unit), so a former holder can still prove that a
// superseded certificate named them.

import { type PrivateHolder, isObject } from './personal-data';

export interface PrivateHolders {
  readonly unitNumber: string;
  readonly registrationId: string;
  readonly holders: readonly PrivateHolder[];
}

export function parsePrivateHolders(raw: unknown): PrivateHolders {
  if (!isObject(raw) || !Array.isArray(raw.holders)) {
    throw new Error('stored private holders record is invalid');
  }
  return raw as unknown as PrivateHolders;
}
