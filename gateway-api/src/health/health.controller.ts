import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';

import { Public } from '../auth/auth.decorators';
import { ErrorResponse } from '../common/errors';
import { LivenessResponse, ReadinessResponse } from './health.dto';
import { HealthService } from './health.service';
import { OperationsRateLimit } from '../public-rate-limit';

@ApiTags('operations')
@Public()
@OperationsRateLimit()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return this.health.live();
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every dependency the gateway needs is up' })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({
    type: ErrorResponse,
    description: 'UNAVAILABLE; details list every check',
  })
  ready(): Promise<ReadinessResponse> {
    return this.health.ready();
  }
}
