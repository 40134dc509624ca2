import { type PageSpec } from '../common/page-assets/page-assets';

/**
 * The staff console: gateway-api/src/console/assets (ES modules, no bundler), served under
 * /console/assets/, with the chart and barcode libraries from their npm packages.
 */
export const CONSOLE_PAGE: PageSpec = {
  folder: 'gateway-api/src/console/assets',
  html: 'console.html',
  urlPrefix: '/console/assets/',
  served: {
    'console.css': 'text/css; charset=utf-8',
    'icon.svg': 'image/svg+xml',
    'console-app.js': 'text/javascript; charset=utf-8',
    'console-api.js': 'text/javascript; charset=utf-8',
    'console-dom.js': 'text/javascript; charset=utf-8',
    'console-forms.js': 'text/javascript; charset=utf-8',
    'console-list.js': 'text/javascript; charset=utf-8',
    'console-sections.js': 'text/javascript; charset=utf-8',
    'console-text.js': 'text/javascript; charset=utf-8',
    'console-waste-charts.js': 'text/javascript; charset=utf-8',
    'console-waste-dashboard.js': 'text/javascript; charset=utf-8',
    'console-waste-filters.js': 'text/javascript; charset=utf-8',
    'console-waste-inspector.js': 'text/javascript; charset=utf-8',
    'console-waste-fleet.js': 'text/javascript; charset=utf-8',
    'console-waste-labels.js': 'text/javascript; charset=utf-8',
    'console-waste-scan-csv.js': 'text/javascript; charset=utf-8',
    'console-waste-station.js': 'text/javascript; charset=utf-8',
    'console-waste-text.js': 'text/javascript; charset=utf-8',
    'console-waste-transport.js': 'text/javascript; charset=utf-8',
    'console-waste-upload.js': 'text/javascript; charset=utf-8',
    'console-business-case.js': 'text/javascript; charset=utf-8',
    'console-filters.js': 'text/javascript; charset=utf-8',
    'console-market.js': 'text/javascript; charset=utf-8',
    'console-market-text.js': 'text/javascript; charset=utf-8',
    'console-registry.js': 'text/javascript; charset=utf-8',
    'console-registry-fields.js': 'text/javascript; charset=utf-8',
    'console-registry-pages.js': 'text/javascript; charset=utf-8',
    'console-registry-text.js': 'text/javascript; charset=utf-8',
    'console-tax.js': 'text/javascript; charset=utf-8',
  },
  packaged: {
    'chart.umd.min.js': {
      package: 'chart.js',
      file: 'dist/chart.umd.min.js',
      contentType: 'text/javascript; charset=utf-8',
    },
    'bwip-js.min.js': {
      package: 'bwip-js',
      file: 'dist/bwip-js-min.js',
      contentType: 'text/javascript; charset=utf-8',
    },
  },
};

/**
 * Only this origin, no inline script or style; images also from data: URLs (a label sheet's barcodes
 * are drawn in the browser).
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
