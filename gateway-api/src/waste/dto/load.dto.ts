import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import {
  LOAD_ID_PATTERN,
  LOAD_ID_RULE,
  MAX_LOAD_WEIGHT_GRAMS,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  VEHICLE_PLATE_PATTERN,
  VEHICLE_PLATE_RULE,
} from '../../../../chaincode/src/contract';
import { DayRangePageQuery } from '../../common/day-range';

/**
 * A load's state in the index: ARRIVED once any of its bags arrived at a transfer station or facility;
 * OVERDUE when none has and it left longer ago than the ledger's arrivalDeadlineMinutes; else IN_TRANSIT.
 */
export const LOAD_STATUSES = ['IN_TRANSIT', 'ARRIVED', 'OVERDUE'] as const;
export type LoadStatus = (typeof LOAD_STATUSES)[number];

/** The correction's reason, as the chaincode bounds it (waste/load-correction.ts). */
const MAX_REASON_CHARS = 200;

export class LoadParams {
  @ApiProperty({ example: 'a3f1…(64 hex)', description: LOAD_ID_RULE })
  @Matches(LOAD_ID_PATTERN, { message: `loadId ${LOAD_ID_RULE}` })
  loadId!: string;
}

/** `POST /api/v1/waste/loads/{loadId}/corrections`: a person's correction; the load stays as recorded. */
export class CorrectLoadWeightDto {
  @ApiProperty({ example: 61_200, minimum: 1, maximum: MAX_LOAD_WEIGHT_GRAMS })
  @IsInt()
  @Min(1)
  @Max(MAX_LOAD_WEIGHT_GRAMS)
  correctedWeightGrams!: number;

  @ApiProperty({ example: '称重传感器读数漂移，人工复秤', maxLength: MAX_REASON_CHARS })
  @IsString()
  @MaxLength(MAX_REASON_CHARS)
  @Matches(/\S/, { message: 'reason must say why the weighing was wrong (not only spaces)' })
  reason!: string;
}

export class CorrectionResponse {
  @ApiProperty({ description: 'the correcting transaction id' }) correctionId!: string;
  @ApiProperty() loadId!: string;
  @ApiProperty({ example: 58_000 }) originalWeightGrams!: number;
  @ApiProperty({ example: 61_200 }) correctedWeightGrams!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ example: '2026-03-01T09:00:00.000Z' }) correctedAt!: string;
  @ApiProperty({ example: 'UrbanMSP' }) correctedBy!: string;
  @ApiProperty({ description: "the corrector's certificate id" }) correctedById!: string;
  @ApiProperty({ example: 'hauler' }) correctedByRole!: string;
}

export class CorrectionChangeResponse extends CorrectionResponse {
  @ApiProperty() txId!: string;
  @ApiProperty({ example: 42 }) blockNumber!: number;
}

export class ReporterResponse {
  @ApiProperty({ example: 'UrbanMSP' }) mspId!: string;
  @ApiProperty({ description: 'certificate id' }) id!: string;
  @ApiProperty({ example: 'vehicle_device' }) role!: string;
  @ApiProperty({ description: 'signed by a device certificate, not a person' }) device!: boolean;
}

/** What the ledger's load and the index's row both say of a load. */
class LoadFields {
  @ApiProperty() loadId!: string;
  @ApiProperty({ example: '粤A12345D' }) vehicleId!: string;
  @ApiProperty({ example: 'LW-ST-001', description: 'the station or transfer station it left from' })
  stationId!: string;

  @ApiProperty({ enum: ['STATION', 'TRANSFER'] }) siteKind!: string;
  @ApiProperty({ enum: [1, 2] }) hop!: number;
  @ApiProperty({ example: '2026-03-01T09:30:00+08:00' }) collectedAt!: string;
  @ApiProperty({ example: 62_500, description: 'as weighed (by a device or a person)' })
  loadWeightGrams!: number;
  @ApiProperty({ example: 61_800 }) scannedWeightGrams!: number;
}

/** GetLoad: the load as recorded (never changed) and its corrections. */
export class LoadResponse extends LoadFields {
  @ApiProperty({ type: [String] }) barcodes!: string[];
  @ApiProperty({ example: '0.1' }) toleranceRatio!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) anomalies!: object[];
  @ApiPropertyOptional({ type: ReporterResponse, description: 'absent on loads recorded before it was kept' })
  reportedBy?: ReporterResponse;

  @ApiProperty() recordedAt!: string;
  @ApiProperty({ type: [CorrectionResponse] }) corrections!: CorrectionResponse[];
  @ApiProperty({ description: "the latest correction's weight, or the weighing's" })
  effectiveWeightGrams!: number;
}

/** `from` / `to`: the Asia/Shanghai day the load was collected. */
export class ListLoadsQuery extends DayRangePageQuery {
  @ApiPropertyOptional({ example: '粤A12345D' })
  @IsOptional()
  @IsString()
  @Matches(VEHICLE_PLATE_PATTERN, { message: `vehicleId ${VEHICLE_PLATE_RULE}` })
  vehicleId?: string;

  @ApiPropertyOptional({ example: 'LW-ST-001', description: 'the station or transfer station it left from' })
  @IsOptional()
  @IsString()
  @Matches(SITE_ID_PATTERN, { message: `stationId ${SITE_ID_RULE}` })
  stationId?: string;

  @ApiPropertyOptional({ enum: LOAD_STATUSES })
  @IsOptional()
  @IsIn(LOAD_STATUSES)
  status?: LoadStatus;
}

export class LoadSummary extends LoadFields {
  @ApiProperty({ example: '2026-03-01' }) day!: string;
  @ApiProperty({ example: 40 }) bags!: number;
  @ApiProperty({ example: 40, description: 'bags of the load that arrived somewhere' }) arrivedBags!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the latest correction' })
  correctedWeightGrams!: number | null;

  @ApiProperty({ description: 'weighed by a device certificate' }) deviceReported!: boolean;
  @ApiProperty({ description: 'collected at a site not on the day’s route' }) offRoute!: boolean;
  @ApiProperty({ description: "the load's own anomalies" }) anomalies!: number;
  @ApiProperty({ enum: LOAD_STATUSES }) status!: LoadStatus;
}

export class LoadPage {
  @ApiProperty({ type: [LoadSummary] }) items!: LoadSummary[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
