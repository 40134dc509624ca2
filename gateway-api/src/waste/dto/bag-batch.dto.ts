import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import {
  CategoryCodes,
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
  MAX_BAG_SERIAL,
  MAX_BATCH_ITEMS,
} from '../../../../chaincode/src/contract';

/**
 * `POST /api/v1/waste/bag-batches`. `householdRef` is personal data: the service sends it (with a
 * fresh salt) as transient data only, never in the arguments, and nothing logs it.
 */
export class CommissionBagsDto {
  @ApiProperty({ example: '440103', description: DISTRICT_CODE_RULE })
  @IsString()
  @Matches(DISTRICT_CODE_PATTERN, { message: `districtCode ${DISTRICT_CODE_RULE}` })
  districtCode!: string;

  @ApiProperty({
    enum: CategoryCodes,
    example: '01',
    description: '01 recyclable, 02 food, 03 hazardous, 04 residual',
  })
  @IsIn(CategoryCodes)
  category!: (typeof CategoryCodes)[number];

  @ApiProperty({ example: 1, minimum: 0, maximum: MAX_BAG_SERIAL })
  @IsInt()
  @Min(0)
  @Max(MAX_BAG_SERIAL)
  firstSerial!: number;

  @ApiProperty({ example: 50, minimum: 1, maximum: MAX_BATCH_ITEMS })
  @IsInt()
  @Min(1)
  @Max(MAX_BATCH_ITEMS)
  count!: number;

  @ApiProperty({
    example: 'LW-0001-0203',
    description: 'household reference, 1–200 characters; stored privately',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  householdRef!: string;
}

export class CommissionBagsResponse {
  @ApiProperty({ description: 'the first barcode of the batch' })
  batchId!: string;

  @ApiProperty({ type: [String] })
  barcodes!: string[];

  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}
