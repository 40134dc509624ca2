import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

import {
  parseBagBarcode,
  parseCertificateNumber,
  parseUscc,
} from '../../../../chaincode/src/common/identifiers';
import {
  IsBagBarcode,
  IsCertificateNumber,
  IsResidentId,
  IsUscc,
} from '../../common/identifiers/is-identifier';
import { QR_FORMATS, type QrFormat } from '../qr-code';

/**
 * The canonical spelling of a valid identifier (half-width brackets, upper case), so the cache and
 * the ledger see one key for every way a citizen may type it. Invalid input stays as typed: the
 * validator refuses it with the reason.
 */
function canonicalWith(parse: (input: string) => { valid: boolean; value?: { canonical: string } }) {
  return ({ value }: { value: unknown }): unknown => {
    if (typeof value !== 'string') return value;
    const parsed = parse(value);
    return parsed.valid && parsed.value !== undefined ? parsed.value.canonical : value;
  };
}

export class CertificateNumberParams {
  @ApiProperty({ example: '粤(2026)广州市不动产权第09400110号', description: 'half- or full-width brackets' })
  @Transform(canonicalWith(parseCertificateNumber))
  @IsCertificateNumber()
  certificateNumber!: string;
}

export class HolderMatchQuery {
  @ApiPropertyOptional({
    description:
      "A holder's resident ID number: answers holderMatch (salted-hash comparison), reveals nothing else",
  })
  @IsOptional()
  @IsResidentId()
  holderIdNumber?: string;
}

export class UsccParams {
  @ApiProperty({ example: '91350100M000100Y43' })
  @Transform(canonicalWith(parseUscc))
  @IsUscc()
  uscc!: string;
}

export class BagBarcodeParams {
  @ApiProperty({ example: '4401030100000000017' })
  @Transform(canonicalWith(parseBagBarcode))
  @IsBagBarcode()
  barcode!: string;
}

export class QrQuery {
  @ApiPropertyOptional({ enum: QR_FORMATS, default: 'png' })
  @IsOptional()
  @IsIn(QR_FORMATS)
  format?: QrFormat;
}
