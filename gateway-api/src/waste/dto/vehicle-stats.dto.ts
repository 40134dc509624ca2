import { ApiProperty } from '@nestjs/swagger';

export class VehicleDayTotals {
  @ApiProperty({ example: 4, description: 'loads collected' }) trips!: number;
  @ApiProperty({ example: 250_000, description: "the loads' weight, the latest correction applied" })
  weightGrams!: number;

  @ApiProperty({ example: 1, description: "the loads' own anomalies plus each OVERDUE load" })
  anomalies!: number;
}

export class VehicleDay extends VehicleDayTotals {
  @ApiProperty({ example: '2026-03-01' }) date!: string;
}

/** `GET /api/v1/waste/vehicles/{vehicleId}/stats/daily`: one vehicle's days (UTC+08:00). */
export class VehicleDailyStatsResponse {
  @ApiProperty({ example: '粤A12345D' }) vehicleId!: string;
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-31' }) to!: string;
  @ApiProperty({ example: '+08:00' }) timeZone!: string;
  @ApiProperty({ type: [VehicleDay] }) days!: VehicleDay[];
  @ApiProperty({ type: VehicleDayTotals }) totals!: VehicleDayTotals;
}
