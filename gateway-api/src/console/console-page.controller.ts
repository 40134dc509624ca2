import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';

import { Public } from '../auth/auth.decorators';
import { NotFoundError } from '../common/errors';
import { type PageAssets } from '../common/page-assets/page-assets';
import { OperationsRateLimit } from '../public-rate-limit';
import { CONSOLE_CSP } from './console-page';

export const CONSOLE_ASSETS = Symbol('CONSOLE_ASSETS');

/** Linked with their current `?v=`: never change under that address. */
const CACHE_VERSIONED = 'private, max-age=31536000, immutable';
/**
 * The page and the modules it imports (imports carry no version): revalidated every time, which the
 * ETag keeps cheap, so a new gateway's console never runs with an old module.
 */
const CACHE_REVALIDATE = 'no-cache';

function secure(res: Response): void {
  res.set({
    'Content-Security-Policy': CONSOLE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
}

/**
 * GET /console: the staff console's page and files. They are public (they hold no data; every
 * answer the page shows comes from the API with the user's session), and count against the
 * operations rate limit, so staff loading pages never spend the citizens' budget.
 */
@ApiExcludeController()
@Public()
@OperationsRateLimit()
@Controller('console')
export class ConsolePageController {
  constructor(@Inject(CONSOLE_ASSETS) private readonly page: PageAssets) {}

  @Get()
  html(@Res() res: Response): void {
    secure(res);
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': CACHE_REVALIDATE });
    res.send(this.page.html);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Query('v') version: unknown, @Res() res: Response): void {
    const asset = this.page.assets.get(name);
    if (asset === undefined) throw new NotFoundError(`no console asset ${name}`);
    secure(res);
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': version === asset.version ? CACHE_VERSIONED : CACHE_REVALIDATE,
    });
    res.send(asset.body);
  }
}
