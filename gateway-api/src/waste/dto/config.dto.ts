import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

import {
  MAX_ARRIVAL_DEADLINE_MINUTES,
  MIN_ARRIVAL_DEADLINE_MINUTES,
  TOLERANCE_RATIO_PATTERN,
  TOLERANCE_RATIO_RULE,
} from '../../../../chaincode/src/contract';

/**
 * `PUT /api/v1/waste/config`: the load-weight tolerance, checked with the chaincode's own pattern. A
 * string, not a JSON number: "0.15" stays exactly what the inspector typed (no binary fraction).
 */
export class SetWasteConfigDto {
  @ApiProperty({ example: '0.1', description: `toleranceRatio ${TOLERANCE_RATIO_RULE}` })
  @IsString()
  @Matches(TOLERANCE_RATIO_PATTERN, { message: `toleranceRatio ${TOLERANCE_RATIO_RULE}` })
  toleranceRatio!: string;

  @ApiPropertyOptional({
    example: 240,
    minimum: MIN_ARRIVAL_DEADLINE_MINUTES,
    maximum: MAX_ARRIVAL_DEADLINE_MINUTES,
    description: 'minutes a load may travel before it is OVERDUE; left out, the one in force is kept',
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_ARRIVAL_DEADLINE_MINUTES)
  @Max(MAX_ARRIVAL_DEADLINE_MINUTES)
  arrivalDeadlineMinutes?: number;
}

/** The configuration in force: the defaults (10 %, no author) until an inspector sets one. */
export class WasteConfigResponse {
  @ApiProperty({ example: '0.1', description: 'how far a load may differ from its bags, 0 to 1' })
  toleranceRatio!: string;

  @ApiProperty({ example: 1000, description: 'the same in basis points (1/10 000)' })
  toleranceBasisPoints!: number;

  @ApiProperty({ example: 240, description: 'minutes a load may travel before it is OVERDUE' })
  arrivalDeadlineMinutes!: number;

  @ApiProperty({ example: '2026-03-01T08:00:00.000Z', description: 'empty for the defaults' })
  updatedAt!: string;

  @ApiProperty({ example: 'UrbanMSP', description: 'empty for the defaults' })
  updatedBy!: string;
}

/** The answer of a change: the new configuration and the transaction that recorded it. */
export class WasteConfigChangeResponse extends WasteConfigResponse {
  @ApiProperty()
  txId!: string;

  @ApiProperty({ example: 42 })
  blockNumber!: number;
}
