import { type ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { validateEnv } from '../config/validate-env';
import { DepartmentsReadinessCheck } from './departments.readiness';

const configOf = (env: Record<string, string>): ConfigService<EnvironmentVariables, true> => {
  const values = validateEnv(env, false);
  return { get: (key: keyof EnvironmentVariables) => values[key] } as unknown as ConfigService<
    EnvironmentVariables,
    true
  >;
};

describe('DepartmentsReadinessCheck', () => {
  it('names the departments the gateway serves', async () => {
    const check = new DepartmentsReadinessCheck(configOf({ GATEWAY_DEPARTMENTS: 'UrbanMSP' }));
    expect(await check.check()).toEqual({ up: true, message: 'serves UrbanMSP' });
  });

  it('names all four by default', async () => {
    const check = new DepartmentsReadinessCheck(configOf({}));
    expect((await check.check()).message).toBe('serves RegistryMSP, TaxMSP, MarketMSP, UrbanMSP');
  });
});
