import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

import { IsUscc } from '../../common/identifiers/is-identifier';

export const MAX_PAGE_SIZE = 100;

/** Query strings are text: only the words `true` / `false` count, anything else is refused. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @IsInt()
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_PAGE_SIZE)
  @Min(1)
  @IsInt()
  pageSize: number = 20;
}

export const CASE_STATUSES = ['OPEN', 'COMPLETED'] as const;

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: (typeof CASE_STATUSES)[number];

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only cases over the half-working-day target; false: only those within it',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'overTarget must be true or false' })
  overTarget?: boolean;
}

export class SearchEnterprisesQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Name prefix, compared after normalising width, spaces and Latin case',
  })
  @IsOptional()
  @MaxLength(100)
  @MinLength(1)
  @IsString()
  namePrefix?: string;

  @ApiPropertyOptional({ description: 'Unified social credit code' })
  @IsOptional()
  @IsUscc()
  uscc?: string;
}
