import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { IdentityStoreService } from './identity-store.service';

/**
 * The enrolled identities file (GOVTRACE_IDENTITIES), read by auth (token → user) and by the Fabric
 * module (user → certificate and key). One service, so both see the same version of the file.
 */
@Module({
  providers: [
    {
      provide: IdentityStoreService,
      useFactory: (config: ConfigService<EnvironmentVariables, true>): IdentityStoreService =>
        new IdentityStoreService(
          config.get('GOVTRACE_IDENTITIES', { infer: true }),
          config.get('GATEWAY_DEPARTMENTS', { infer: true }),
        ),
      inject: [ConfigService],
    },
  ],
  exports: [IdentityStoreService],
})
export class IdentitiesModule {}
