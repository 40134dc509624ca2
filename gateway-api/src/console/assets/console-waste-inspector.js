// The urban inspector's pages: register sites, issue bag batches and print their labels, set the
// load-weight tolerance, and watch the city's sorting on a dashboard with the anomaly list; the
// fleet's pages (vehicles, loads) are in console-waste-fleet.js.

import { get, post, put } from './console-api.js';
import { facts, h, replace, dateTime } from './console-dom.js';
import { committed, jsonForm, showErrors } from './console-forms.js';
import { t } from './console-text.js';
import { dailyPath, showAnomalies, showDailyStats } from './console-waste-dashboard.js';
import { cityDay, filterForm } from './console-waste-filters.js';
import { fleetRoutes } from './console-waste-fleet.js';
import { labelSheet } from './console-waste-labels.js';
import { ANOMALY_KINDS, CATEGORIES, options, SITE_KINDS } from './console-waste-text.js';

const BAG_STATUSES = [
  'COMMISSIONED',
  'COLLECTED',
  'LOADED',
  'TRANSFER_ARRIVED',
  'TRANSFER_DEPARTED',
  'DELIVERED',
];
// The index answers at most 100 rows a page and a batch holds at most 1000 bags.
const PAGE_SIZE = 100;
const MAX_LABELS = 1000;

// The batch issued last in this tab: its labels print at once, before the index has caught up.
let lastIssued = null;

function renderSites(view) {
  const result = h('div', { dataset: { testid: 'site-result' } });
  replace(
    view,
    h('h1', {}, t('wasteSites')),
    jsonForm({
      testid: 'site-form',
      fields: [
        { name: 'siteId', label: t('siteId'), required: true, placeholder: 'LW-ST-001', maxlength: 51 },
        {
          name: 'kind',
          label: t('siteKind'),
          type: 'select',
          required: true,
          options: options(SITE_KINDS, 'siteKind'),
          value: 'STATION',
        },
        {
          name: 'districtCode',
          label: t('districtCode'),
          required: true,
          placeholder: '440103',
          maxlength: 6,
        },
        { name: 'name', label: t('siteName'), required: true, maxlength: 100 },
      ],
      send: (body, key) => post('/api/v1/waste/sites', body, key),
      done: (answer) =>
        replace(result, h('p', {}, t('siteRegistered', { siteId: answer.body.siteId })), committed(answer)),
    }),
    result,
  );
}

function renderBatches(view) {
  const result = h('div', { dataset: { testid: 'batch-result' } });
  replace(
    view,
    h('h1', {}, t('wasteBatches')),
    jsonForm({
      testid: 'batch-form',
      fields: [
        {
          name: 'districtCode',
          label: t('districtCode'),
          required: true,
          placeholder: '440103',
          maxlength: 6,
        },
        {
          name: 'category',
          label: t('category'),
          type: 'select',
          required: true,
          options: options(CATEGORIES, 'cat'),
          value: '01',
        },
        { name: 'firstSerial', label: t('firstSerial'), type: 'number', required: true, min: 0, step: 1 },
        {
          name: 'count',
          label: t('count'),
          type: 'number',
          required: true,
          min: 1,
          max: 1000,
          step: 1,
          value: '30',
        },
        {
          name: 'householdRef',
          label: t('householdRef'),
          required: true,
          maxlength: 200,
          hint: t('householdHint'),
        },
      ],
      send: (body, key) => post('/api/v1/waste/bag-batches', body, key),
      done: (answer) => {
        lastIssued = { batchId: answer.body.batchId, barcodes: answer.body.barcodes };
        replace(
          result,
          h('p', {}, t('batchIssued', { count: answer.body.barcodes.length, batchId: answer.body.batchId })),
          committed(answer),
          h(
            'a',
            {
              class: 'button',
              href: `#/waste/labels?batchId=${answer.body.batchId}`,
              dataset: { testid: 'open-labels' },
            },
            t('printLabels'),
          ),
        );
      },
    }),
    result,
  );
}

