import * as path from 'node:path';
import { Script } from 'node:vm';

import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type App } from 'supertest/types';

import { APP_OPTIONS, configureApp } from '../app.setup';
import { findAssetsDirectory } from './page-assets';
import { VERIFY_PAGE_CSP } from './verify-page.controller';
import { VerifyPageModule } from './verify-page.module';
import { ConfigModule } from '@nestjs/config';
import { validateEnv } from '../config/validate-env';

// The page over HTTP through the app's real global configuration: headers, caching, and that
// nothing it serves points outside the gateway's own origin.

/** Any absolute or protocol-relative address; the SVG namespace is a name, never fetched. */
const EXTERNAL = /[a-z][a-z0-9+.-]*:\/\/|(?:src|href|action)\s*=\s*["']?\/\/|url\(\s*["']?\/\/|@import/gi;
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

describe('VerifyPageController', () => {
  let app: NestExpressApplication;
  const http = (): App => app.getHttpServer();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnv }),
        VerifyPageModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS);
    configureApp(app);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const assetLinks = (html: string): string[] =>
    [...html.matchAll(/(?:src|href)="(\/verify\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '');

  it('serves the page as zh-CN HTML with a strict CSP and no caching of stale asset links', async () => {
    const page = await request(http()).get('/verify').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(VERIFY_PAGE_CSP);
    expect(VERIFY_PAGE_CSP).toContain("default-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain('<html lang="zh-CN">');
    expect(page.text).toMatch(/<label for="verify-input"/);
    expect(page.text).toMatch(/aria-live="polite"/);
    // no inline script or style: the CSP would block them anyway
    expect(page.text).not.toMatch(/<script>|<style|style="|\son[a-z]+="/i);
  });

  it('answers 304 to a revalidation with the ETag', async () => {
    const first = await request(http()).get('/verify').expect(200);
    const etag = first.headers['etag'];
    expect(etag).toBeDefined();
    await request(http())
      .get('/verify')
      .set('If-None-Match', etag ?? '')
      .expect(304);
  });

  it('serves every linked asset, cached for good under its version and briefly without it', async () => {
    const page = await request(http()).get('/verify').expect(200);
    const links = assetLinks(page.text);
    expect(links.map((link) => link.replace(/\?v=[0-9a-f]{16}$/, ''))).toEqual([
      '/verify/assets/icon.svg',
      '/verify/assets/verify.css',
      '/verify/assets/verify-text.js',
      '/verify/assets/verify-outcome.js',
      '/verify/assets/verify-render.js',
      '/verify/assets/verify.js',
    ]);
    for (const link of links) {
      const asset = await request(http()).get(link).expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-security-policy']).toBe(VERIFY_PAGE_CSP);
      const unversioned = await request(http())
        .get(link.replace(/\?v=.*$/, ''))
        .expect(200);
      expect(unversioned.headers['cache-control']).toBe('public, max-age=300');
    }
    const script = await request(http()).get('/verify/assets/verify.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await request(http()).get('/verify/assets/verify.css').expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('parses each script as JavaScript', async () => {
    for (const name of ['verify-text.js', 'verify-outcome.js', 'verify-render.js', 'verify.js']) {
      const script = await request(http()).get(`/verify/assets/${name}`).expect(200);
      expect(() => new Script(script.text, { filename: name })).not.toThrow();
    }
  });

  it('answers 404 with the API error shape for an unknown asset', async () => {
    const missing = await request(http()).get('/verify/assets/secrets.json').expect(404);
    expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await request(http()).get('/verify/assets/..%2Fverify-page.module.ts').expect(404);
  });

  it('names no address outside the gateway in the HTML, JS, CSS or icon', async () => {
    const page = await request(http()).get('/verify').expect(200);
    const bodies = [page.text];
    for (const link of assetLinks(page.text)) {
      // raw bytes whatever the content type, so the SVG is read as text too
      const asset = await request(http()).get(link).responseType('blob').expect(200);
      bodies.push((asset.body as Buffer).toString('utf8'));
    }
    const found = bodies.flatMap((body) => body.split(SVG_NAMESPACE).join('').match(EXTERNAL) ?? []);
    expect(found).toEqual([]);
  });
});

describe('findAssetsDirectory', () => {
  const sourceAssets = path.join(__dirname, 'assets');

  it('finds the source assets from the built module folder under dist', () => {
    const gatewayRoot = path.resolve(__dirname, '..', '..');
    const built = path.join(gatewayRoot, 'dist', 'gateway-api', 'src', 'verify-page');
    expect(findAssetsDirectory(built)).toBe(sourceAssets);
    expect(findAssetsDirectory(__dirname)).toBe(sourceAssets);
  });

  it('says where it looked when the assets are not there', () => {
    expect(() => findAssetsDirectory(path.parse(__dirname).root)).toThrow(/page assets not found/);
  });
});
