import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';

import { Public } from '../auth/auth.decorators';
import { ErrorResponse } from '../common/errors';
import { LoopbackOnlyGuard } from './loopback-only.guard';
import { MetricsService } from './metrics.service';
import { OperationsRateLimit } from '../public-rate-limit';

@ApiTags('operations')
@Public()
@OperationsRateLimit()
@UseGuards(LoopbackOnlyGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format); loopback clients only by default' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format', schema: { type: 'string' } })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not a loopback client' })
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.metrics.render();
    res.setHeader('Content-Type', this.metrics.contentType);
    return body;
  }
}
