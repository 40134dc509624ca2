import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { type CheckReport, type Readiness } from './health.service';

// Response shapes for OpenAPI; the service's interfaces are the source of truth.

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class CheckReportDto implements CheckReport {
  @ApiProperty({ example: 'process' })
  name!: string;

  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional()
  message?: string;

  @ApiProperty()
  durationMs!: number;
}

export class ReadinessResponse implements Readiness {
  @ApiProperty({ enum: ['ready'] })
  status!: 'ready';

  @ApiProperty({ type: [String], example: ['UrbanMSP'], description: 'the departments this gateway serves' })
  departments!: string[];

  @ApiProperty({ type: [CheckReportDto] })
  checks!: CheckReportDto[];
}
