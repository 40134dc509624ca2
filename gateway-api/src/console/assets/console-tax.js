// The tax officer's section: record a deed-tax clearance, list the clearances (their own by
// default), and complete the TAX step of a business case.

import { post } from './console-api.js';
import { renderCase } from './console-business-case.js';
import { dateTime, facts, h, replace } from './console-dom.js';
import { filterForm, liveRegion } from './console-filters.js';
import { committed, jsonForm } from './console-forms.js';
import { pagedList } from './console-list.js';
import { registerText, t } from './console-text.js';

/** One ID number per line (or separated by commas), as the API's list. */
function idNumbers(text) {
  return text === undefined
    ? undefined
    : text
        .split(/[\s,，;；]+/)
        .map((id) => id.trim())
        .filter((id) => id !== '');
}

function renderRecordClearance(view) {
  const result = liveRegion('result');
  replace(
    view,
    h('h1', {}, t('tx.record')),
    h('p', { class: 'muted' }, t('tx.recordIntro')),
    jsonForm({
      testid: 'clearance-form',
      submitLabel: t('tx.recordSubmit'),
      fields: [
        { name: 'unitNumber', label: t('re.unitNumber'), required: true, maxlength: 28 },
        {
          name: 'transfereeIdNumbers',
          label: t('tx.transferees'),
          type: 'textarea',
          rows: 2,
          required: true,
          hint: t('tx.transfereesHint'),
        },
        { name: 'receiptNumber', label: t('tx.receiptNumber'), required: true, maxlength: 40 },
        {
          name: 'taxPaidCny',
          label: t('tx.taxPaidCny'),
          type: 'number',
          step: '0.01',
          min: '0.01',
          required: true,
        },
      ],
      transform: (body) => ({ ...body, transfereeIdNumbers: idNumbers(body.transfereeIdNumbers) }),
      send: (body, key) => post('/api/v1/real-estate/deed-tax-clearances', body, key),
      done: (answer) =>
        replace(
          result,
          h(
            'section',
            { class: 'result', dataset: { testid: 'clearance-result' } },
            committed(answer),
            facts(
              [
                [t('tx.receiptNumber'), answer.body.clearanceNumber],
                [t('re.unitNumber'), answer.body.unitNumber],
                [t('tx.titleVersion'), answer.body.titleVersion],
              ],
              'clearance-facts',
            ),
            h('p', {}, h('a', { href: '#/tax/clearances', class: 'button secondary' }, t('tx.list'))),
          ),
        ),
    }),
    result,
  );
}

function renderClearances(view, params) {
  const results = liveRegion('clearances-results');
  replace(
    view,
    h('h1', {}, t('tx.list')),
    filterForm({
      testid: 'clearances-search',
      searchNow: true,
      fields: [
        {
          name: 'mine',
          label: t('tx.whose'),
          type: 'select',
          value: params.mine ?? 'true',
          options: [['true', t('tx.mine')]],
        },
        {
          name: 'used',
          label: t('tx.used'),
          type: 'select',
          options: [
            ['false', t('tx.unused')],
            ['true', t('tx.usedYes')],
          ],
        },
        { name: 'unitNumber', label: t('re.unitNumber'), value: params.unitNumber },
        { name: 'receiptNumber', label: t('tx.receiptNumber') },
        { name: 'from', label: t('re.from'), type: 'date' },
        { name: 'to', label: t('re.to'), type: 'date' },
      ],
      onSearch: (query) =>
        pagedList(results, {
          path: '/api/v1/real-estate/deed-tax-clearances',
          query,
          testid: 'clearances',
          columns: [
            { label: t('tx.receiptNumber'), value: (row) => row.clearanceNumber },
            { label: t('re.unitNumber'), value: (row) => row.unitNumber },
            { label: t('tx.titleVersion'), value: (row) => row.titleVersion },
            { label: t('tx.transfereeCount'), value: (row) => row.transfereeCount },
            { label: t('tx.taxPaidCny'), value: (row) => row.taxPaidCny },
            { label: t('tx.recordedAt'), value: (row) => dateTime(row.recordedAt) },
            { label: t('tx.officer'), value: (row) => row.officerName },
            {
              label: t('tx.used'),
              value: (row) => h('span', { class: 'badge' }, row.used ? t('tx.usedYes') : t('tx.unused')),
            },
          ],
        }),
    }),
    results,
  );
}

