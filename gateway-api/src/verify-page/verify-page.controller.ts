import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';

import { Public } from '../auth/auth.decorators';
import { NotFoundError } from '../common/errors';
import { type PageAssets } from './page-assets';
import { CitizensRateLimit } from '../public-rate-limit';

export const PAGE_ASSETS = Symbol('PAGE_ASSETS');

/**
 * Everything the page may load comes from this origin. No inline script or style is allowed either,
 * so injected markup could not run even if some text ever slipped past textContent.
 */
export const VERIFY_PAGE_CSP = [
  "default-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Assets linked with their current `?v=` never change under that address. */
const CACHE_VERSIONED = 'public, max-age=31536000, immutable';
/** An unversioned or stale link: cache briefly, then revalidate (express adds an ETag). */
const CACHE_UNVERSIONED = 'public, max-age=300';
/** The page names the asset versions, so it is revalidated every time; the ETag keeps that cheap. */
const CACHE_PAGE = 'no-cache';

function secure(res: Response): void {
  res.set({
    'Content-Security-Policy': VERIFY_PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    // certificate numbers travel in the query string; do not hand them to anyone else
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
}

/** GET /verify: the citizens' verification page (API.md "Public verification") and its assets. */
@ApiExcludeController()
@Public()
@CitizensRateLimit()
@Controller('verify')
export class VerifyPageController {
  constructor(@Inject(PAGE_ASSETS) private readonly page: PageAssets) {}

  @Get()
  html(@Res() res: Response): void {
    secure(res);
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': CACHE_PAGE });
    res.send(this.page.html);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Query('v') version: unknown, @Res() res: Response): void {
    const asset = this.page.assets.get(name);
    if (asset === undefined) throw new NotFoundError(`no page asset ${name}`);
    secure(res);
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': version === asset.version ? CACHE_VERSIONED : CACHE_UNVERSIONED,
    });
    res.send(asset.body);
  }
}
