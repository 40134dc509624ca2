// A truck registered under a fresh plate, for specs that load and deliver bags on the real network:
// the chaincode refuses an unregistered or retired truck, and a plate is registered once per ledger,
// so each run draws new plates (a taken one answers 409 and another is drawn).

import { randomInt } from 'node:crypto';

/** A random large new-energy plate of the given office letter, e.g. 粤A01234D. */
export function randomPlate(office = 'A'): string {
  return `粤${office}${String(randomInt(0, 100_000)).padStart(5, '0')}D`;
}

/** The body of POST /api/v1/waste/vehicles for `vehicleId`. */
export function vehicleBody(vehicleId: string): Record<string, unknown> {
  return {
    vehicleId,
    companyUscc: '914403001922038216',
    rfidTag: `E2801160${String(randomInt(0, 1e9)).padStart(16, '0')}`,
    capacityKg: 8000,
  };
}

/**
 * Registers a fresh plate through `register` (which POSTs the body and answers the HTTP status) and
 * answers it; anything but 201 or 409 is an error.
 */
export async function registerFreshVehicle(
  register: (body: Record<string, unknown>) => Promise<number>,
  office = 'A',
): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const vehicleId = randomPlate(office);
    const status = await register(vehicleBody(vehicleId));
    if (status === 201) return vehicleId;
    if (status !== 409) throw new Error(`registering vehicle ${vehicleId} answered ${status}`);
  }
  throw new Error('ten random plates in a row were taken');
}
