// The statistics views the inspector's dashboard and a station's own page share: period totals and
// the daily charts for a city, district or station, and the anomaly list with its CSV link.

import { get } from './console-api.js';
import { facts, h, replace, dateTime } from './console-dom.js';
import { showErrors } from './console-forms.js';
import { pagedList } from './console-list.js';
import { t } from './console-text.js';
import { dailyCharts } from './console-waste-charts.js';

/** The daily-stats route of a scope: the city, a district or a station. */
export function dailyPath({ scope, districtCode, stationId }) {
  if (scope === 'DISTRICT')
    return `/api/v1/waste/districts/${encodeURIComponent(districtCode ?? '')}/stats/daily`;
  if (scope === 'STATION') return `/api/v1/waste/stations/${encodeURIComponent(stationId ?? '')}/stats/daily`;
  return '/api/v1/waste/stats/daily';
}

const rate = (value) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);
const kg = (grams) => (grams / 1000).toLocaleString(undefined, { maximumFractionDigits: 3 });

/** Fills `container` with the totals and charts of `path` from `from` to `to`. */
export async function showDailyStats(container, path, { from, to }) {
  replace(container, h('p', { class: 'muted' }, t('loading')));
  const answer = await get(path, { from, to });
  if (!answer.ok) {
    const summary = h('div', { class: 'error-summary', role: 'alert', dataset: { testid: 'stats-error' } });
    showErrors(h('form'), summary, answer);
    replace(container, summary);
    return answer;
  }
  const { totals, days } = answer.body;
  replace(
    container,
    h('h2', {}, t('totals'), ` · ${answer.body.from} – ${answer.body.to}`),
    facts(
      [
        [t('bags'), String(totals.bags)],
        [t('weightKg'), kg(totals.weightGrams)],
        [t('conformanceRate'), rate(totals.conformanceRate)],
        [t('anomalies'), String(totals.anomalies)],
        ...totals.categories.map((c) => [
          t(`cat.${c.category}`),
          `${c.bags} · ${kg(c.weightGrams)} kg · ${rate(c.conformanceRate)}`,
        ]),
      ],
      'stats-totals',
    ),
    dailyCharts(days),
  );
  return answer;
}

/** The anomaly list for `query` (kind, stationId, districtCode, from, to), CSV link included. */
export function showAnomalies(container, query) {
  return pagedList(container, {
    path: '/api/v1/waste/anomalies',
    query,
    testid: 'anomalies',
    columns: [
      { label: t('day'), value: (row) => row.day },
      { label: t('kind'), value: (row) => t(`anomaly.${row.type}`) },
      { label: t('siteId'), value: (row) => row.stationId },
      { label: t('siteName'), value: (row) => row.siteName },
      { label: t('districtCode'), value: (row) => row.districtCode },
      { label: t('category'), value: (row) => (row.category === null ? null : t(`cat.${row.category}`)) },
      { label: t('barcode'), value: (row) => row.barcode },
      { label: t('message'), value: (row) => row.message },
      { label: t('recordedAt'), value: (row) => dateTime(row.recordedAt) },
    ],
  });
}
