import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';

import {
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  SITE_NAME_PATTERN,
  SITE_NAME_RULE,
  SiteKinds,
} from '../../../../chaincode/src/contract';

/** `POST /api/v1/waste/sites`: checked with the chaincode's own patterns (domain.ts). */
export class RegisterSiteDto {
  @ApiProperty({ example: 'LW-ST-001', description: SITE_ID_RULE })
  @IsString()
  @Matches(SITE_ID_PATTERN, { message: `siteId ${SITE_ID_RULE}` })
  siteId!: string;

  @ApiProperty({ enum: SiteKinds, example: 'STATION' })
  @IsIn(SiteKinds)
  kind!: (typeof SiteKinds)[number];

  @ApiProperty({ example: '440103', description: DISTRICT_CODE_RULE })
  @IsString()
  @Matches(DISTRICT_CODE_PATTERN, { message: `districtCode ${DISTRICT_CODE_RULE}` })
  districtCode!: string;

  @ApiProperty({ example: '荔湾区站前路收集点', description: SITE_NAME_RULE })
  @IsString()
  @Matches(SITE_NAME_PATTERN, { message: `name ${SITE_NAME_RULE}` })
  name!: string;
}

export class WasteSiteResponse {
  @ApiProperty({ example: 'LW-ST-001' })
  siteId!: string;

  @ApiProperty({ enum: SiteKinds })
  kind!: string;

  @ApiProperty({ example: '440103' })
  districtCode!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: '2026-03-01T08:00:00.000Z' })
  registeredAt!: string;

  @ApiProperty({ example: 'UrbanMSP' })
  registeredBy!: string;

  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}
