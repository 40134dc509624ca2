// Every list of the index also answers as CSV: `?format=csv` or `Accept: text/csv`. A CSV export
// holds every row the filters match (not one page), read page by page from the index so one export
// never holds more than a page of entities at once; more than MAX_CSV_ROWS rows is refused before
// anything is sent, so a client never receives a silently truncated file.

import { Readable } from 'node:stream';

import { StreamableFile } from '@nestjs/common';

import { ApiError } from '../errors';
import { type CsvColumn, csvHeader, csvLine } from './csv-text';

export const MAX_CSV_ROWS = 100_000;
/** Rows read from the index per query while exporting. */
export const CSV_PAGE_SIZE = 1000;

export const LIST_FORMATS = ['json', 'csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/**
 * `format` wins when given; otherwise CSV when the Accept header names text/csv before (or without)
 * application/json. Quality values are not weighed: clients ask for one or the other.
 */
export function wantsCsv(format: ListFormat | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  if (accept === undefined) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '');
  const csv = types.indexOf('text/csv');
  const json = types.indexOf('application/json');
  return csv !== -1 && (json === -1 || csv < json);
}

/** One page of a list as its query service answers it. */
export interface ListPage<Row> {
  readonly items: readonly Row[];
  readonly total: number;
}

export interface CsvExport<Row> {
  /** Reads page `page` (1-based) of `pageSize` rows with the request's filters. */
  readonly fetchPage: (page: number, pageSize: number) => Promise<ListPage<Row>>;
  readonly columns: readonly CsvColumn<Row>[];
  /** File name without extension, ASCII (e.g. `waste-anomalies`); the date is appended. */
  readonly filename: string;
}

/**
 * The CSV answer of a list. The first page is read before answering, so a refused export (too many
 * rows) or an index error is an ordinary error answer, not a broken download.
 */
export async function exportCsv<Row>(spec: CsvExport<Row>, today: string): Promise<StreamableFile> {
  const first = await spec.fetchPage(1, CSV_PAGE_SIZE);
  if (first.total > MAX_CSV_ROWS) {
    throw new ApiError(
      'VALIDATION_FAILED',
      400,
      `${first.total} rows match; a CSV export holds at most ${MAX_CSV_ROWS}: narrow the filters`,
      { details: [{ field: 'format', message: `at most ${MAX_CSV_ROWS} rows per CSV export` }] },
    );
  }
  const pages = Math.ceil(first.total / CSV_PAGE_SIZE);
  async function* lines(): AsyncGenerator<string> {
    yield csvHeader(spec.columns);
    let current: ListPage<Row> = first;
    for (let page = 1; ; page += 1) {
      for (const row of current.items) yield csvLine(spec.columns, row);
      // a page shorter than asked is the last, even if rows were added since the count
      if (page >= pages || current.items.length < CSV_PAGE_SIZE) return;
      current = await spec.fetchPage(page + 1, CSV_PAGE_SIZE);
    }
  }
  return new StreamableFile(Readable.from(lines(), { objectMode: false }), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${spec.filename}-${today}.csv"`,
  });
}
