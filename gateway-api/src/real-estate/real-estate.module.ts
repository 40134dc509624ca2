import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';

import { FabricModule } from '../fabric/fabric.module';
import { DatabaseModule } from '../index-db/database/database.module';
import { HolderLookupKey } from './holder-lookup-key';
import { DeedTaxClearancesService } from './projection/deed-tax-clearances.service';
import { RealEstateActsService } from './projection/real-estate-acts.service';
import { RealEstateCertificatesService } from './projection/real-estate-certificates.service';
import { RealEstateIndexController } from './real-estate-index.controller';
import { RealEstateController } from './real-estate.controller';
import { RealEstateService } from './real-estate.service';

/**
 * /api/v1/real-estate/*: writes and single-unit reads through the ledger (LEDGER_CLIENT), lists from
 * the index (Database). The index projectors (REAL_ESTATE_PROJECTORS) are registered with IndexModule,
 * not here, so there stays one listener.
 */
@Module({
  imports: [FabricModule, DatabaseModule],
  controllers: [RealEstateController, RealEstateIndexController],
  providers: [
    RealEstateService,
    RealEstateActsService,
    RealEstateCertificatesService,
    DeedTaxClearancesService,
    {
      provide: HolderLookupKey,
      inject: [ConfigService],
      // read while the application starts: without the key a registry gateway must not start at all.
      // A gateway not serving RegistryMSP never reads it (its real-estate routes answer 404), so the
      // pepper stays on the registry's host only (one gateway per department, issue 14)
      useFactory: (
        config: ConfigService<EnvironmentVariables, true>,
      ): Promise<HolderLookupKey> | HolderLookupKey => {
        const key = new HolderLookupKey(config.get('HOLDER_LOOKUP_KEY_FILE', { infer: true }), {
          create: config.get('HOLDER_LOOKUP_KEY_CREATE', { infer: true }),
        });
        return config.get('GATEWAY_DEPARTMENTS', { infer: true }).includes('RegistryMSP') ? key.load() : key;
      },
    },
  ],
})
export class RealEstateModule {}
