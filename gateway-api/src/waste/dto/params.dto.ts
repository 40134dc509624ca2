import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

import {
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
} from '../../../../chaincode/src/contract';

// The waste routes' own path parameter (a bag's is the shared BagBarcodeParams), validated by the
// global pipe with the chaincode's own rule and described in the API document from the same decorator.

export class StationParams {
  @ApiProperty({ example: 'LW-ST-001' })
  @Matches(SITE_ID_PATTERN, { message: `stationId ${SITE_ID_RULE}` })
  stationId!: string;
}

export class DistrictParams {
  @ApiProperty({ example: '440103' })
  @Matches(DISTRICT_CODE_PATTERN, { message: `districtCode ${DISTRICT_CODE_RULE}` })
  districtCode!: string;
}