/** Every bag of the index matching `query` (the index filters by batch too), page by page. */
async function bagsFromIndex(query) {
  const codes = [];
  for (let page = 1; codes.length < MAX_LABELS; page += 1) {
    const answer = await get('/api/v1/waste/bags', { ...query, page, pageSize: PAGE_SIZE });
    if (!answer.ok) return answer;
    for (const bag of answer.body.items) codes.push(bag.barcode);
    if (page * PAGE_SIZE >= answer.body.total) break;
  }
  return { ok: true, codes: codes.slice(0, MAX_LABELS) };
}

async function showLabels(target, query) {
  replace(target, h('p', { class: 'muted' }, t('loading')));
  let codes;
  if (query.barcodes !== undefined)
    codes = query.barcodes.split(/\s+/).filter((code) => /^\d{18}$/.test(code));
  else if (lastIssued !== null && query.batchId === lastIssued.batchId && Object.keys(query).length === 1)
    codes = lastIssued.barcodes;
  else {
    const answer = await bagsFromIndex(query);
    if (!answer.ok) {
      const summary = h('div', { class: 'error-summary', role: 'alert' });
      showErrors(h('form'), summary, answer);
      return replace(target, summary);
    }
    codes = answer.codes;
  }
  if (codes.length === 0)
    return replace(target, h('p', { class: 'muted', dataset: { testid: 'labels-empty' } }, t('noLabels')));
  replace(
    target,
    h(
      'div',
      { class: 'list-tools' },
      h(
        'span',
        { class: 'muted', dataset: { testid: 'label-count' } },
        t('labelCount', { count: codes.length }),
      ),
      h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('print')),
    ),
    labelSheet(codes),
  );
}

function renderLabels(view, params) {
  const target = h('div', { dataset: { testid: 'labels' } });
  const picked = Object.fromEntries(
    ['batchId', 'districtCode', 'category', 'status'].filter((n) => params[n]).map((n) => [n, params[n]]),
  );
  replace(
    view,
    h('h1', { class: 'no-print' }, t('labelsTitle')),
    h('p', { class: 'muted no-print' }, t('labelsIntro')),
    h(
      'div',
      { class: 'no-print' },
      filterForm({
        testid: 'label-filters',
        submitLabel: t('showLabels'),
        fields: [
          { name: 'batchId', label: t('batchId'), value: picked.batchId },
          { name: 'districtCode', label: t('districtCode'), value: picked.districtCode },
          {
            name: 'category',
            label: t('category'),
            type: 'select',
            options: options(CATEGORIES, 'cat'),
            value: picked.category,
          },
          {
            name: 'status',
            label: t('status'),
            type: 'select',
            options: BAG_STATUSES.map((s) => [s, s]),
            value: picked.status,
          },
        ],
        onSearch: (query) => showLabels(target, query),
      }),
      filterForm({
        testid: 'label-barcodes',
        submitLabel: t('showLabels'),
        fields: [{ name: 'barcodes', label: t('barcodesOnePerLine'), type: 'textarea' }],
        onSearch: (query) => showLabels(target, query),
      }),
    ),
    target,
  );
  if (Object.keys(picked).length > 0) void showLabels(target, picked);
  else replace(target);
}

async function renderTolerance(view) {
  const current = h('div', { dataset: { testid: 'tolerance-now' } });
  const show = (config) =>
    replace(
      current,
      h(
        'p',
        {},
        t('toleranceNow', { ratio: config.toleranceRatio, percent: config.toleranceBasisPoints / 100 }),
      ),
      facts([
        [t('arrivalDeadlineMinutes'), String(config.arrivalDeadlineMinutes)],
        [t('updatedAt'), config.updatedAt === '' ? t('defaults') : dateTime(config.updatedAt)],
        [t('updatedBy'), config.updatedBy === '' ? t('defaults') : config.updatedBy],
      ]),
    );
  const result = h('div');
  replace(
    view,
    h('h1', {}, t('wasteTolerance')),
    current,
    jsonForm({
      testid: 'tolerance-form',
      fields: [
        {
          name: 'toleranceRatio',
          label: t('toleranceRatio'),
          required: true,
          placeholder: '0.1',
          maxlength: 6,
        },
        // left empty, the deadline in force is kept
        {
          name: 'arrivalDeadlineMinutes',
          label: t('arrivalDeadlineMinutes'),
          type: 'number',
          min: 10,
          step: 1,
        },
      ],
      send: (body, key) => put('/api/v1/waste/config', body, key),
      done: (answer) => {
        show(answer.body);
        replace(
          result,
          h('p', {}, t('toleranceSet', { ratio: answer.body.toleranceRatio })),
          committed(answer),
        );
      },
    }),
    result,
  );
  const answer = await get('/api/v1/waste/config');
  if (answer.ok) show(answer.body);
  else {
    const summary = h('div', { class: 'error-summary', role: 'alert' });
    showErrors(h('form'), summary, answer);
    replace(current, summary);
  }
}

