import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsPositive, IsString, Length } from 'class-validator';

/** Public facts of the property. The contract has no fields for them: they go into `description`. */
export class PropertyDto {
  @ApiPropertyOptional({ example: '广州市从化区某路1号801房' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  location?: string;

  @ApiPropertyOptional({ example: 89.5, description: 'Floor area in m²' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @IsPositive()
  areaM2?: number;

  @ApiPropertyOptional({ example: '住宅' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  usage?: string;
}
