import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';

import {
  canonicalVerificationCode,
  VERIFICATION_CODE_ALPHABET,
  VERIFICATION_CODE_LENGTH,
} from '../../../../chaincode/src/contract';
import { IsResidentId } from '../../common/identifiers/is-identifier';
import { documentRequiredTogether } from '../../common/openapi/document-rules';
import { QR_FORMATS, type QrFormat } from '../qr-code';

/** The holder check is asked with both fields or neither: one without the other is refused, named. */
const askingHolder = (query: HolderMatchQuery): boolean =>
  query.holderIdNumber !== undefined || query.verificationCode !== undefined;
documentRequiredTogether(['holderIdNumber', 'verificationCode']);

export class HolderMatchQuery {
  @ApiPropertyOptional({
    description:
      "A holder's resident ID number, with verificationCode: answers holderMatch, reveals nothing else",
  })
  @ValidateIf(askingHolder)
  @IsDefined({ message: 'holderIdNumber is required with verificationCode' })
  @IsResidentId()
  holderIdNumber?: string;

  @ApiPropertyOptional({
    example: 'K7M2-Q9XR',
    description:
      'The verification code printed on the certificate (8 characters of ' +
      `${VERIFICATION_CODE_ALPHABET}; a hyphen, spaces and lower case are accepted), with holderIdNumber. ` +
      'After 5 failed checks of a certificate in a UTC day, from any address, the check answers 429 until 00:00 UTC',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (canonicalVerificationCode(value) ?? value) : value,
  )
  @ValidateIf(askingHolder)
  @IsDefined({ message: 'verificationCode is required with holderIdNumber' })
  @Matches(new RegExp(`^[${VERIFICATION_CODE_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`), {
    message: `verificationCode must be the ${VERIFICATION_CODE_LENGTH}-character code printed on the certificate`,
  })
  verificationCode?: string;
}

export class QrQuery {
  @ApiPropertyOptional({ enum: QR_FORMATS, default: 'png' })
  @IsOptional()
  @IsIn(QR_FORMATS)
  format?: QrFormat;
}
