// The market clerk's section: open a business-opening case, the case page (console-business-case.js),
// case search and the overdue list, licence search and a licence's status change (注销 / 吊销).

import { get, post } from './console-api.js';
import { dateTime, facts, h, replace } from './console-dom.js';
import { STEPS, renderCase } from './console-business-case.js';
import { filterForm, liveRegion } from './console-filters.js';
import { committed, jsonForm } from './console-forms.js';
import { pagedList } from './console-list.js';
import './console-market-text.js';
import { t } from './console-text.js';

export const ENTITY_TYPES = [
  'LIMITED_LIABILITY_COMPANY',
  'JOINT_STOCK_COMPANY',
  'SOLE_PROPRIETORSHIP',
  'PARTNERSHIP',
  'INDIVIDUAL_BUSINESS',
  'FARMERS_COOPERATIVE',
  'BRANCH',
];

const caseLink = (caseId) =>
  h(
    'a',
    { href: `#/business/cases/${encodeURIComponent(caseId)}`, dataset: { testid: 'case-link' } },
    caseId,
  );

function renderOpenCase(view) {
  const result = liveRegion('result');
  replace(
    view,
    h('h1', {}, t('mk.open')),
    jsonForm({
      testid: 'case-form',
      submitLabel: t('mk.openSubmit'),
      fields: [
        { name: 'uscc', label: t('mk.uscc'), required: true, maxlength: 18 },
        { name: 'name', label: t('mk.name'), required: true, maxlength: 100 },
        {
          name: 'entityType',
          label: t('mk.entityType'),
          type: 'select',
          required: true,
          options: ENTITY_TYPES.map((type) => [type, t(`mk.entity.${type}`)]),
        },
        {
          name: 'legalRepresentative.name',
          label: t('mk.legalRepresentative'),
          required: true,
          maxlength: 64,
        },
        { name: 'legalRepresentative.idNumber', label: t('re.idNumber'), required: true, maxlength: 18 },
        {
          name: 'registeredCapitalCny',
          label: t('mk.registeredCapitalCny'),
          type: 'number',
          step: '0.01',
          min: '0',
          required: true,
        },
        { name: 'address', label: t('mk.address'), required: true, maxlength: 200 },
        { name: 'businessScope', label: t('mk.businessScope'), type: 'textarea', required: true },
      ],
      send: (body, key) => post('/api/v1/business/cases', body, key),
      done: (answer) =>
        replace(
          result,
          h(
            'section',
            { class: 'result', dataset: { testid: 'case-result' } },
            committed(answer),
            facts(
              [
                [t('mk.caseId'), caseLink(answer.body.caseId)],
                [t('mk.uscc'), answer.body.uscc],
              ],
              'case-result-facts',
            ),
          ),
        ),
    }),
    result,
  );
}

const CASE_COLUMNS = () => [
  { label: t('mk.caseId'), value: (row) => caseLink(row.caseId) },
  { label: t('mk.name'), value: (row) => row.name },
  { label: t('mk.uscc'), value: (row) => row.uscc },
  { label: t('mk.caseStatus'), value: (row) => t(`mk.caseStatus.${row.status}`) },
  { label: t('mk.stepsDone'), value: (row) => `${row.stepsDone} / 6` },
  { label: t('mk.openedAt'), value: (row) => dateTime(row.openedAt) },
  { label: t('mk.deadline'), value: (row) => dateTime(row.targetDeadline) },
  {
    label: t('mk.target'),
    value: (row) =>
      h(
        'span',
        { class: `badge ${row.overdue || row.overTarget ? 'late' : 'ok'}` },
        row.overdue ? t('mk.overdue') : row.overTarget ? t('mk.overTarget') : t('mk.withinTarget'),
      ),
  },
];

function renderCases(view, params) {
  const results = liveRegion('cases-results');
  const yesNo = [
    ['true', t('mk.yes')],
    ['false', t('mk.no')],
  ];
  replace(
    view,
    h('h1', {}, t('mk.cases')),
    filterForm({
      testid: 'cases-search',
      searchNow: true,
      fields: [
        {
          name: 'status',
          label: t('mk.caseStatus'),
          type: 'select',
          value: params.status,
          options: ['OPEN', 'COMPLETED'].map((status) => [status, t(`mk.caseStatus.${status}`)]),
        },
        {
          name: 'step',
          label: t('mk.pendingStep'),
          type: 'select',
          options: STEPS.map((step) => [step, t(`mk.step.${step}`)]),
        },
        { name: 'overTarget', label: t('mk.overTarget'), type: 'select', options: yesNo },
        { name: 'overdue', label: t('mk.overdue'), type: 'select', options: yesNo },
        { name: 'from', label: t('re.from'), type: 'date' },
        { name: 'to', label: t('re.to'), type: 'date' },
      ],
      onSearch: (query) =>
        pagedList(results, {
          path: '/api/v1/business/cases',
          query,
          columns: CASE_COLUMNS(),
          testid: 'cases',
        }),
    }),
    results,
  );
}

