import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

import {
  ADDRESS_MAX_CHARS,
  BUSINESS_SCOPE_MAX_CHARS,
  capitalToFen,
  MAX_CAPITAL_FEN,
  ENTERPRISE_NAME_MAX_CHARS,
  ENTERPRISE_NAME_MIN_CHARS,
  EntityTypes,
  PERSON_NAME_MAX_CHARS,
} from '../../../../chaincode/src/contract';
import { documentConstraint } from '../../common/openapi/validation-keywords';
import { IsResidentId, IsUscc } from '../../common/identifiers/is-identifier';

/** The chaincode's own capital rule (positive yuan, ≤ 2 decimals, number or decimal string). */
function IsCapitalCny(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCapitalCny',
      validator: {
        validate: (value: unknown): boolean => capitalToFen(value) !== undefined,
        defaultMessage: () =>
          'registeredCapitalCny must be a positive amount of yuan with at most 2 decimals, below 10 trillion',
      },
    },
    options,
  );
}

// A number, or a decimal string (no exponent); the string pattern stays below 10^13 yuan for brevity
documentConstraint('isCapitalCny', {
  oneOf: [
    { type: 'number', minimum: 0.01, maximum: MAX_CAPITAL_FEN / 100, multipleOf: 0.01 },
    { type: 'string', pattern: '^(?:[1-9][0-9]{0,12}(?:\\.[0-9]{1,2})?|0\\.(?:0[1-9]|[1-9][0-9]?))$' },
  ],
});

export class LegalRepresentativeDto {
  @ApiProperty({ example: '李四', description: 'Full name; sent to the chaincode as transient data only' })
  @MaxLength(PERSON_NAME_MAX_CHARS)
  @MinLength(2)
  @IsString()
  name!: string;

  @ApiProperty({ example: '11010519491231002X', description: 'Resident ID number; transient data only' })
  @IsResidentId()
  idNumber!: string;
}

/**
 * POST /api/v1/business/cases. Identifiers and capital are checked with the chaincode's own rules; the
 * name's finer rules (characters allowed, uniqueness) stay with the chaincode, which checks all again.
 */
export class OpenCaseDto {
  @ApiProperty({ example: '91350100M000100Y43', description: 'Unified social credit code (both checks)' })
  @IsUscc()
  uscc!: string;

  @ApiProperty({ example: '广州示例科技有限公司' })
  @MaxLength(ENTERPRISE_NAME_MAX_CHARS)
  @MinLength(ENTERPRISE_NAME_MIN_CHARS)
  @IsString()
  name!: string;

  @ApiProperty({ enum: EntityTypes })
  @IsIn(EntityTypes)
  entityType!: (typeof EntityTypes)[number];

  @ApiProperty({ type: LegalRepresentativeDto })
  @ValidateNested()
  @Type(() => LegalRepresentativeDto)
  @IsObject()
  legalRepresentative!: LegalRepresentativeDto;

  @ApiProperty({ example: '1000000.00' })
  @IsCapitalCny()
  registeredCapitalCny!: number | string;

  @ApiProperty({ example: '广州市天河区示例路1号' })
  @MaxLength(ADDRESS_MAX_CHARS)
  @IsNotEmpty()
  @IsString()
  address!: string;

  @ApiProperty({ example: '软件开发；信息技术咨询服务' })
  @MaxLength(BUSINESS_SCOPE_MAX_CHARS)
  @IsNotEmpty()
  @IsString()
  businessScope!: string;
}
