import { type StreamableFile } from '@nestjs/common';

import { type PageQuery } from '../paging/page-query';
import { type CsvExport, exportCsv, type ListPage, wantsCsv } from './csv-export';

/**
 * The answer of a list route: the requested page as JSON, or every matching row as CSV. One
 * `fetchPage` serves both, so the two can never disagree on filters or order.
 *
 *   return listAnswer(query, accept, { fetchPage: (page, size) => this.service.list({ ...query, page, pageSize: size }), columns, filename });
 */
export async function listAnswer<Row, Page extends ListPage<Row>>(
  query: PageQuery,
  accept: string | undefined,
  spec: Omit<CsvExport<Row>, 'fetchPage'> & {
    readonly fetchPage: (page: number, pageSize: number) => Promise<Page>;
  },
): Promise<Page | StreamableFile> {
  if (!wantsCsv(query.format, accept)) return spec.fetchPage(query.page, query.pageSize);
  return exportCsv(spec, new Date().toISOString().slice(0, 10));
}
