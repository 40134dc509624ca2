import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';

import { IsCalendarDate } from '../../common/day-range';

/** `?date=YYYY-MM-DD`: a day in Asia/Shanghai (UTC+08:00), the district's local day. */
export class StationStatsQueryDto {
  @ApiProperty({ example: '2026-03-01', description: 'local day (UTC+08:00)' })
  @IsString()
  @IsCalendarDate()
  date!: string;
}

export class CategoryStatsResponse {
  @ApiProperty({ example: '01' })
  category!: string;

  @ApiProperty({ example: 'RECYCLABLE' })
  categoryName!: string;

  @ApiProperty({ description: 'bags scanned (accepted scans; a duplicate never counts)' })
  bags!: number;

  @ApiProperty()
  weightGrams!: number;

  @ApiProperty()
  conformant!: number;

  @ApiProperty()
  nonConformant!: number;

  @ApiProperty()
  unchecked!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'conformant / (conformant + nonConformant); null when no bag was checked',
  })
  conformanceRate!: number | null;
}

export class StationAnomalyResponse {
  @ApiProperty({ example: 'OUT_OF_DISTRICT' })
  type!: string;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional()
  barcode?: string;

  @ApiProperty()
  txId!: string;

  @ApiProperty({ description: 'transaction time' })
  recordedAt!: string;
}

export class StationStatsResponse {
  @ApiProperty({ example: 'LW-ST-001' })
  stationId!: string;

  @ApiProperty({ example: '2026-03-01' })
  date!: string;

  @ApiProperty({ example: '+08:00', description: 'the zone the day is counted in' })
  timeZone!: string;

  @ApiProperty({ type: [CategoryStatsResponse], description: 'categories with at least one bag' })
  categories!: CategoryStatsResponse[];

  @ApiProperty({ type: [StationAnomalyResponse] })
  anomalies!: StationAnomalyResponse[];
}
