import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsOptional, IsPositive, IsString, Length, Max, ValidateNested } from 'class-validator';

import { IsDecimalNumber } from '../../common/is-decimal-amount';

import { IsUscc } from '../../common/identifiers/is-identifier';

export class MortgageTermDto {
  @ApiProperty({ example: '2026-01-01' })
  @IsDateString({ strict: true })
  from!: string;

  @ApiProperty({ example: '2046-01-01' })
  @IsDateString({ strict: true })
  to!: string;
}

/**
 * API.md's mortgage, plus the mortgagee's USCC the contract requires (mortgagees are institutions).
 * Mapped to the contract's public `{ mortgageeName, mortgageeUscc, term }` (the term is a public fact
 * of the right, checked there: from ≤ to); the amount (in fen) is a private particular (chaincode
 * realestate/particulars.ts).
 */
export class MortgageDto {
  @ApiProperty({
    example: '中国工商银行股份有限公司广州分行',
    description: 'Mortgagee name (→ mortgageeName)',
  })
  @IsString()
  @Length(1, 64)
  mortgagee!: string;

  @ApiProperty({ example: '91350100M000100Y43', description: 'Mortgagee USCC (GB 32100)' })
  @IsUscc()
  mortgageeUscc!: string;

  @ApiProperty({
    example: 1000000,
    description: 'Secured amount in CNY, up to 2 decimals (→ securedAmountFen)',
  })
  @IsDecimalNumber(2)
  @IsPositive()
  @Max(1e13)
  amountCny!: number;

  @ApiPropertyOptional({ type: MortgageTermDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MortgageTermDto)
  term?: MortgageTermDto;
}
