import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import {
  CERTIFICATE_KINDS,
  type CertificateKind,
  type CertificateStatus,
  CertificateStatuses,
} from '../../../../chaincode/src/contract';
import { DayRangePageQuery } from '../../common/day-range';
import { IsCertificateNumber, IsUnitNumber } from '../../common/identifiers/is-identifier';
import { IsQueryBoolean } from '../../common/query-boolean';
import { CLEARANCE_NUMBER } from './create-registration.dto';

// The query parameters of the certificate and deed-tax clearance lists of the index (the acts' are in
// unit-params.dto.ts). Every parameter is checked; an unknown one is refused by the global pipe.

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
  @IsQueryBoolean()
  used?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: only clearances the caller recorded (the officer's MSP and certificate common name are the " +
      "caller's); false: everyone's, as without it",
  })
  @IsOptional()
  @IsQueryBoolean()
  mine?: boolean;
}
