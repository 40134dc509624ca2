import { Injectable } from '@nestjs/common';

import { type CheckOutcome, type ReadinessCheck } from '../health/readiness-check';
import { mapFabricError } from './fabric-errors';
import { GatewayPool } from './gateway-pool';
import { Qscc } from './qscc';

/** Below the health endpoint's own 2 s limit, so a slow peer reads as "down: deadline", not a timeout. */
export const FABRIC_CHECK_DEADLINE_MS = 1500;

/**
 * Ready when the service identity's peer answers qscc GetChainInfo for the channel in time: the
 * connection profile, an enrolled identity, TLS, the peer and its channel membership all work.
 */
@Injectable()
export class FabricReadinessCheck implements ReadinessCheck {
  readonly name = 'fabric';

  constructor(private readonly gateways: GatewayPool) {}

  async check(): Promise<CheckOutcome> {
    try {
      const network = await this.gateways.network(await this.gateways.serviceUser());
      const height = await new Qscc(network).height({ deadline: Date.now() + FABRIC_CHECK_DEADLINE_MS });
      return { up: true, message: `channel ${network.getName()} at block height ${height}` };
    } catch (error) {
      // /health/ready is public: it shows only what the API would tell a client; a bug is thrown
      // so that HealthService logs it and answers a generic "check failed"
      const mapped = mapFabricError(error);
      if (mapped.code === 'INTERNAL') throw error;
      const detail = mapped.details[0]?.message;
      return { up: false, message: detail === undefined ? mapped.message : `${mapped.message} (${detail})` };
    }
  }
}
