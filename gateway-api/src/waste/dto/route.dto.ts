import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, Matches } from 'class-validator';

import {
  MAX_ROUTE_SITES,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  VEHICLE_PLATE_PATTERN,
  VEHICLE_PLATE_RULE,
} from '../../../../chaincode/src/contract';
import { IsCalendarDate } from '../../common/day-range';
import { VehiclePlateField } from './fleet-fields';

/** `POST /api/v1/waste/routes`: a vehicle's planned sites for one day, in order (re-recording replaces). */
export class RecordRouteDto {
  @VehiclePlateField()
  vehicleId!: string;

  @ApiProperty({ example: '2026-03-01', description: 'the Asia/Shanghai day the route is for' })
  @IsString()
  @IsCalendarDate()
  day!: string;

  @ApiProperty({
    type: [String],
    example: ['LW-ST-001', 'LW-ST-002', 'LW-TR-001'],
    minItems: 1,
    maxItems: MAX_ROUTE_SITES,
    description: `registered sites in visiting order, each once; ${SITE_ID_RULE}`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROUTE_SITES)
  @ArrayUnique({ message: 'siteIds must list each site once' })
  @IsString({ each: true })
  @Matches(SITE_ID_PATTERN, { each: true, message: `siteIds ${SITE_ID_RULE}` })
  siteIds!: string[];
}

export class RouteParams {
  @ApiProperty({ example: '粤A12345D' })
  @Matches(VEHICLE_PLATE_PATTERN, { message: `vehicleId ${VEHICLE_PLATE_RULE}` })
  vehicleId!: string;

  @ApiProperty({ example: '2026-03-01' })
  @IsCalendarDate()
  day!: string;
}

/** The route as the ledger holds it (GetRoute). */
export class RouteResponse {
  @ApiProperty({ example: '粤A12345D' }) vehicleId!: string;
  @ApiProperty({ example: '2026-03-01' }) day!: string;
  @ApiProperty({ type: [String], example: ['LW-ST-001', 'LW-ST-002', 'LW-TR-001'] }) siteIds!: string[];
  @ApiProperty({ example: 1, description: 'how often the plan was recorded; the latest replaces' })
  revision!: number;

  @ApiProperty({ example: '2026-03-01T06:00:00.000Z' }) recordedAt!: string;
  @ApiProperty({ example: 'UrbanMSP' }) recordedBy!: string;
}

export class RouteChangeResponse extends RouteResponse {
  @ApiProperty() txId!: string;
  @ApiProperty({ example: 42 }) blockNumber!: number;
}
