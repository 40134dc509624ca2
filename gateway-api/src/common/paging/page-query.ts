import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { LIST_FORMATS, type ListFormat } from '../csv/csv-export';

import { IsQueryInteger } from './query-integer';

/** Rows per page at most: one page of any list stays one small index query and answer. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * The deepest page. Paging that far is no longer browsing (filter instead), and the bound keeps
 * `(page - 1) * pageSize` under 10^7: an exact integer, and an OFFSET the index database can skip.
 */
export const MAX_PAGE = 100_000;

/** `?page=&pageSize=` of every list endpoint; each list's query DTO extends it. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @IsQueryInteger(1, MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
  })
  @IsOptional()
  @IsQueryInteger(1, MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;

  /** `csv`: every matching row as a CSV file (paging ignored); `Accept: text/csv` asks the same. */
  @ApiPropertyOptional({ enum: LIST_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: ListFormat;
}
