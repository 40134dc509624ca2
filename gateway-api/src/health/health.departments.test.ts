import { type ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { validateEnv } from '../config/validate-env';
import { HealthService } from './health.service';

const configOf = (env: Record<string, string>): ConfigService<EnvironmentVariables, true> => {
  const values = validateEnv(env, false);
  return { get: (key: keyof EnvironmentVariables) => values[key] } as unknown as ConfigService<
    EnvironmentVariables,
    true
  >;
};

describe('HealthService departments', () => {
  it('lists the departments this gateway serves when ready', async () => {
    const health = new HealthService([], configOf({ GATEWAY_DEPARTMENTS: 'UrbanMSP' }));
    expect(await health.ready()).toEqual({ status: 'ready', departments: ['UrbanMSP'], checks: [] });
  });

  it('lists all four by default', async () => {
    const health = new HealthService([], configOf({}));
    expect((await health.ready()).departments).toEqual(['RegistryMSP', 'TaxMSP', 'MarketMSP', 'UrbanMSP']);
  });
});
