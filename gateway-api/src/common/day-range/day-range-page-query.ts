import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

import { PageQuery } from '../paging/page-query';
import { IsNotBeforeDay } from './day-range';
import { IsCalendarDate } from './is-calendar-date';

/**
 * `?from=&to=` of a paged list: Asia/Shanghai calendar days, both included, either left open, `to` not
 * before `from`. Which date of a row they bound is the list's own (its route says: opened, recorded,
 * issued…); its query service compares with shanghaiDayStart(from) and shanghaiDayStart(nextDay(to)).
 */
export class DayRangePageQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'on or after this day (UTC+08:00)' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'on or before this day (UTC+08:00); not before from',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  @IsNotBeforeDay('from')
  to?: string;
}
