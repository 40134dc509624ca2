import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsPositive, IsString, Length, Matches, Max } from 'class-validator';

import { MAX_LOCATION_CHARS, PROPERTY_USAGES, type PropertyUsage } from '../../../../chaincode/src/contract';
import { IsDecimalNumber } from '../../common/is-decimal-amount';

/** The largest area the chaincode records (its pattern allows eight integer digits). */
const MAX_AREA_M2 = 99_999_999.99;

/**
 * The unit's location, area and usage (FIRST, CHANGE): public structured fields of the unit and the
 * certificate (chaincode realestate/property-particulars.ts), all three together.
 */
export class PropertyDto {
  @ApiProperty({ example: '广州市从化区某路1号801房' })
  @IsString()
  @Length(1, MAX_LOCATION_CHARS)
  // the chaincode trims it and refuses an empty one: refuse it here, before the ledger
  @Matches(/\S/, { message: 'location must not be blank' })
  location!: string;

  @ApiProperty({ example: 89.5, description: 'Floor area in m², at most two decimals (sent as "89.50")' })
  @IsDecimalNumber(2)
  @IsPositive()
  @Max(MAX_AREA_M2)
  areaM2!: number;

  @ApiProperty({ example: '住宅', enum: PROPERTY_USAGES })
  @IsIn(PROPERTY_USAGES)
  usage!: PropertyUsage;
}
