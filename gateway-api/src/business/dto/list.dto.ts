import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { HasNoNulCharacter } from '../../common/has-no-nul-character';
import { IsUscc } from '../../common/identifiers/is-identifier';
import { PageQuery } from '../../common/paging/page-query';

/** Query strings are text: only the words `true` / `false` count, anything else is refused. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

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
  @HasNoNulCharacter()
  namePrefix?: string;

  @ApiPropertyOptional({ description: 'Unified social credit code' })
  @IsOptional()
  @IsUscc()
  uscc?: string;
}
