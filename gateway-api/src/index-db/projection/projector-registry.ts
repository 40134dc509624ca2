import { Inject, Injectable } from '@nestjs/common';

import { hasTrustRule } from '../trust/trust-rules';
import { PROJECTORS, type Projector } from './projector';

/**
 * The projector of each event name. Two projectors for one name, or a projector for an event the
 * trust table does not cover (whose every event would be quarantined), is a wiring bug, refused at
 * start-up.
 */
@Injectable()
export class ProjectorRegistry {
  readonly #byEventName = new Map<string, Projector>();

  constructor(@Inject(PROJECTORS) projectors: readonly Projector[]) {
    for (const projector of projectors) {
      if (this.#byEventName.has(projector.eventName)) {
        throw new Error(`Two projectors registered for event ${projector.eventName}`);
      }
      if (!hasTrustRule(projector.eventName)) {
        throw new Error(`No trust rule for event ${projector.eventName} (src/index-db/trust/trust-rules.ts)`);
      }
      this.#byEventName.set(projector.eventName, projector);
    }
  }

  get(eventName: string): Projector | undefined {
    return this.#byEventName.get(eventName);
  }

  eventNames(): string[] {
    return [...this.#byEventName.keys()];
  }
}
