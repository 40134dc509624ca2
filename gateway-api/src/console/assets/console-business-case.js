// One business-opening case from the ledger: its six steps with status, time and who, the elapsed
// working time against the half-working-day target, and a completion form for each pending step
// the signed-in role does (market clerk: all but TAX; tax officer: TAX). Shared by the market
// clerk's and the tax officer's sections.

import { get, post } from './console-api.js';
import { dateTime, facts, h, replace, table } from './console-dom.js';
import { committed, jsonForm } from './console-forms.js';
import { t } from './console-text.js';

export const STEPS = ['LICENSE', 'SEAL', 'TAX', 'SOCIAL_SECURITY', 'HOUSING_FUND', 'BANK_ACCOUNT'];
const STEP_ROLE = (step) => (step === 'TAX' ? 'tax_officer' : 'market_clerk');

/** "3 小时 20 分钟" from milliseconds. */
export function duration(millis) {
  const minutes = Math.max(0, Math.round(millis / 60_000));
  return t('mk.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** The common name of a Fabric `x509::/C=CN/.../CN=name::…` id, or the id. */
function commonName(actor) {
  if (actor === null || typeof actor !== 'object') return null;
  const match = /CN=([^,/:]+)/.exec(actor.id ?? '');
  return `${match === null ? actor.id : match[1]} · ${actor.mspId}`;
}

function stepForm(caseId, step, onDone) {
  return jsonForm({
    testid: `step-form-${step}`,
    submitLabel: t('mk.completeStep', { step: t(`mk.step.${step}`) }),
    fields: [{ name: 'reference', label: t('mk.reference'), required: true, maxlength: 64 }],
    send: (body, key) =>
      post(`/api/v1/business/cases/${encodeURIComponent(caseId)}/steps/${step}`, body, key),
    done: onDone,
  });
}

export async function renderCase(view, { caseId }) {
  const [answer, session] = await Promise.all([
    get(`/api/v1/business/cases/${encodeURIComponent(caseId)}`),
    get('/console/session'),
  ]);
  if (!answer.ok) {
    replace(
      view,
      h(
        'p',
        { class: 'error-summary', role: 'alert', dataset: { testid: 'page-error' } },
        answer.body?.error?.message ?? t('failed'),
      ),
    );
    return;
  }
  const role = session.ok ? session.body.role : null;
  const record = answer.body;
  const notice = h('div', { 'aria-live': 'polite', dataset: { testid: 'step-result' } });
  const reload = (done) => {
    void renderCase(view, { caseId }).then(() => {
      const slot = view.querySelector('[data-testid="step-result"]');
      if (slot !== null) replace(slot, committed(done));
    });
  };
  const pending = record.steps.filter((step) => step.status !== 'DONE' && STEP_ROLE(step.step) === role);
  replace(
    view,
    h(
      'h1',
      {},
      t('mk.case'),
      ' ',
      h('span', { class: 'mono', dataset: { testid: 'case-id' } }, record.caseId),
    ),
    facts(
      [
        [t('mk.name'), record.name],
        [t('mk.uscc'), h('span', { class: 'mono' }, record.uscc)],
        [t('mk.entityType'), t(`mk.entity.${record.entityType}`)],
        [t('mk.legalRepresentative'), record.legalRepresentative],
        [
          t('mk.caseStatus'),
          h(
            'span',
            { class: 'badge', dataset: { testid: 'case-status' } },
            t(`mk.caseStatus.${record.status}`),
          ),
        ],
        [t('mk.licenseStatus'), record.licenseStatus ? t(`mk.license.${record.licenseStatus}`) : null],
        [t('mk.openedAt'), dateTime(record.openedAt)],
        [t('mk.completedAt'), dateTime(record.completedAt)],
        [
          t('mk.elapsed'),
          h(
            'span',
            { dataset: { testid: 'case-elapsed', within: String(record.withinTarget) } },
            `${duration(record.elapsedWorkingMillis)} / ${t('mk.target')} ${duration(record.targetMillis)} · `,
            h(
              'strong',
              { class: record.withinTarget ? 'ok' : 'late' },
              record.withinTarget ? t('mk.withinTarget') : t('mk.overTarget'),
            ),
          ),
        ],
      ],
      'case-facts',
    ),
    h('progress', {
      class: 'progress',
      max: record.steps.length,
      value: record.steps.filter((step) => step.status === 'DONE').length,
      'aria-label': t('mk.progress'),
      dataset: { testid: 'case-progress' },
    }),
    h('h2', {}, t('mk.steps')),
    table(
      [
        { label: t('mk.stepName'), value: (row) => t(`mk.step.${row.step}`) },
        {
          label: t('mk.stepStatus'),
          value: (row) =>
            h(
              'span',
              { class: 'badge', dataset: { testid: `step-status-${row.step}` } },
              t(`mk.stepStatus.${row.status}`),
            ),
        },
        { label: t('mk.completedAt'), value: (row) => dateTime(row.completedAt) },
        { label: t('mk.completedBy'), value: (row) => commonName(row.completedBy) },
        { label: t('mk.reference'), value: (row) => row.reference },
      ],
      record.steps,
      'case-steps',
    ),
    notice,
    pending.length === 0
      ? null
      : [
          h('h2', {}, t('mk.completeSteps')),
          pending.map((step) =>
            h(
              'section',
              { class: 'step-box' },
              h('h3', {}, t(`mk.step.${step.step}`)),
              stepForm(record.caseId, step.step, reload),
            ),
          ),
        ],
    role === 'market_clerk' && record.licenseStatus === 'ACTIVE'
      ? h(
          'p',
          {},
          h(
            'a',
            { class: 'button secondary', href: `#/business/licenses/${encodeURIComponent(record.uscc)}` },
            t('mk.changeLicense'),
          ),
        )
      : null,
  );
}
