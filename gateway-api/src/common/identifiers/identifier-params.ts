import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';

import { parseBagBarcode, parseCertificateNumber, parseUscc } from '../../../../chaincode/src/contract';
import { IsBagBarcode, IsCertificateNumber, IsUscc } from './is-identifier';

// Path parameters naming one identifier, shared by every route that takes one (verification, the
// waste trace, licence status changes): validated with the chaincode's own parsers and put in
// canonical form, so the cache, the index and the ledger see one key for every way it may be typed.

/**
 * The canonical spelling of a valid identifier (half-width brackets, upper case). Invalid input stays
 * as typed: the validator refuses it with the reason.
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

export class UsccParams {
  @ApiProperty({ example: '91350100M000100Y43', description: 'Unified social credit code; case-insensitive' })
  @Transform(canonicalWith(parseUscc))
  @IsUscc()
  uscc!: string;
}

export class BagBarcodeParams {
  @ApiProperty({ example: '440103010000000016' })
  @Transform(canonicalWith(parseBagBarcode))
  @IsBagBarcode()
  barcode!: string;
}
