import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

import {
  MAX_VEHICLE_CAPACITY_KG,
  RegistrationStatuses,
  VEHICLE_PLATE_PATTERN,
  VEHICLE_PLATE_RULE,
} from '../../../../chaincode/src/contract';
import { IsUscc } from '../../common/identifiers/is-identifier';
import { PageQuery } from '../../common/paging/page-query';
import { RfidTagField, VehiclePlateField } from './fleet-fields';

/** `POST /api/v1/waste/vehicles`: checked with the chaincode's own rules (vehicle-rules.ts). */
export class RegisterVehicleDto {
  @VehiclePlateField()
  vehicleId!: string;

  @ApiProperty({ example: '914403001922038216', description: "the operating company's USCC" })
  @IsString()
  @IsUscc()
  companyUscc!: string;

  @RfidTagField()
  rfidTag!: string;

  @ApiProperty({ example: 8000, minimum: 1, maximum: MAX_VEHICLE_CAPACITY_KG, description: 'payload, kg' })
  @IsInt()
  @Min(1)
  @Max(MAX_VEHICLE_CAPACITY_KG)
  capacityKg!: number;
}

export class VehicleParams {
  @ApiProperty({ example: '粤A12345D' })
  @Matches(VEHICLE_PLATE_PATTERN, { message: `vehicleId ${VEHICLE_PLATE_RULE}` })
  vehicleId!: string;
}

/** The vehicle as the ledger holds it (GetVehicle). */
export class VehicleResponse {
  @ApiProperty({ example: '粤A12345D' }) vehicleId!: string;
  @ApiProperty({ example: '914403001922038216' }) companyUscc!: string;
  @ApiProperty({ example: 'E2801160600002040A1B2C3D' }) rfidTag!: string;
  @ApiProperty({ example: 8000 }) capacityKg!: number;
  @ApiProperty({ enum: RegistrationStatuses }) status!: string;
  @ApiProperty({ example: '2026-03-01T08:00:00.000Z' }) registeredAt!: string;
  @ApiProperty({ example: 'UrbanMSP' }) registeredBy!: string;
  @ApiPropertyOptional({ example: '2026-06-01T08:00:00.000Z' }) retiredAt?: string;
  @ApiPropertyOptional({ example: 'UrbanMSP' }) retiredBy?: string;
}

/** The answer of a registration or retirement: the vehicle and the transaction that recorded it. */
export class VehicleChangeResponse extends VehicleResponse {
  @ApiProperty() txId!: string;
  @ApiProperty({ example: 42 }) blockNumber!: number;
}

export class ListVehiclesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RegistrationStatuses })
  @IsOptional()
  @IsIn(RegistrationStatuses)
  status?: (typeof RegistrationStatuses)[number];

  @ApiPropertyOptional({ example: '914403001922038216', description: "the operating company's USCC" })
  @IsOptional()
  @IsString()
  @IsUscc()
  companyUscc?: string;
}

/** A vehicle in the index. */
export class VehicleSummary {
  @ApiProperty({ example: '粤A12345D' }) vehicleId!: string;
  @ApiProperty() companyUscc!: string;
  @ApiProperty() rfidTag!: string;
  @ApiProperty() capacityKg!: number;
  @ApiProperty({ enum: RegistrationStatuses }) status!: string;
  @ApiProperty() registeredAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) retiredAt!: string | null;
}

export class VehiclePage {
  @ApiProperty({ type: [VehicleSummary] }) items!: VehicleSummary[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
