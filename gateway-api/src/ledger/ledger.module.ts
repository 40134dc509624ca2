import { Module } from '@nestjs/common';

import { FabricModule } from '../fabric/fabric.module';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

/** GET /api/v1/ledger/transactions/{txId}. */
@Module({
  imports: [FabricModule],
  controllers: [LedgerController],
  providers: [LedgerService],
})
export class LedgerModule {}