/** The cases whose TAX step waits for the tax bureau; each links to the case page's TAX form. */
function renderTaxSteps(view) {
  const results = liveRegion('tax-cases-results');
  replace(
    view,
    h('h1', {}, t('tx.taxSteps')),
    h('p', { class: 'muted' }, t('tx.taxStepsIntro')),
    filterForm({
      testid: 'tax-cases-search',
      searchNow: true,
      fields: [{ name: 'uscc', label: t('mk.uscc') }],
      onSearch: (query) =>
        pagedList(results, {
          path: '/api/v1/business/cases',
          query: { ...query, step: 'TAX' },
          testid: 'tax-cases',
          columns: [
            {
              label: t('mk.caseId'),
              value: (row) =>
                h('a', { href: `#/business/cases/${encodeURIComponent(row.caseId)}` }, row.caseId),
            },
            { label: t('mk.name'), value: (row) => row.name },
            { label: t('mk.uscc'), value: (row) => row.uscc },
            { label: t('mk.openedAt'), value: (row) => dateTime(row.openedAt) },
          ],
        }),
    }),
    results,
  );
}

export const taxSection = {
  id: 'tax',
  roles: ['tax_officer'],
  title: 'tx.section',
  routes: [
    { path: '/tax/clearances/new', title: 'tx.record', nav: true, render: renderRecordClearance },
    { path: '/tax/clearances', title: 'tx.list', nav: true, render: renderClearances },
    { path: '/tax/steps', title: 'tx.taxSteps', nav: true, render: renderTaxSteps },
    { path: '/business/cases/:caseId', title: 'mk.case', render: renderCase },
  ],
};

registerText({
  'zh-CN': {
    'tx.section': '税务',
    'tx.record': '录入契税完税',
    'tx.recordIntro': '录入后，登记机构办理转移登记时引用此完税凭证号。',
    'tx.recordSubmit': '录入',
    'tx.transferees': '受让人身份证号',
    'tx.transfereesHint': '每行一个',
    'tx.receiptNumber': '完税凭证号',
    'tx.taxPaidCny': '已缴契税（元）',
    'tx.titleVersion': '产权代次',
    'tx.list': '完税记录',
    'tx.whose': '录入人',
    'tx.mine': '我录入的',
    'tx.used': '使用情况',
    'tx.unused': '未使用',
    'tx.usedYes': '已用于转移登记',
    'tx.transfereeCount': '受让人数',
    'tx.recordedAt': '录入时间',
    'tx.officer': '专管员',
    'tx.taxSteps': '企业开办 · 税务环节',
    'tx.taxStepsIntro': '税务环节尚未办结的开办案件；打开案件办结税务环节。',
  },
  en: {
    'tx.section': 'Tax',
    'tx.record': 'Record a deed-tax clearance',
    'tx.recordIntro': 'The registry names this receipt number when it registers the transfer.',
    'tx.recordSubmit': 'Record',
    'tx.transferees': "Transferees' ID numbers",
    'tx.transfereesHint': 'One per line',
    'tx.receiptNumber': 'Receipt number',
    'tx.taxPaidCny': 'Deed tax paid (CNY)',
    'tx.titleVersion': 'Title generation',
    'tx.list': 'Clearances',
    'tx.whose': 'Recorded by',
    'tx.mine': 'Me',
    'tx.used': 'Use',
    'tx.unused': 'Not used yet',
    'tx.usedYes': 'Used by a transfer',
    'tx.transfereeCount': 'Transferees',
    'tx.recordedAt': 'Recorded',
    'tx.officer': 'Officer',
    'tx.taxSteps': 'Business opening · TAX step',
    'tx.taxStepsIntro': 'Opening cases whose TAX step is still to do; open one to complete it.',
  },
});
