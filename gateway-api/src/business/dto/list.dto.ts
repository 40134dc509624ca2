import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { BusinessSteps, LicenseStatuses } from '../../../../chaincode/src/contract';
import { IsCalendarDate, IsNotBeforeDay } from '../../common/day-range';
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

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: only OPEN cases already past their half-working-day deadline now (the overdue list); ' +
      'false: every other case. Unlike overTarget, a case completed late is not overdue',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ enum: BusinessSteps, description: 'only cases whose step is not done yet' })
  @IsOptional()
  @IsIn(BusinessSteps)
  step?: (typeof BusinessSteps)[number];

  @ApiPropertyOptional({ example: '2026-03-01', description: 'opened on or after this day (UTC+08:00)' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'opened on or before this day (UTC+08:00); not before from',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  @IsNotBeforeDay('from')
  to?: string;
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
