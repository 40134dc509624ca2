import { ApiProperty } from '@nestjs/swagger';

import { AnomalyResponse, RejectedItemResponse } from './scans.dto';

/** The per-bag answer shared by collections and deliveries, plus where it was committed. */
export class BatchResultResponse {
  @ApiProperty({ description: 'number of bags recorded' })
  accepted!: number;

  @ApiProperty({ type: [String] })
  duplicates!: string[];

  @ApiProperty({ type: [RejectedItemResponse] })
  rejected!: RejectedItemResponse[];

  @ApiProperty({ type: [AnomalyResponse] })
  anomalies!: AnomalyResponse[];

  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}

export class CollectionResponse extends BatchResultResponse {
  @ApiProperty({ description: 'id of the load record (its transaction id)' })
  loadId!: string;

  @ApiProperty()
  loadWeightGrams!: number;

  @ApiProperty({ description: 'sum of the scanned weights of the accepted bags' })
  scannedWeightGrams!: number;
}

export class DeliveryResponse extends BatchResultResponse {
  @ApiProperty({ description: 'id of the delivery record (its transaction id)' })
  deliveryId!: string;

  @ApiProperty({ example: 61_500, description: 'what left for here, pro-rated by bag weight per load' })
  expectedWeightGrams!: number;
}
