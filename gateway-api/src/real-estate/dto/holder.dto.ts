import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

import { IsResidentId } from '../../common/identifiers/is-identifier';

/** A right holder. Goes to the chaincode as transient data only; the ledger shows a mask and a salted hash. */
export class HolderDto {
  @ApiProperty({ example: '张三', description: '1 to 64 characters; private (transient data)' })
  @IsString()
  @Length(1, 64)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ example: '11010519491231002X', description: 'Resident ID number (GB 11643); private' })
  @IsResidentId()
  idNumber!: string;

  @ApiPropertyOptional({
    example: '1/1',
    description: 'Fraction n/d of the right; required for owners (FIRST, TRANSFER, CORRECTION)',
  })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,3}\/[1-9][0-9]{0,3}$/, { message: 'share must be a fraction n/d, such as 1/2' })
  share?: string;
}
