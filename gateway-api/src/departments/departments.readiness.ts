import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { type CheckOutcome, type ReadinessCheck } from '../health/readiness-check';

/**
 * Always up: it is there so /health/ready names the departments this gateway serves, and an operator
 * (or a load balancer's probe) can tell the registry's gateway from the tax bureau's.
 */
@Injectable()
export class DepartmentsReadinessCheck implements ReadinessCheck {
  readonly name = 'departments';

  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  check(): Promise<CheckOutcome> {
    const served = this.config.get('GATEWAY_DEPARTMENTS', { infer: true });
    return Promise.resolve({ up: true, message: `serves ${served.join(', ')}` });
  }
}
