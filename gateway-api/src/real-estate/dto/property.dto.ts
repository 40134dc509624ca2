import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsPositive, IsString, Length } from 'class-validator';

import { IsDecimalNumber } from '../../common/is-decimal-amount';

/** Public facts of the property. The contract has no fields for them: they go into `description`. */
export class PropertyDto {
  @ApiPropertyOptional({ example: '广州市从化区某路1号801房' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  location?: string;

  @ApiPropertyOptional({ example: 89.5, description: 'Floor area in m²' })
  @IsOptional()
  @IsDecimalNumber(2)
  @IsPositive()
  areaM2?: number;

  @ApiPropertyOptional({ example: '住宅' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  usage?: string;
}
