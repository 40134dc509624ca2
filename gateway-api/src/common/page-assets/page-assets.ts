import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// A browser page the gateway serves (the citizens' /verify page, the staff /console): its files are
// real .html/.js/.css files (so prettier, eslint and editors treat them as what they are) kept under
// gateway-api/src/<page>/assets. The build is plain tsc, which copies nothing but .ts, so the files
// are found at run time by walking up from this module: from src/ under ts-jest, from dist/ in the
// built gateway. Libraries the page uses (a chart or barcode library) are served from their npm
// package, the version the lockfile pins: nothing is loaded from anywhere but this origin. Every
// file is read once, at start, and linked with a content version so browsers may cache it for good.

export interface PageSpec {
  /** The assets folder from the repository root, e.g. `gateway-api/src/verify-page/assets`. */
  readonly folder: string;
  /** The page's HTML file in that folder. */
  readonly html: string;
  /** The URL path the assets are served under, e.g. `/verify/assets/`. */
  readonly urlPrefix: string;
  /** Asset file name → content type. */
  readonly served: Readonly<Record<string, string>>;
  /** Served name → an npm package's file (`package`, path inside it) and content type. */
  readonly packaged?: Readonly<
    Record<string, { readonly package: string; readonly file: string; readonly contentType: string }>
  >;
}

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

/** The first `spec.folder` (holding its HTML file) at or above `from`. */
export function findAssetsDirectory(
  spec: Pick<PageSpec, 'folder' | 'html'>,
  from: string = __dirname,
): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, spec.folder);
    if (existsSync(path.join(candidate, spec.html))) return candidate;
    if (path.dirname(dir) === dir) {
      throw new Error(
        `page assets not found: no ${spec.folder}/${spec.html} above ${from}; ` +
          'the gateway must run from a checkout that contains gateway-api/src',
      );
    }
  }
}

/** The root folder of an installed npm package (its `exports` may hide package.json itself). */
export function packageRoot(name: string): string {
  const entry = require.resolve(name);
  for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === name
    ) {
      return dir;
    }
  }
  throw new Error(`package ${name} resolves to ${entry}, but no package.json names it above that`);
}

const version = (body: Buffer): string => createHash('sha256').update(body).digest('hex').slice(0, 16);

const escapeForPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Reads the page and its assets; throws, naming the file, when one is missing. */
export function loadPageAssets(spec: PageSpec, directory: string = findAssetsDirectory(spec)): PageAssets {
  const assets = new Map<string, PageAsset>();
  for (const [name, contentType] of Object.entries(spec.served)) {
    const body = readFileSync(path.join(directory, name));
    assets.set(name, { body, contentType, version: version(body) });
  }
  for (const [name, source] of Object.entries(spec.packaged ?? {})) {
    const body = readFileSync(path.join(packageRoot(source.package), source.file));
    assets.set(name, { body, contentType: source.contentType, version: version(body) });
  }
  // Only links the page itself names are versioned; the replacement keeps the HTML file readable.
  const link = new RegExp(`${escapeForPattern(spec.urlPrefix)}([a-z0-9.-]+)"`, 'g');
  const html = readFileSync(path.join(directory, spec.html), 'utf8').replace(
    link,
    (whole: string, name: string) => {
      const asset = assets.get(name);
      return asset === undefined ? whole : `${spec.urlPrefix}${name}?v=${asset.version}"`;
    },
  );
  return { html, assets };
}
