import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every metric the gateway exports, on a registry of its own (not prom-client's global one, so two
 * applications in one process, as in the tests, do not collide). Features record through the
 * methods here rather than touching prom-client, which keeps names and labels in one file.
 * Label values come from code (route patterns, transaction names, error codes), never from request
 * data, so the number of series stays bounded.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly #httpRequests = new Counter({
    name: 'govtrace_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly #httpDuration = new Histogram({
    name: 'govtrace_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    // a write waits for a Fabric commit (about 2 s with the default batch timeout)
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    registers: [this.registry],
  });

  readonly #submitted = new Counter({
    name: 'govtrace_fabric_transactions_submitted_total',
    help: 'Fabric transactions the gateway set out to submit (one per call, however many attempts)',
    labelNames: ['contract', 'transaction'] as const,
    registers: [this.registry],
  });

  readonly #failed = new Counter({
    name: 'govtrace_fabric_transactions_failed_total',
    help: 'Fabric transactions that did not commit, by the API error code they were reported as',
    labelNames: ['contract', 'transaction', 'reason'] as const,
    registers: [this.registry],
  });

  readonly #retried = new Counter({
    name: 'govtrace_fabric_commit_retries_total',
    help: 'New attempts after a transaction was invalidated by a read conflict, by validation code',
    labelNames: ['contract', 'transaction', 'validation_code'] as const,
    registers: [this.registry],
  });

  readonly #evaluationsFailed = new Counter({
    name: 'govtrace_fabric_evaluations_failed_total',
    help: 'Fabric queries (evaluate) that failed, by the API error code they were reported as',
    labelNames: ['contract', 'transaction', 'reason'] as const,
    registers: [this.registry],
  });

  readonly #indexLag = new Gauge({
    name: 'govtrace_index_lag_blocks',
    help: 'Blocks between the ledger height and the last block the off-chain index has projected',
    registers: [this.registry],
  });

  readonly #indexQuarantined = new Gauge({
    name: 'govtrace_index_quarantined_events',
    help: 'Chaincode events the off-chain index set aside instead of projecting, by reason code',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'govtrace_' });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  observeHttpRequest(labels: { method: string; route: string; status: number }, seconds: number): void {
    const values = { method: labels.method, route: labels.route, status: String(labels.status) };
    this.#httpRequests.inc(values);
    this.#httpDuration.observe(values, seconds);
  }

  transactionSubmitted(contract: string, transaction: string): void {
    this.#submitted.inc({ contract, transaction });
  }

  transactionFailed(contract: string, transaction: string, reason: string): void {
    this.#failed.inc({ contract, transaction, reason });
  }

  commitRetried(contract: string, transaction: string, validationCode: string): void {
    this.#retried.inc({ contract, transaction, validation_code: validationCode });
  }

  evaluationFailed(contract: string, transaction: string, reason: string): void {
    this.#evaluationsFailed.inc({ contract, transaction, reason });
  }

  /** Sampled by the index every 10 s: the ledger height minus the next block it will project. */
  setIndexLag(blocks: number | bigint): void {
    this.#indexLag.set(Number(blocks));
  }

  /**
   * Set by the index from its index_quarantine table (a gauge, not a counter: the count is the
   * table's, so it survives restarts and drops when an operator clears rows). Reason codes come from
   * the index's own constants, so the label set stays small.
   */
  setIndexQuarantinedEvents(byReason: ReadonlyMap<string, number>): void {
    this.#indexQuarantined.reset();
    for (const [reason, count] of byReason) this.#indexQuarantined.set({ reason }, count);
  }
}
