import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { IsUnitNumber } from '../../common/identifiers/is-identifier';

export class UnitParamsDto {
  @ApiProperty({ example: '440184001016GB00009F00800039' })
  @IsUnitNumber()
  unitNumber!: string;
}

export const MAX_PAGE_SIZE = 100;

/** GET /api/v1/real-estate/acts: newest first, optionally for one unit. */
export class ListActsQueryDto {
  @ApiPropertyOptional({ example: '440184001016GB00009F00800039' })
  @IsOptional()
  @IsUnitNumber()
  unitNumber?: string;

  @ApiPropertyOptional({ example: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ example: 20, default: 20, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
