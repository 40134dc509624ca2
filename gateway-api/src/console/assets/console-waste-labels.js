// A printable A4 sheet of bag labels: each the Code 128 barcode of the bag's 18-digit code with the
// digits under it, drawn by bwip-js (loaded as the global `bwipjs`) as SVG markup. The markup is
// parsed as an SVG document and its element imported, never assigned as HTML, so a label carries
// nothing the barcode library did not draw.

import { h } from './console-dom.js';
import { t } from './console-text.js';

const parser = new DOMParser();

/** The barcode of `code` as an <svg> element of this document. */
export function barcodeSvg(code) {
  const markup = globalThis.bwipjs.toSVG({
    bcid: 'code128',
    text: code,
    includetext: true,
    textxalign: 'center',
    scale: 2,
    height: 12,
  });
  const svg = parser.parseFromString(markup, 'image/svg+xml').documentElement;
  return document.importNode(svg, true);
}

/** A bag code is district (6) + category (2) + serial and check digit, so a label needs nothing else. */
export function describe(code) {
  return { districtCode: code.slice(0, 6), category: code.slice(6, 8) };
}

/** The sheet: three labels a row, category name and district over each barcode. */
export function labelSheet(codes) {
  return h(
    'section',
    { class: 'paper label-sheet', dataset: { testid: 'label-sheet' } },
    h(
      'div',
      { class: 'labels' },
      codes.map((code) => {
        const { districtCode, category } = describe(code);
        return h(
          'div',
          { class: 'label', dataset: { testid: 'label', barcode: code } },
          h('p', { class: 'label-head' }, h('strong', {}, t(`cat.${category}`)), ` · ${districtCode}`),
          h('div', { class: 'label-code', dataset: { testid: 'label-barcode' } }, barcodeSvg(code)),
        );
      }),
    ),
  );
}
