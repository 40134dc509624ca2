import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

import {
  BIN_ID_PATTERN,
  BIN_ID_RULE,
  CategoryCodes,
  RegistrationStatuses,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
} from '../../../../chaincode/src/contract';
import { PageQuery } from '../../common/paging/page-query';
import { BinIdField, RfidTagField } from './fleet-fields';

/** `POST /api/v1/waste/bins`: a bin at a registered STATION (the chaincode checks the site's kind). */
export class RegisterBinDto {
  @BinIdField()
  binId!: string;

  @ApiProperty({ example: 'LW-ST-001', description: SITE_ID_RULE })
  @IsString()
  @Matches(SITE_ID_PATTERN, { message: `siteId ${SITE_ID_RULE}` })
  siteId!: string;

  @RfidTagField()
  rfidTag!: string;

  @ApiProperty({ enum: CategoryCodes, example: '01', description: 'the category of bags it takes' })
  @IsIn(CategoryCodes)
  category!: (typeof CategoryCodes)[number];
}

export class BinParams {
  @ApiProperty({ example: 'LW-ST-001-B01' })
  @Matches(BIN_ID_PATTERN, { message: `binId ${BIN_ID_RULE}` })
  binId!: string;
}

/** The bin as the ledger holds it (GetBin). */
export class BinResponse {
  @ApiProperty({ example: 'LW-ST-001-B01' }) binId!: string;
  @ApiProperty({ example: 'LW-ST-001' }) siteId!: string;
  @ApiProperty({ example: 'E2801160600002040A1B2C3E' }) rfidTag!: string;
  @ApiProperty({ example: '01' }) category!: string;
  @ApiProperty({ enum: RegistrationStatuses }) status!: string;
  @ApiProperty({ example: '2026-03-01T08:00:00.000Z' }) registeredAt!: string;
  @ApiProperty({ example: 'UrbanMSP' }) registeredBy!: string;
  @ApiPropertyOptional({ example: '2026-06-01T08:00:00.000Z' }) retiredAt?: string;
  @ApiPropertyOptional({ example: 'UrbanMSP' }) retiredBy?: string;
}

export class BinChangeResponse extends BinResponse {
  @ApiProperty() txId!: string;
  @ApiProperty({ example: 42 }) blockNumber!: number;
}

export class ListBinsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'LW-ST-001', description: 'the station the bin stands at' })
  @IsOptional()
  @IsString()
  @Matches(SITE_ID_PATTERN, { message: `siteId ${SITE_ID_RULE}` })
  siteId?: string;

  @ApiPropertyOptional({ enum: RegistrationStatuses })
  @IsOptional()
  @IsIn(RegistrationStatuses)
  status?: (typeof RegistrationStatuses)[number];
}

/** A bin in the index. */
export class BinSummary {
  @ApiProperty({ example: 'LW-ST-001-B01' }) binId!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() rfidTag!: string;
  @ApiProperty({ example: '01' }) category!: string;
  @ApiProperty({ enum: RegistrationStatuses }) status!: string;
  @ApiProperty() registeredAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) retiredAt!: string | null;
}

export class BinPage {
  @ApiProperty({ type: [BinSummary] }) items!: BinSummary[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
