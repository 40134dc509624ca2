import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { UnavailableError } from '../common/errors';
import { type EnvironmentVariables } from '../config/env.schema';
import { type CheckOutcome, READINESS_CHECKS, type ReadinessCheck } from './readiness-check';

/** A probe must answer before the orchestrator's own timeout, even if a dependency hangs. */
export const CHECK_TIMEOUT_MS = 2000;

export interface CheckReport {
  readonly name: string;
  readonly status: 'up' | 'down';
  readonly message?: string;
  readonly durationMs: number;
}

export interface Readiness {
  readonly status: 'ready';
  /** The departments (MSP ids) this gateway serves: one gateway per department (GATEWAY_DEPARTMENTS). */
  readonly departments: string[];
  readonly checks: CheckReport[];
}

@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[],
    // optional so a test module without configuration still builds; the application always has it
    @Optional() private readonly config?: ConfigService<EnvironmentVariables, true>,
  ) {}

  /** Liveness: answering at all is the proof, so it checks nothing that could fail. */
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Runs every check at once; any `down` makes the answer 503 UNAVAILABLE listing all checks. */
  async ready(): Promise<Readiness> {
    const checks = await Promise.all(this.checks.map((check) => this.run(check)));
    const down = checks.filter((check) => check.status === 'down');
    if (down.length > 0) {
      throw new UnavailableError(`Not ready: ${down.map((check) => check.name).join(', ')}`, {
        details: checks.map(({ name, status, message }) => ({
          check: name,
          status,
          message: message ?? status,
        })),
      });
    }
    const departments = [...(this.config?.get('GATEWAY_DEPARTMENTS', { infer: true }) ?? [])];
    return { status: 'ready', departments, checks };
  }

  private async run(check: ReadinessCheck): Promise<CheckReport> {
    const started = performance.now();
    const outcome = await withTimeout(check.check(), CHECK_TIMEOUT_MS).catch(
      (error: unknown): CheckOutcome => {
        this.logger.warn(`Readiness check ${check.name} failed: ${String(error)}`);
        return { up: false, message: error instanceof CheckTimeout ? error.message : 'check failed' };
      },
    );
    return {
      name: check.name,
      status: outcome.up ? 'up' : 'down',
      ...(outcome.message !== undefined && { message: outcome.message }),
      durationMs: Math.round(performance.now() - started),
    };
  }
}

class CheckTimeout extends Error {
  override readonly name = 'CheckTimeout';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
