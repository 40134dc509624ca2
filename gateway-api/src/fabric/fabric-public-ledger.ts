import { Injectable } from '@nestjs/common';

import { type LedgerCall } from '../ledger/ledger-client.port';
import { type PublicLedger } from '../ledger/public-ledger.port';
import { mapFabricError } from './fabric-errors';
import { FabricLedgerClient } from './fabric-ledger-client';
import { GatewayPool } from './gateway-pool';
import { isUnknownTransaction, Qscc } from './qscc';

/** PublicLedger over Fabric: chaincode queries and qscc block reads as the service identity. */
@Injectable()
export class FabricPublicLedger implements PublicLedger {
  constructor(
    private readonly gateways: GatewayPool,
    private readonly client: FabricLedgerClient,
  ) {}

  async evaluate(
    call: Omit<LedgerCall, 'transient' | 'endorsingOrgs'>,
    options: { mspId?: string; user?: string } = {},
  ): Promise<Uint8Array> {
    return this.client.evaluate(await this.readerFor(options), call);
  }

  private async readerFor(options: { mspId?: string; user?: string }): Promise<string> {
    if (options.user !== undefined) return this.gateways.namedServiceUser(options.user);
    if (options.mspId !== undefined) return this.gateways.serviceUserOf(options.mspId);
    return this.gateways.serviceUser();
  }

  async blockOf(txId: string): Promise<Uint8Array | undefined> {
    try {
      return await (await this.qscc()).blockBytesOf(txId);
    } catch (error) {
      if (isUnknownTransaction(error)) return undefined;
      throw mapFabricError(error);
    }
  }

  async blockAt(blockNumber: bigint): Promise<Uint8Array> {
    try {
      return await (await this.qscc()).blockBytesAt(blockNumber);
    } catch (error) {
      throw mapFabricError(error);
    }
  }

  async channel(): Promise<string> {
    const network = await this.gateways.network(await this.gateways.serviceUser());
    return network.getName();
  }

  private async qscc(): Promise<Qscc> {
    return new Qscc(await this.gateways.network(await this.gateways.serviceUser()));
  }
}
