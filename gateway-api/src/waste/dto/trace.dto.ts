import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BagEventResponse {
  @ApiProperty({ example: 'COLLECTED', description: 'COMMISSIONED, COLLECTED, LOADED, DELIVERED' })
  step!: string;

  @ApiProperty({ description: 'device time of the step (commissioning: transaction time)' })
  at!: string;

  @ApiProperty()
  recordedAt!: string;

  @ApiProperty()
  txId!: string;

  @ApiProperty({ type: 'array', items: { type: 'object' } })
  anomalies!: object[];
}

/** GetBag's answer as the chaincode gives it: no household data. */
export class BagTraceResponse {
  @ApiProperty({ example: '440103010000000016' })
  barcode!: string;

  @ApiProperty({ example: '440103' })
  districtCode!: string;

  @ApiProperty({ example: '01' })
  category!: string;

  @ApiProperty({ example: 'RECYCLABLE' })
  categoryName!: string;

  @ApiProperty()
  serial!: number;

  @ApiProperty({ example: 'DELIVERED' })
  status!: string;

  @ApiPropertyOptional({ example: 'RECYCLED' })
  outcome?: string;

  @ApiProperty({ type: [BagEventResponse], description: 'in order, commissioning first' })
  events!: BagEventResponse[];

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'ordered by transaction time' })
  anomalies!: object[];
}
