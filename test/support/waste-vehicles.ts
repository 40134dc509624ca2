// Registered vehicles for tests that load and deliver bags: the chaincode refuses an unregistered or
// retired truck, and a plate is registered once per ledger, so each test registers fresh plates.

import { randomInt } from 'node:crypto';
import { call } from './gateway-process';

/** A random large new-energy plate (粤A + 5 digits + D), the form refuse trucks carry. */
export function randomPlate(): string {
  return `粤A${String(randomInt(0, 100_000)).padStart(5, '0')}D`;
}

/** A valid unified social credit code of the test haulage company. */
export const HAULIER_USCC = '914403001922038216';

/**
 * Registers a truck under a plate no earlier run took (a taken plate answers 409 and another is
 * drawn) and returns its plate. `inspectorToken` is an urban inspector's.
 */
export async function registerVehicle(
  baseUrl: string,
  inspectorToken: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const vehicleId = randomPlate();
    const answer = await call(baseUrl, 'POST', '/api/v1/waste/vehicles', {
      token: inspectorToken,
      body: {
        vehicleId,
        companyUscc: HAULIER_USCC,
        rfidTag: `E280116060000${String(randomInt(0, 1e9)).padStart(11, '0')}`,
        capacityKg: 8000,
        ...overrides,
      },
    });
    if (answer.status === 201) return vehicleId;
    if (answer.status !== 409) {
      throw new Error(
        `registering vehicle ${vehicleId} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    }
  }
  throw new Error('ten random plates in a row were taken');
}
