import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

import { IsIsoDateTime } from './is-iso-date-time';
import {
  MAX_BATCH_ITEMS,
  MAX_LOAD_WEIGHT_GRAMS,
  Outcomes,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  VEHICLE_PLATE_PATTERN,
  VEHICLE_PLATE_RULE,
} from '../../../../chaincode/src/contract';

// Collections and deliveries name one vehicle and one site for all their bags, so those fields, the
// weights and the time are the envelope and are checked here with the chaincode's rules. The barcodes
// are answered per bag by the chaincode (rejected / duplicates), like scans: only their type is checked.

// The fields collections and deliveries share, each as one composed decorator.
const SiteIdField = (field: string, example: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example, description: SITE_ID_RULE }),
    IsString(),
    Matches(SITE_ID_PATTERN, { message: `${field} ${SITE_ID_RULE}` }),
  );

const VehicleIdField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: '粤A12345', description: VEHICLE_PLATE_RULE }),
    IsString(),
    Matches(VEHICLE_PLATE_PATTERN, { message: `vehicleId ${VEHICLE_PLATE_RULE}` }),
  );

const BarcodeListField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: [String], minItems: 1, maxItems: MAX_BATCH_ITEMS }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_BATCH_ITEMS),
    IsString({ each: true }),
  );

const LoadGramsField = (example: number): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example, minimum: 0, maximum: MAX_LOAD_WEIGHT_GRAMS }),
    IsInt(),
    Min(0),
    Max(MAX_LOAD_WEIGHT_GRAMS),
  );

export class RecordCollectionDto {
  @VehicleIdField()
  vehicleId!: string;

  @SiteIdField('stationId', 'LW-ST-001')
  stationId!: string;

  @BarcodeListField()
  barcodes!: string[];

  @LoadGramsField(62_500)
  loadWeightGrams!: number;

  @ApiProperty({ example: '2026-03-01T09:30:00+08:00' })
  @IsIsoDateTime()
  collectedAt!: string;
}

export class RecordDeliveryDto {
  @SiteIdField('facilityId', 'LW-FA-001')
  facilityId!: string;

  @VehicleIdField()
  vehicleId!: string;

  @BarcodeListField()
  barcodes!: string[];

  @LoadGramsField(61_900)
  receivedWeightGrams!: number;

  /** The chaincode decides by the site's kind: required at a FACILITY, refused at a TRANSFER station. */
  @ApiPropertyOptional({
    enum: Outcomes,
    description: 'required at a FACILITY (the final step); must be absent at a TRANSFER station (an arrival)',
  })
  @IsOptional()
  @IsIn(Outcomes)
  outcome?: (typeof Outcomes)[number];

  @ApiPropertyOptional({ description: 'required for RECYCLED, refused otherwise (the chaincode decides)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_LOAD_WEIGHT_GRAMS)
  recoveredWeightGrams?: number;

  @ApiProperty({ example: '2026-03-01T11:00:00+08:00' })
  @IsIsoDateTime()
  receivedAt!: string;
}
