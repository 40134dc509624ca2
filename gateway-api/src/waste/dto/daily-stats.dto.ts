import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';

import { IsCalendarDate, IsNotBeforeDay, IsWithinDaysOf } from '../../common/day-range';
import { LIST_FORMATS, type ListFormat } from '../../common/csv';

/** Days one totals request may cover: a year, leap day included, keeps one answer a few thousand rows. */
export const MAX_STATS_DAYS = 366;

/** `?from=&to=` local days (UTC+08:00), both included, at most MAX_STATS_DAYS; `format=csv` for the rows. */
export class DailyStatsQueryDto {
  @ApiProperty({ example: '2026-03-01', description: 'first day (UTC+08:00)' })
  @IsString()
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    example: '2026-03-31',
    description: `last day (UTC+08:00), included; not before from, at most ${MAX_STATS_DAYS} days in all`,
  })
  @IsString()
  @IsCalendarDate()
  @IsNotBeforeDay('from')
  @IsWithinDaysOf('from', MAX_STATS_DAYS)
  to!: string;

  /** `csv`: one row per day and category; `Accept: text/csv` asks the same. */
  @ApiPropertyOptional({ enum: LIST_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: ListFormat;
}

export class CategoryTotals {
  @ApiProperty({ example: '01' }) category!: string;
  @ApiProperty({ example: 'RECYCLABLE' }) categoryName!: string;
  @ApiProperty({ description: 'bags scanned (accepted scans; a duplicate never counts)' }) bags!: number;
  @ApiProperty() weightGrams!: number;
  @ApiProperty() conformant!: number;
  @ApiProperty() nonConformant!: number;
  @ApiProperty() unchecked!: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'conformant / (conformant + nonConformant), 4 places; null when no bag was checked',
  })
  conformanceRate!: number | null;
  @ApiProperty({ description: 'anomalies about bags of this category' }) anomalies!: number;
}

/** A transfer station's throughput: bags weighed as scanned at their first station. */
export class TransferTotals {
  @ApiProperty({ example: 120, description: 'bags that arrived at the transfer station' })
  arrivedBags!: number;
  @ApiProperty({ example: 150_000 }) arrivedWeightGrams!: number;
  @ApiProperty({ example: 118, description: 'bags that left it again on a vehicle' }) departedBags!: number;
  @ApiProperty({ example: 147_500 }) departedWeightGrams!: number;
}

export class PeriodTotals {
  @ApiProperty() bags!: number;
  @ApiProperty() weightGrams!: number;
  @ApiProperty() conformant!: number;
  @ApiProperty() nonConformant!: number;
  @ApiProperty() unchecked!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) conformanceRate!: number | null;
  @ApiProperty({ description: 'every anomaly, also those about no bag or an unknown one' })
  anomalies!: number;
  @ApiProperty({ type: [CategoryTotals], description: 'always the four categories, in code order' })
  categories!: CategoryTotals[];

  @ApiPropertyOptional({ type: TransferTotals, description: 'a transfer station only: what passed through' })
  transfer?: TransferTotals;
}

export class DayTotals extends PeriodTotals {
  @ApiProperty({ example: '2026-03-01' }) date!: string;
}

export class StatsScope {
  @ApiProperty({ enum: ['CITY', 'DISTRICT', 'STATION'] }) kind!: 'CITY' | 'DISTRICT' | 'STATION';
  @ApiPropertyOptional() districtCode?: string;
  @ApiPropertyOptional() stationId?: string;
}

export class DailyStatsResponse {
  @ApiProperty({ type: StatsScope }) scope!: StatsScope;
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-31' }) to!: string;
  @ApiProperty({ example: '+08:00' }) timeZone!: string;
  @ApiProperty({ type: [DayTotals], description: 'every day of the range, in order, zeros included' })
  days!: DayTotals[];
  @ApiProperty({ type: PeriodTotals, description: 'the whole range' }) totals!: PeriodTotals;
}
