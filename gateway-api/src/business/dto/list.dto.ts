import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { BusinessSteps, LicenseStatuses } from '../../../../chaincode/src/contract';
import { DayRangePageQuery } from '../../common/day-range';
import { HasNoNulCharacter } from '../../common/has-no-nul-character';
import { IsUscc } from '../../common/identifiers/is-identifier';
import { IsQueryBoolean } from '../../common/query-boolean';
import { PageQuery } from '../../common/paging/page-query';

export const CASE_STATUSES = ['OPEN', 'COMPLETED'] as const;

/** `from` / `to`: the day the case was opened. */
export class ListCasesQuery extends DayRangePageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: (typeof CASE_STATUSES)[number];

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only cases over the half-working-day target; false: only those within it',
  })
  @IsOptional()
  @IsQueryBoolean()
  overTarget?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: only OPEN cases already past their half-working-day deadline now (the overdue list); ' +
      'false: every other case. Unlike overTarget, a case completed late is not overdue',
  })
  @IsOptional()
  @IsQueryBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: BusinessSteps, description: 'only cases whose step is not done yet' })
  @IsOptional()
  @IsIn(BusinessSteps)
  step?: (typeof BusinessSteps)[number];
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

export class ListLicensesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Unified social credit code' })
  @IsOptional()
  @IsUscc()
  uscc?: string;

  @ApiPropertyOptional({
    description: 'Enterprise name prefix, compared after normalising width, spaces and Latin case',
  })
  @IsOptional()
  @MaxLength(100)
  @MinLength(1)
  @IsString()
  @HasNoNulCharacter()
  name?: string;

  @ApiPropertyOptional({ enum: LicenseStatuses })
  @IsOptional()
  @IsIn(LicenseStatuses)
  status?: (typeof LicenseStatuses)[number];
}
