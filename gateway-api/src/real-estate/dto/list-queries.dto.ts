import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

import {
  CERTIFICATE_KINDS,
  type CertificateKind,
  type CertificateStatus,
  CertificateStatuses,
} from '../../../../chaincode/src/contract';
import { IsCalendarDate, IsNotBeforeDay } from '../../common/day-range';
import { IsCertificateNumber, IsUnitNumber } from '../../common/identifiers/is-identifier';
import { PageQuery } from '../../common/paging/page-query';
import { CLEARANCE_NUMBER } from './create-registration.dto';

// The query parameters of the real-estate and tax lists of the index (GET acts, certificates,
// deed-tax-clearances). Every parameter is checked; an unknown one is refused by the global pipe.

/** Query strings are text: only the words `true` / `false` count, anything else is refused. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** `?from=&to=`: Asia/Shanghai calendar days, both included; `to` not before `from`. */
export class DayRangePageQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'on or after this day (UTC+08:00)' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'on or before this day (UTC+08:00); not before from',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  @IsNotBeforeDay('from')
  to?: string;
}

/** GET /api/v1/real-estate/certificates: newest issued first. `from`/`to` bound the issue day. */
export class ListCertificatesQueryDto extends DayRangePageQuery {
  @ApiPropertyOptional({
    example: '粤(2026)广州市不动产权第09400110号',
    description: 'One certificate; full-width （） or half-width () brackets',
  })
  @IsOptional()
  @IsCertificateNumber()
  certificateNumber?: string;

  @ApiPropertyOptional({ enum: CertificateStatuses })
  @IsOptional()
  @IsIn(CertificateStatuses)
  status?: CertificateStatus;

  @ApiPropertyOptional({ example: '440184001016GB00009F00800039' })
  @IsOptional()
  @IsUnitNumber()
  unitNumber?: string;

  @ApiPropertyOptional({
    enum: CERTIFICATE_KINDS,
    description: 'TITLE 不动产权证书, REGISTRATION 不动产登记证明',
  })
  @IsOptional()
  @IsIn(CERTIFICATE_KINDS)
  kind?: CertificateKind;
}

/** GET /api/v1/real-estate/deed-tax-clearances: newest recorded first. `from`/`to` bound the recording day. */
export class ListClearancesQueryDto extends DayRangePageQuery {
  @ApiPropertyOptional({ example: '440184001016GB00009F00800039' })
  @IsOptional()
  @IsUnitNumber()
  unitNumber?: string;

  @ApiPropertyOptional({
    example: 'QS-2026-000123',
    description: 'The tax receipt number (clearance number)',
  })
  @IsOptional()
  @Matches(CLEARANCE_NUMBER, { message: 'receiptNumber must be 4 to 40 characters from A-Z a-z 0-9 -' })
  receiptNumber?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only clearances a TRANSFER has named; false: only those no TRANSFER has named yet',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'used must be true or false' })
  used?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: only clearances the caller recorded (the officer's MSP and certificate common name are the " +
      "caller's); false: everyone's, as without it",
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'mine must be true or false' })
  mine?: boolean;
}
