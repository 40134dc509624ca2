import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

import {
  BagStepNames,
  CategoryCodes,
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
} from '../../../../chaincode/src/contract';
import { PageQuery } from '../../common/paging/page-query';

/** A batch id is its first bag's barcode: 18 digits (the check digit is the chaincode's to judge). */
const BATCH_ID_PATTERN = /^[0-9]{18}$/;

/**
 * A bag's status in the index: the latest step projected for it, as the chaincode's GetBag names it.
 * COMMISSIONED: a waste_bags row only; COLLECTED: accepted at a station (a waste_scans row);
 * LOADED: on a truck; TRANSFER_ARRIVED: at a transfer station; TRANSFER_DEPARTED: on a truck again
 * from there; DELIVERED: at a facility with its outcome (waste_bag_movements rows of those steps).
 */
export const BAG_STATUSES: readonly BagListStatus[] = ['COMMISSIONED', ...BagStepNames];
export type BagListStatus = 'COMMISSIONED' | (typeof BagStepNames)[number];

export class ListBagsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '440103', description: 'the district the bag was commissioned in' })
  @IsOptional()
  @IsString()
  @Matches(DISTRICT_CODE_PATTERN, { message: `districtCode ${DISTRICT_CODE_RULE}` })
  districtCode?: string;

  @ApiPropertyOptional({ enum: CategoryCodes })
  @IsOptional()
  @IsIn(CategoryCodes)
  category?: (typeof CategoryCodes)[number];

  @ApiPropertyOptional({ enum: BAG_STATUSES, description: 'the latest step the index holds' })
  @IsOptional()
  @IsIn(BAG_STATUSES)
  status?: BagListStatus;

  /** A batch's bags, e.g. to print its labels again (a batch is named by its first barcode). */
  @ApiPropertyOptional({ example: '440103010000000016', description: 'barcode of the first bag of a batch' })
  @IsOptional()
  @IsString()
  @Matches(BATCH_ID_PATTERN, { message: 'batchId must be the 18-digit barcode of the first bag of a batch' })
  batchId?: string;
}

export class BagSummary {
  @ApiProperty({ example: '440103010000000016' }) barcode!: string;
  @ApiProperty() districtCode!: string;
  @ApiProperty({ example: '01' }) category!: string;
  @ApiProperty({ example: 'RECYCLABLE' }) categoryName!: string;
  @ApiProperty() serial!: number;
  @ApiProperty({ description: 'barcode of the first bag of its batch' }) batchId!: string;
  @ApiProperty() commissionedAt!: string;
  @ApiProperty({ enum: BAG_STATUSES }) status!: BagListStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) stationId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) scannedAt!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) weightGrams!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) quality!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) loadedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the transfer station it passed' })
  transferSiteId!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) transferArrivedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) transferDepartedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deliveredAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) facilityId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) outcome!: string | null;
}

export class BagPage {
  @ApiProperty({ type: [BagSummary] }) items!: BagSummary[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
