import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';

import { MAX_BATCH_ITEMS, ScanQualities } from '../../../../chaincode/src/contract';

/**
 * One scan. Only the JSON *types* are checked here, on purpose: a batch of 1000 scans must not fail
 * because one label was misread. The values (barcode format and check digit, station id, time,
 * weight range, quality) are checked by the chaincode per scan, which answers each bad one in
 * `rejected` with its code (MALFORMED_BARCODE, BAD_CHECK_DIGIT, UNKNOWN_SITE, VALIDATION_FAILED …)
 * while the others are recorded. A wrong type or an unknown field is a bug in the station's software,
 * not a misread, so it still fails the request (400 naming e.g. `scans.3.weightGrams`): the global
 * pipe keeps whitelist + forbidNonWhitelisted, and every field is declared here so only typos trip it.
 */
export class ScanDto {
  @ApiProperty({ example: '440103010000000016', description: '18 digits; checked per scan by the chaincode' })
  @IsString()
  barcode!: string;

  @ApiProperty({ example: 'LW-ST-001' })
  @IsString()
  stationId!: string;

  @ApiProperty({ example: '2026-03-01T08:00:00+08:00', description: 'ISO-8601 with a zone; kept as sent' })
  @IsString()
  scannedAt!: string;

  @ApiProperty({ example: 1250, description: 'whole grams, 1–100000' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weightGrams!: number;

  @ApiProperty({ enum: ScanQualities })
  @IsString()
  quality!: string;

  @ApiPropertyOptional({ example: '01', description: 'category the station saw; a mismatch is an anomaly' })
  @IsOptional()
  @IsString()
  category?: string;

  @ApiPropertyOptional({
    example: 'LW-ST-001-B01',
    description:
      'the registered bin the bag was taken from (its RFID read); checked per scan by the chaincode',
  })
  @IsOptional()
  @IsString()
  binId?: string;
}

/** `POST /api/v1/waste/scans`: the envelope is strict (1 to 1000 scans, each an object). */
export class RecordScansDto {
  @ApiProperty({ type: [ScanDto], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ScanDto)
  scans!: ScanDto[];
}

export class RejectedItemResponse {
  @ApiProperty({ description: 'position of the item in the request' })
  index!: number;

  @ApiProperty()
  barcode!: string;

  @ApiProperty({ example: 'BAD_CHECK_DIGIT' })
  code!: string;

  @ApiProperty()
  message!: string;
}

export class AnomalyResponse {
  @ApiPropertyOptional()
  index?: number;

  @ApiPropertyOptional()
  barcode?: string;

  @ApiProperty({ example: 'OUT_OF_DISTRICT' })
  type!: string;

  @ApiProperty()
  message!: string;
}

export class RecordScansResponse {
  @ApiProperty({ description: 'number of scans recorded' })
  accepted!: number;

  @ApiProperty({ type: [String], description: 'bags already collected; not counted again' })
  duplicates!: string[];

  @ApiProperty({ type: [RejectedItemResponse] })
  rejected!: RejectedItemResponse[];

  @ApiProperty({ type: [AnomalyResponse] })
  anomalies!: AnomalyResponse[];

  @ApiProperty({ type: [String], description: 'the transaction(s) carrying the batch (one today)' })
  txIds!: string[];

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}
