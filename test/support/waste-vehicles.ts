// Registered trucks for e2e tests that load and deliver bags, through the gateway under test.

import { registerFreshVehicle } from '../../gateway-api/test/support';
import { call } from './gateway-process';

/** Registers a truck under a fresh plate as the urban inspector (`inspectorToken`); answers its plate. */
export function registerVehicle(baseUrl: string, inspectorToken: string): Promise<string> {
  return registerFreshVehicle(
    async (body) =>
      (await call(baseUrl, 'POST', '/api/v1/waste/vehicles', { token: inspectorToken, body })).status,
  );
}
