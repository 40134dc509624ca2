import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { IdentitiesModule } from '../identities/identities.module';
import { LEDGER_CLIENT } from '../ledger/ledger-client.port';
import { LEDGER_EVENT_SOURCE } from '../ledger/ledger-events.port';
import { LEDGER_TRANSACTION_READER } from '../ledger/ledger-transactions.port';
import { PUBLIC_LEDGER } from '../ledger/public-ledger.port';
import { ReplayingLedgerClient } from '../ledger/replaying-ledger-client';
import { MetricsModule } from '../metrics/metrics.module';
import { FabricLedgerClient } from './fabric-ledger-client';
import { FabricLedgerEventSource } from './fabric-event-source';
import { FabricPublicLedger } from './fabric-public-ledger';
import { FabricTransactionReader } from './fabric-transaction-reader';
import { FabricReadinessCheck } from './fabric.readiness';
import { FABRIC_SETTINGS, fabricSettingsFrom } from './fabric.settings';
import { GatewayPool } from './gateway-pool';
import { PeerConnections } from './peer-connections';

/**
 * The Fabric adapter: the ledger ports (LEDGER_CLIENT, LEDGER_EVENT_SOURCE,
 * LEDGER_TRANSACTION_READER, PUBLIC_LEDGER) and the `fabric` readiness check. Connections are made on first use
 * and closed when the application shuts down (GatewayPool.onModuleDestroy).
 */
@Module({
  imports: [IdentitiesModule, MetricsModule],
  providers: [
    { provide: FABRIC_SETTINGS, useFactory: fabricSettingsFrom, inject: [ConfigService] },
    PeerConnections,
    GatewayPool,
    FabricLedgerClient,
    FabricLedgerEventSource,
    FabricTransactionReader,
    FabricPublicLedger,
    FabricReadinessCheck,
    // wrapped, so a retried write whose first commit was unconfirmed can be answered from the ledger
    {
      provide: LEDGER_CLIENT,
      useFactory: (fabric: FabricLedgerClient) => new ReplayingLedgerClient(fabric),
      inject: [FabricLedgerClient],
    },
    { provide: LEDGER_EVENT_SOURCE, useExisting: FabricLedgerEventSource },
    { provide: LEDGER_TRANSACTION_READER, useExisting: FabricTransactionReader },
    { provide: PUBLIC_LEDGER, useExisting: FabricPublicLedger },
  ],
  exports: [
    LEDGER_CLIENT,
    LEDGER_EVENT_SOURCE,
    LEDGER_TRANSACTION_READER,
    PUBLIC_LEDGER,
    FabricReadinessCheck,
  ],
})
export class FabricModule {}
