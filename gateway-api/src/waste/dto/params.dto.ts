import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

import { parseBagBarcode, SITE_ID_PATTERN, SITE_ID_RULE } from '../../../../chaincode/src/contract';
import { IsBagBarcode } from '../../common/identifiers/is-identifier';

// The waste routes' path parameters, validated by the global pipe with the chaincode's own rules and
// described in the API document from the same decorators.

export class BagParams {
  @ApiProperty({ example: '440103010000000016' })
  @Transform(({ value }: { value: unknown }) => {
    const parsed = typeof value === 'string' ? parseBagBarcode(value) : undefined;
    return parsed?.valid === true ? parsed.value.canonical : value;
  })
  @IsBagBarcode()
  barcode!: string;
}

export class StationParams {
  @ApiProperty({ example: 'LW-ST-001' })
  @Matches(SITE_ID_PATTERN, { message: `stationId ${SITE_ID_RULE}` })
  stationId!: string;
}
