import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';

import { type CheckOutcome, type ReadinessCheck } from './readiness-check';

/**
 * The process itself: ready until shutdown begins. Reporting `down` while Nest closes lets a load
 * balancer stop sending new requests while the ones in flight finish.
 */
@Injectable()
export class ProcessCheck implements ReadinessCheck, BeforeApplicationShutdown {
  readonly name = 'process';
  #shuttingDown = false;

  beforeApplicationShutdown(): void {
    this.#shuttingDown = true;
  }

  check(): Promise<CheckOutcome> {
    return Promise.resolve(this.#shuttingDown ? { up: false, message: 'shutting down' } : { up: true });
  }
}