function renderDashboard(view) {
  const stats = h('div', { dataset: { testid: 'dashboard-stats' } });
  const anomalies = h('div', { dataset: { testid: 'dashboard-anomalies' } });
  const search = (query) => {
    const scope = query.scope ?? 'CITY';
    void showDailyStats(stats, dailyPath({ ...query, scope }), query);
    void showAnomalies(anomalies, {
      from: query.from,
      to: query.to,
      districtCode: scope === 'DISTRICT' ? query.districtCode : undefined,
      stationId: scope === 'STATION' ? query.stationId : undefined,
    });
  };
  const initial = { scope: 'CITY', from: cityDay(-6), to: cityDay() };
  replace(
    view,
    h('h1', {}, t('wasteDashboard')),
    filterForm({
      testid: 'dashboard-filters',
      submitLabel: t('show'),
      fields: [
        {
          name: 'scope',
          label: t('scope'),
          type: 'select',
          required: true,
          value: 'CITY',
          options: [
            ['CITY', t('scopeCity')],
            ['DISTRICT', t('scopeDistrict')],
            ['STATION', t('scopeStation')],
          ],
        },
        { name: 'districtCode', label: t('districtCode'), placeholder: '440103' },
        { name: 'stationId', label: t('stationId'), placeholder: 'LW-ST-001' },
        { name: 'from', label: t('from'), type: 'date', value: initial.from },
        { name: 'to', label: t('to'), type: 'date', value: initial.to },
      ],
      onSearch: search,
    }),
    stats,
    h('h2', {}, t('wasteAnomalies')),
    anomalies,
  );
  search(initial);
}

function renderAnomalies(view) {
  const list = h('div');
  const initial = { from: cityDay(-29), to: cityDay() };
  replace(
    view,
    h('h1', {}, t('wasteAnomalies')),
    filterForm({
      testid: 'anomaly-filters',
      fields: [
        { name: 'kind', label: t('kind'), type: 'select', options: options(ANOMALY_KINDS, 'anomaly') },
        { name: 'stationId', label: t('stationId') },
        { name: 'districtCode', label: t('districtCode') },
        { name: 'from', label: t('from'), type: 'date', value: initial.from },
        { name: 'to', label: t('to'), type: 'date', value: initial.to },
      ],
      onSearch: (query) => showAnomalies(list, query),
    }),
    list,
  );
  void showAnomalies(list, initial);
}

export const inspectorSection = {
  id: 'waste-inspector',
  roles: ['urban_inspector'],
  title: 'wasteInspector',
  routes: [
    { path: '/waste/dashboard', title: 'wasteDashboard', nav: true, render: renderDashboard },
    { path: '/waste/anomalies', title: 'wasteAnomalies', nav: true, render: renderAnomalies },
    { path: '/waste/sites', title: 'wasteSites', nav: true, render: renderSites },
    { path: '/waste/batches', title: 'wasteBatches', nav: true, render: renderBatches },
    { path: '/waste/labels', title: 'wasteLabels', nav: true, render: renderLabels },
    { path: '/waste/tolerance', title: 'wasteTolerance', nav: true, render: renderTolerance },
    ...fleetRoutes,
  ],
};
