import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

import {
  AnomalyTypes,
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
} from '../../../../chaincode/src/contract';
import { DayRangePageQuery } from '../../common/day-range';

/** The anomaly types the chaincode emits (chaincode/src/waste/domain.ts). */
export const ANOMALY_KINDS = Object.values(AnomalyTypes);

/** `from` / `to`: the day the anomaly was recorded. */
export class ListAnomaliesQuery extends DayRangePageQuery {
  @ApiPropertyOptional({ enum: ANOMALY_KINDS, description: "the anomaly's type" })
  @IsOptional()
  @IsIn(ANOMALY_KINDS)
  kind?: (typeof ANOMALY_KINDS)[number];

  @ApiPropertyOptional({ example: 'LW-ST-001', description: 'the station or facility it was recorded at' })
  @IsOptional()
  @IsString()
  @Matches(SITE_ID_PATTERN, { message: `stationId ${SITE_ID_RULE}` })
  stationId?: string;

  @ApiPropertyOptional({
    example: '440103',
    description: "the site's district; for an anomaly without a site (a refused scan), the bag's",
  })
  @IsOptional()
  @IsString()
  @Matches(DISTRICT_CODE_PATTERN, { message: `districtCode ${DISTRICT_CODE_RULE}` })
  districtCode?: string;
}

export class AnomalySummary {
  @ApiProperty({ enum: ANOMALY_KINDS }) type!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) barcode!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null for a refused scan' })
  stationId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) siteName!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "the site's district, else the bag's",
  })
  districtCode!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "the bag's category" })
  category!: string | null;
  @ApiProperty({ example: '2026-03-01', description: 'local day (UTC+08:00)' }) day!: string;
  @ApiProperty({ description: 'transaction time' }) recordedAt!: string;
  @ApiProperty() txId!: string;
  @ApiProperty({ description: "position in the event's anomaly list" }) seq!: number;
  @ApiProperty({ example: 'WasteScansRecorded' }) eventName!: string;
}

export class AnomalyPage {
  @ApiProperty({ type: [AnomalySummary] }) items!: AnomalySummary[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
