import {
  findAssetsDirectory as findPageAssets,
  loadPageAssets as loadPage,
  type PageAssets,
  type PageSpec,
} from '../common/page-assets/page-assets';

export type { PageAsset, PageAssets } from '../common/page-assets/page-assets';

/** The citizens' page: gateway-api/src/verify-page/assets, served under /verify/assets/. */
export const VERIFY_PAGE: PageSpec = {
  folder: 'gateway-api/src/verify-page/assets',
  html: 'verify.html',
  urlPrefix: '/verify/assets/',
  served: {
    'verify.css': 'text/css; charset=utf-8',
    'verify-text.js': 'text/javascript; charset=utf-8',
    'verify-outcome.js': 'text/javascript; charset=utf-8',
    'verify-render.js': 'text/javascript; charset=utf-8',
    'verify.js': 'text/javascript; charset=utf-8',
    'icon.svg': 'image/svg+xml',
  },
};

export const findAssetsDirectory = (from: string = __dirname): string => findPageAssets(VERIFY_PAGE, from);

export const loadPageAssets = (directory?: string): PageAssets => loadPage(VERIFY_PAGE, directory);
