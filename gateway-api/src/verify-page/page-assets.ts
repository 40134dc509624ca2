import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// The page's files are real .html/.js/.css files (so prettier, eslint and editors treat them as what
// they are), kept in src/verify-page/assets. The build is plain tsc, which copies nothing but .ts, so
// the files are found at run time by walking up from this module: from src/verify-page under
// ts-jest, from dist/gateway-api/src/verify-page in the built gateway. They are read once, at start.

const ASSETS_FROM_REPO = path.join('gateway-api', 'src', 'verify-page', 'assets');

/** The files served under /verify/assets/, with their content types. */
const SERVED = {
  'verify.css': 'text/css; charset=utf-8',
  'verify-text.js': 'text/javascript; charset=utf-8',
  'verify-outcome.js': 'text/javascript; charset=utf-8',
  'verify-render.js': 'text/javascript; charset=utf-8',
  'verify.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml',
} as const;

export type AssetName = keyof typeof SERVED;

export interface PageAsset {
  readonly body: Buffer;
  readonly contentType: string;
  /** First 16 hex digits of the SHA-256 of the body: the `?v=` the page links with. */
  readonly version: string;
}

export interface PageAssets {
  /** The page, its asset links carrying each asset's version so they can be cached for good. */
  readonly html: string;
  readonly assets: ReadonlyMap<string, PageAsset>;
}

/** The first `gateway-api/src/verify-page/assets` folder (holding verify.html) at or above `from`. */
export function findAssetsDirectory(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, ASSETS_FROM_REPO);
    if (existsSync(path.join(candidate, 'verify.html'))) return candidate;
    if (path.dirname(dir) === dir) {
      throw new Error(
        `verify page assets not found: no ${ASSETS_FROM_REPO}/verify.html above ${from}; ` +
          'the gateway must run from a checkout that contains gateway-api/src',
      );
    }
  }
}

const version = (body: Buffer): string => createHash('sha256').update(body).digest('hex').slice(0, 16);

/** Reads the page and its assets; throws, naming the file, when one is missing. */
export function loadPageAssets(directory: string = findAssetsDirectory()): PageAssets {
  const assets = new Map<string, PageAsset>();
  for (const [name, contentType] of Object.entries(SERVED)) {
    const body = readFileSync(path.join(directory, name));
    assets.set(name, { body, contentType, version: version(body) });
  }
  // Only links the page itself names are versioned; the replacement keeps the HTML file readable.
  const html = readFileSync(path.join(directory, 'verify.html'), 'utf8').replace(
    /\/verify\/assets\/([a-z.-]+)"/g,
    (link: string, name: string) => {
      const asset = assets.get(name);
      return asset === undefined ? link : `/verify/assets/${name}?v=${asset.version}"`;
    },
  );
  return { html, assets };
}
