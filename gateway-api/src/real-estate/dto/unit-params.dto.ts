import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

import { IsUnitNumber } from '../../common/identifiers/is-identifier';
import { PageQuery } from '../../common/paging/page-query';

export class UnitParamsDto {
  @ApiProperty({ example: '440184001016GB00009F00800039' })
  @IsUnitNumber()
  unitNumber!: string;
}

/** GET /api/v1/real-estate/acts: newest first, optionally for one unit. */
export class ListActsQueryDto extends PageQuery {
  @ApiPropertyOptional({ example: '440184001016GB00009F00800039' })
  @IsOptional()
  @IsUnitNumber()
  unitNumber?: string;
}