function renderOverdue(view) {
  const results = liveRegion('overdue-results');
  replace(view, h('h1', {}, t('mk.overdueList')), h('p', { class: 'muted' }, t('mk.overdueIntro')), results);
  void pagedList(results, {
    path: '/api/v1/business/cases',
    query: { overdue: 'true' },
    columns: CASE_COLUMNS(),
    testid: 'overdue',
  });
}

function renderLicenses(view, params) {
  const results = liveRegion('licenses-results');
  replace(
    view,
    h('h1', {}, t('mk.licenses')),
    filterForm({
      testid: 'licenses-search',
      searchNow: true,
      fields: [
        { name: 'uscc', label: t('mk.uscc'), value: params.uscc },
        { name: 'name', label: t('mk.name') },
        {
          name: 'status',
          label: t('mk.licenseStatus'),
          type: 'select',
          options: ['ACTIVE', 'CANCELLED', 'REVOKED'].map((status) => [status, t(`mk.license.${status}`)]),
        },
      ],
      onSearch: (query) =>
        pagedList(results, {
          path: '/api/v1/business/licenses',
          query,
          testid: 'licenses',
          columns: [
            {
              label: t('mk.uscc'),
              value: (row) =>
                h('a', { href: `#/business/licenses/${encodeURIComponent(row.uscc)}` }, row.uscc),
            },
            { label: t('mk.name'), value: (row) => row.name },
            {
              label: t('mk.licenseStatus'),
              value: (row) => h('span', { class: 'badge' }, t(`mk.license.${row.status}`)),
            },
            { label: t('mk.establishedAt'), value: (row) => dateTime(row.establishedAt) },
            { label: t('mk.statusChangedAt'), value: (row) => dateTime(row.statusChangedAt) },
            { label: t('mk.reason'), value: (row) => row.statusReason },
            { label: t('mk.caseId'), value: (row) => caseLink(row.caseId) },
          ],
        }),
    }),
    results,
  );
}

async function renderLicense(view, { uscc }) {
  const answer = await get('/api/v1/business/licenses', { uscc });
  const licence = answer.ok ? answer.body.items[0] : undefined;
  const result = liveRegion('result');
  replace(
    view,
    h('h1', {}, t('mk.license'), ' ', h('span', { class: 'mono' }, uscc)),
    licence === undefined
      ? h('p', { class: 'muted' }, t('mk.licenseNotIndexed'))
      : facts(
          [
            [t('mk.name'), licence.name],
            [
              t('mk.licenseStatus'),
              h(
                'span',
                { class: 'badge', dataset: { testid: 'license-status' } },
                t(`mk.license.${licence.status}`),
              ),
            ],
            [t('mk.establishedAt'), dateTime(licence.establishedAt)],
            [t('mk.statusChangedAt'), dateTime(licence.statusChangedAt)],
            [t('mk.reason'), licence.statusReason],
            [t('mk.caseId'), caseLink(licence.caseId)],
          ],
          'license-facts',
        ),
    h('h2', {}, t('mk.changeLicense')),
    h('p', { class: 'muted' }, t('mk.changeLicenseIntro')),
    jsonForm({
      testid: 'license-form',
      submitLabel: t('mk.changeLicenseSubmit'),
      fields: [
        {
          name: 'status',
          label: t('mk.newStatus'),
          type: 'select',
          required: true,
          options: ['CANCELLED', 'REVOKED'].map((status) => [status, t(`mk.license.${status}`)]),
        },
        { name: 'reason', label: t('mk.reason'), type: 'textarea', required: true, maxlength: 500 },
      ],
      send: (body, key) => post(`/api/v1/business/licenses/${encodeURIComponent(uscc)}/status`, body, key),
      done: (done) =>
        replace(
          result,
          h(
            'section',
            { class: 'result', dataset: { testid: 'license-result' } },
            committed(done),
            facts([
              [
                t('mk.licenseStatus'),
                h('span', { dataset: { testid: 'license-new-status' } }, t(`mk.license.${done.body.status}`)),
              ],
              [t('mk.statusChangedAt'), dateTime(done.body.changedAt)],
            ]),
          ),
        ),
    }),
    result,
  );
}

export const marketSection = {
  id: 'business',
  roles: ['market_clerk'],
  title: 'mk.section',
  routes: [
    { path: '/business/cases/new', title: 'mk.open', nav: true, render: renderOpenCase },
    { path: '/business/cases', title: 'mk.cases', nav: true, render: renderCases },
    { path: '/business/overdue', title: 'mk.overdueList', nav: true, render: renderOverdue },
    { path: '/business/licenses', title: 'mk.licenses', nav: true, render: renderLicenses },
    { path: '/business/cases/:caseId', title: 'mk.case', render: renderCase },
    { path: '/business/licenses/:uscc', title: 'mk.license', render: renderLicense },
  ],
};
