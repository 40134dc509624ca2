// The generated requests that were valid after all (a mutated body can still be a valid one) and were
// answered 201: their transactions are the only ones the ledger may have gained from us, and the index
// rows they project are the only rows naming our identifiers that it may have gained. Counting only
// rows that name identifiers we issued keeps the check exact while others write to the shared channel.

/**
 * Index tables with one row per accepted request of a route (none may name our identifiers when no
 * route adds them: no request of ours can create a licence), and the column naming its identifier.
 */
export const INDEX_ROWS: readonly { route: string; table: string; column: string; field: string }[] = [
  { route: '/api/v1/smoke/values', table: 'smoke_value_events', column: 'key', field: 'key' },
  {
    route: '/api/v1/real-estate/registrations',
    table: 're_acts',
    column: 'unit_number',
    field: 'unitNumber',
  },
  {
    route: '/api/v1/real-estate/registrations',
    table: 're_units',
    column: 'unit_number',
    field: 'unitNumber',
  },
  { route: '/api/v1/business/cases', table: 'business_cases', column: 'uscc', field: 'uscc' },
  { route: '(none)', table: 'business_licenses', column: 'uscc', field: 'uscc' },
  { route: '/api/v1/waste/sites', table: 'waste_sites', column: 'site_id', field: 'siteId' },
  { route: '/api/v1/waste/scans', table: 'waste_scans', column: 'barcode', field: 'scans' },
];

export class AcceptedWrites {
  readonly txIds = new Set<string>();
  /** Per index table, how many rows naming an issued identifier the accepted writes explain. */
  readonly #rows = new Map<string, number>();
  readonly #domains = new Set<string>();

  /** Records a 201 answer to a POST of `path` with `body` (JSON text or a value). */
  record(path: string, body: unknown, answer: unknown, issued: ReadonlySet<string>): void {
    const json = (answer ?? {}) as { txId?: unknown; txIds?: unknown; accepted?: unknown };
    const txIds: unknown[] = [json.txId, ...(Array.isArray(json.txIds) ? (json.txIds as unknown[]) : [])];
    for (const txId of txIds) if (typeof txId === 'string') this.txIds.add(txId);
    const route = path.split('?')[0] ?? path;
    this.#domains.add(route.split('/')[3] ?? '');
    const sent = (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;
    for (const { route: prefix, table, field } of INDEX_ROWS) {
      if (!route.startsWith(prefix)) continue;
      // a scan batch adds a row per accepted scan; anything else one row, if it named our identifier
      const value = sent[field];
      const rows =
        field === 'scans'
          ? Number(json.accepted ?? 0)
          : typeof value === 'string' && issued.has(value)
            ? 1
            : 0;
      this.#rows.set(table, (this.#rows.get(table) ?? 0) + rows);
    }
  }

  get domains(): string[] {
    return [...this.#domains];
  }

  /** Tables whose rows naming our identifiers are not the ones the accepted writes explain. */
  unexplainedRows(found: Record<string, number>): string[] {
    return INDEX_ROWS.filter(({ table }) => (found[table] ?? 0) !== (this.#rows.get(table) ?? 0)).map(
      ({ table }) =>
        `${table}: ${found[table] ?? 0} row(s) name our identifiers, expected ${this.#rows.get(table) ?? 0}`,
    );
  }
}
