/**
 * One dependency the gateway needs before it can serve traffic (Fabric, the database, index lag).
 * A check resolves with its outcome; throwing counts as `down` with a generic message, because
 * /health/ready is public and an exception's text may describe internals.
 */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<CheckOutcome>;
}

export interface CheckOutcome {
  readonly up: boolean;
  /** Shown to callers of /health/ready, so written for an operator, e.g. "index 12 blocks behind". */
  readonly message?: string;
}

/** The injection token of the list of checks /health/ready runs (see HealthModule.register). */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
