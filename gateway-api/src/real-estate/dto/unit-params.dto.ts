import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { type RegistrationType, RegistrationTypes } from '../../../../chaincode/src/contract';
import { DayRangePageQuery } from '../../common/day-range';
import { HasNoNulCharacter } from '../../common/has-no-nul-character';
import { IsCertificateNumber, IsUnitNumber } from '../../common/identifiers/is-identifier';
import { MAX_COMMON_NAME_LENGTH } from '../projection/submitter-name';

export class UnitParamsDto {
  @ApiProperty({ example: '440184001016GB00009F00800039' })
  @IsUnitNumber()
  unitNumber!: string;
}

/** GET /api/v1/real-estate/acts: newest first, by unit, certificate, type, day range and clerk. */
export class ListActsQueryDto extends DayRangePageQuery {
  @ApiPropertyOptional({ example: '440184001016GB00009F00800039' })
  @IsOptional()
  @IsUnitNumber()
  unitNumber?: string;

  @ApiPropertyOptional({
    example: '粤(2026)广州市不动产权第09400110号',
    description: 'The certificate the act issued; full-width （） or half-width () brackets',
  })
  @IsOptional()
  @IsCertificateNumber()
  certificateNumber?: string;

  @ApiPropertyOptional({ enum: RegistrationTypes })
  @IsOptional()
  @IsIn(RegistrationTypes)
  type?: RegistrationType;

  @ApiPropertyOptional({
    example: 'registry-clerk',
    description:
      "The acting clerk's user name: exactly the common name (CN) of the certificate the act was signed " +
      'with, which Fabric CA sets to the enrolment ID (case-sensitive, whole name)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_COMMON_NAME_LENGTH)
  @HasNoNulCharacter()
  clerk?: string;
}
