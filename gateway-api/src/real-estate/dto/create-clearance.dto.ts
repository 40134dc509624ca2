import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsPositive, Matches, Max } from 'class-validator';

import { MAX_TAX_PAID_FEN } from '../../../../chaincode/src/contract';

import { IsDecimalNumber } from '../../common/is-decimal-amount';

import { IsResidentId, IsUnitNumber } from '../../common/identifiers/is-identifier';
import { CLEARANCE_NUMBER } from './create-registration.dto';

/** POST /api/v1/real-estate/deed-tax-clearances (tax_officer). */
export class CreateDeedTaxClearanceDto {
  @ApiProperty({ example: '440184001016GB00009F00800039' })
  @IsUnitNumber()
  unitNumber!: string;

  @ApiProperty({
    example: ['11010519491231002X'],
    description: 'The transferees; sent as transient data only',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsResidentId({ each: true })
  transfereeIdNumbers!: string[];

  @ApiProperty({
    example: 'QS-2026-000123',
    description: 'The tax receipt number; becomes the clearance number the TRANSFER names',
  })
  @Matches(CLEARANCE_NUMBER, { message: 'receiptNumber must be 4 to 40 characters from A-Z a-z 0-9 -' })
  receiptNumber!: string;

  @ApiProperty({
    example: 30000,
    description: 'Deed tax paid, CNY with at most 2 decimals; the contract records it in whole fen',
  })
  @IsDecimalNumber(2)
  @IsPositive()
  @Max(MAX_TAX_PAID_FEN / 100)
  taxPaidCny!: number;
}
