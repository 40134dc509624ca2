// The registry clerk's reading pages: a unit (from the ledger, with each act's transaction and block
// from the index), a transaction's ledger proof, search over the index, and the printable
// certificate exactly as the citizen page verifies it.

import { get, post } from './console-api.js';
import { dateTime, facts, h, replace, table } from './console-dom.js';
import { liveRegion, filterForm } from './console-filters.js';
import { showErrors } from './console-forms.js';
import { pagedList } from './console-list.js';
import { REGISTRATION_TYPES } from './console-registry-fields.js';
import { t } from './console-text.js';

const enc = encodeURIComponent;

/** A link to the unit page: a button beside a result, a plain link inside a table. */
export function unitLink(unitNumber, label) {
  return h(
    'a',
    {
      href: `#/registry/units/${enc(unitNumber)}`,
      class: label === undefined ? 'mono' : 'button secondary',
      dataset: { testid: 'unit-link' },
    },
    label ?? unitNumber,
  );
}

function printLink(certificateNumber) {
  return h(
    'a',
    {
      href: `#/registry/certificates/${enc(certificateNumber)}/print`,
      dataset: { testid: 'print-link' },
    },
    certificateNumber,
  );
}

function proofLink(txId) {
  return h('a', { href: `#/registry/tx/${enc(txId)}`, dataset: { testid: 'proof-link' } }, txId.slice(0, 12));
}

function failure(view, answer) {
  const summary = h('div', { class: 'error-summary', role: 'alert', dataset: { testid: 'page-error' } });
  showErrors(h('form'), summary, answer);
  replace(view, summary);
}

const holderText = (holders) =>
  Array.isArray(holders) && holders.length > 0
    ? holders.map((holder) => `${holder.maskedName}${holder.share ? ` (${holder.share})` : ''}`).join('、')
    : null;

/**
 * The property particulars, when the record carries them (records before them have none): a unit's
 * `property`, or those of a certificate's details.
 */
function particulars(property) {
  if (property === null || typeof property !== 'object' || property.location === undefined) return [];
  return [
    [t('re.location'), property.location],
    [t('re.areaM2'), property.areaM2 === undefined ? null : `${property.areaM2} m²`],
    [t('re.usage'), property.usage],
  ];
}

function encumbrances(unit) {
  const rows = [];
  if (unit.mortgage)
    rows.push([
      t('re.enc.mortgage'),
      [
        unit.mortgage.mortgageeName,
        unit.mortgage.certificateNumber,
        unit.mortgage.term ? `${unit.mortgage.term.from} – ${unit.mortgage.term.to}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  if (unit.seizure) rows.push([t('re.enc.seizure'), unit.seizure.court]);
  if (unit.objection)
    rows.push([
      t('re.enc.objection'),
      `${unit.objection.certificateNumber} · ${holderText(unit.objection.holders) ?? ''}`,
    ]);
  if (unit.advanceNotice)
    rows.push([
      t('re.enc.advanceNotice'),
      `${unit.advanceNotice.certificateNumber} · ${holderText(unit.advanceNotice.holders) ?? ''}`,
    ]);
  return rows.length === 0
    ? h('p', { class: 'muted', dataset: { testid: 'no-encumbrances' } }, t('re.noEncumbrances'))
    : facts(rows, 'encumbrances');
}

export async function renderUnit(view, { unitNumber }) {
  const [unit, history, acts] = await Promise.all([
    get(`/api/v1/real-estate/units/${enc(unitNumber)}`),
    get(`/api/v1/real-estate/units/${enc(unitNumber)}/history`),
    get('/api/v1/real-estate/acts', { unitNumber, pageSize: 100 }),
  ]);
  if (!unit.ok) return failure(view, unit);
  const record = unit.body;
  // the ledger's history has the transaction; the index adds the block it was committed in
  const blocks = new Map(
    (acts.ok ? acts.body.items : []).map((act) => [act.registrationId, act.blockNumber]),
  );
  const registrations = history.ok ? history.body.registrations : [];
  // an act the index has not projected yet: its block from the ledger itself
  const unindexed = registrations.filter((row) => !blocks.has(row.registrationId)).slice(-20);
  await Promise.all(
    unindexed.map(async (row) => {
      const tx = await get(`/api/v1/ledger/transactions/${enc(row.txId)}`);
      if (tx.ok) blocks.set(row.registrationId, tx.body.blockNumber);
    }),
  );
  const current = record.titleCertificate;
  replace(
    view,
    h(
      'h1',
      {},
      t('re.unit'),
      ' ',
      h('span', { class: 'mono', dataset: { testid: 'unit-number' } }, record.unitNumber),
    ),
    facts(
      [
        [
          t('re.unitStatus'),
          h('span', { class: 'badge', dataset: { testid: 'unit-status' } }, record.status),
        ],
        [
          t('re.currentCertificate'),
          current
            ? h(
                'span',
                {},
                printLink(current),
                ' · ',
                h(
                  'a',
                  { href: `/verify?certificate=${enc(current)}`, target: '_blank', rel: 'noopener' },
                  t('re.citizenPage'),
                ),
              )
            : null,
        ],
        [
          t('re.holders'),
          h('span', { dataset: { testid: 'unit-holders' } }, holderText(record.holders) ?? '—'),
        ],
        [t('re.firstRegisteredAt'), dateTime(record.firstRegisteredAt)],
        [t('re.updatedAt'), dateTime(record.updatedAt)],
        ...particulars(record.property),
      ],
      'unit-facts',
    ),
    h('h2', {}, t('re.encumbrances')),
    encumbrances(record),
    h('h2', {}, t('re.history')),
    history.ok
      ? table(
          [
            { label: '#', value: (row) => row.sequence },
            { label: t('re.registrationType'), value: (row) => `${t(`re.type.${row.type}`)} (${row.type})` },
            { label: t('re.registeredAt'), value: (row) => dateTime(row.registeredAt) },
            {
              label: t('re.certificateNumber'),
              value: (row) => (row.certificateNumber ? printLink(row.certificateNumber) : '—'),
            },
            { label: t('re.holders'), value: (row) => holderText(row.holders) },
            { label: t('re.tx'), value: (row) => proofLink(row.txId) },
            { label: t('re.block'), value: (row) => blocks.get(row.registrationId) ?? '—' },
          ],
          registrations,
          'unit-history',
        )
      : h('p', { class: 'muted' }, t('failed')),
  );
}

export async function renderTransaction(view, { txId }) {
  const answer = await get(`/api/v1/ledger/transactions/${enc(txId)}`);
  if (!answer.ok) return failure(view, answer);
  const tx = answer.body;
  replace(
    view,
    h('h1', {}, t('re.proof')),
    h('p', { class: 'muted' }, t('re.proofIntro')),
    facts(
      [
        [t('re.tx'), h('span', { class: 'mono', dataset: { testid: 'proof-tx' } }, tx.txId)],
        [t('re.block'), h('span', { dataset: { testid: 'proof-block' } }, String(tx.blockNumber))],
        [
          t('re.validation'),
          h('span', { class: 'badge', dataset: { testid: 'proof-validation' } }, tx.validationCode),
        ],
        [t('re.time'), dateTime(tx.timestamp)],
        [t('re.creator'), `${tx.creatorMspId}${tx.creator?.role ? ` · ${tx.creator.role}` : ''}`],
        [t('re.endorsers'), (tx.endorsers ?? []).join(', ')],
      ],
      'proof',
    ),
    h(
      'p',
      {},
      h('button', { type: 'button', class: 'secondary', onclick: () => window.history.back() }, t('re.back')),
    ),
  );
}

const ACT_COLUMNS = () => [
  { label: t('re.registeredAt'), value: (row) => dateTime(row.registeredAt) },
  { label: t('re.registrationType'), value: (row) => t(`re.type.${row.type}`) },
  { label: t('re.unitNumber'), value: (row) => unitLink(row.unitNumber) },
  {
    label: t('re.certificateNumber'),
    value: (row) => (row.certificateNumber ? printLink(row.certificateNumber) : '—'),
  },
  { label: t('re.clerk'), value: (row) => row.clerkName },
  { label: t('re.tx'), value: (row) => proofLink(row.txId) },
  { label: t('re.block'), value: (row) => row.blockNumber },
];

const CERTIFICATE_COLUMNS = () => [
  { label: t('re.certificateNumber'), value: (row) => printLink(row.certificateNumber) },
  { label: t('re.kind'), value: (row) => t(`re.kind.${row.kind}`) },
  { label: t('re.certificateStatus'), value: (row) => h('span', { class: 'badge' }, row.status) },
  { label: t('re.unitNumber'), value: (row) => unitLink(row.unitNumber) },
  { label: t('re.issuedAt'), value: (row) => dateTime(row.issuedAt) },
];

export function renderSearch(view, params) {
  const acts = liveRegion('acts-results');
  const certificates = liveRegion('certificates-results');
  const holderResults = liveRegion('holder-results');
  const holderForm = h(
    'form',
    { class: 'form filters', role: 'search', dataset: { testid: 'holder-search' } },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'holder-id' }, t('re.idNumber')),
      h('input', {
        id: 'holder-id',
        name: 'idNumber',
        autocomplete: 'off',
        maxlength: 18,
        dataset: { testid: 'holder-search-idNumber' },
      }),
      h('p', { class: 'field-error', id: 'e-idNumber' }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('search'))),
  );
  holderForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const idNumber = holderForm.elements.namedItem('idNumber').value.trim();
    // a POST, so the ID number stays out of URLs and logs
    const answer = await post('/api/v1/real-estate/holder-units/search', { idNumber });
    const summary = h('div', { class: 'error-summary', role: 'alert', hidden: true });
    if (!answer.ok) {
      showErrors(holderForm, summary, answer);
      return replace(holderResults, summary);
    }
    showErrors(holderForm, summary, null);
    replace(
      holderResults,
      answer.body.units.length === 0
        ? h('p', { class: 'muted' }, t('noRows'))
        : table(
            [
              { label: t('re.unitNumber'), value: (row) => unitLink(row.unitNumber) },
              { label: t('re.unitStatus'), value: (row) => row.status },
              { label: t('re.currentCertificate'), value: (row) => row.titleCertificate },
              { label: t('re.enc.mortgage'), value: (row) => (row.mortgaged ? '✓' : '') },
              { label: t('re.enc.seizure'), value: (row) => (row.seized ? '✓' : '') },
            ],
            answer.body.units,
            'holder-units',
          ),
    );
  });
  replace(
    view,
    h('h1', {}, t('re.search')),
    h('h2', {}, t('re.searchActs')),
    filterForm({
      testid: 'acts-search',
      searchNow: params.unitNumber !== undefined,
      fields: [
        { name: 'unitNumber', label: t('re.unitNumber'), value: params.unitNumber },
        { name: 'certificateNumber', label: t('re.certificateNumber') },
        {
          name: 'type',
          label: t('re.registrationType'),
          type: 'select',
          options: REGISTRATION_TYPES.map((type) => [type, t(`re.type.${type}`)]),
        },
        { name: 'from', label: t('re.from'), type: 'date' },
        { name: 'to', label: t('re.to'), type: 'date' },
        { name: 'clerk', label: t('re.clerk') },
      ],
      onSearch: (query) =>
        pagedList(acts, { path: '/api/v1/real-estate/acts', query, columns: ACT_COLUMNS(), testid: 'acts' }),
    }),
    acts,
    h('h2', {}, t('re.searchCertificates')),
    filterForm({
      testid: 'certificates-search',
      fields: [
        { name: 'certificateNumber', label: t('re.certificateNumber') },
        {
          name: 'status',
          label: t('re.certificateStatus'),
          type: 'select',
          options: ['ACTIVE', 'SUPERSEDED', 'CANCELLED'].map((status) => [status, t(`re.status.${status}`)]),
        },
        { name: 'unitNumber', label: t('re.unitNumber') },
      ],
      onSearch: (query) =>
        pagedList(certificates, {
          path: '/api/v1/real-estate/certificates',
          query,
          columns: CERTIFICATE_COLUMNS(),
          testid: 'certificates',
        }),
    }),
    certificates,
    h('h2', {}, t('re.searchHolder')),
    holderForm,
    holderResults,
  );
}

export async function renderCertificatePrint(view, { certificateNumber }) {
  // the public verification answer: the same content and hash the QR code's page checks
  const answer = await get(`/api/v1/verify/certificates/${enc(certificateNumber)}`);
  if (!answer.ok) return failure(view, answer);
  const certificate = answer.body;
  // the property particulars the certificate carries: its record is among the unit's current ones
  const unit = await get(`/api/v1/real-estate/units/${enc(certificate.unitNumber)}`);
  const record = unit.ok
    ? (unit.body.certificates ?? []).find(
        (entry) => entry.content?.certificateNumber === certificate.certificateNumber,
      )
    : undefined;
  const details = record?.content?.details ?? {};
  // the certificate content keeps them flat, as every act detail
  const property = {
    location: details.propertyLocation ?? undefined,
    areaM2: details.propertyAreaM2 ?? undefined,
    usage: details.propertyUsage ?? undefined,
  };
  const qr = `/api/v1/verify/certificates/${enc(certificateNumber)}/qr?format=png`;
  const masked = (certificate.holders ?? []).join('、');
  const holdersSlot = h('span', { dataset: { testid: 'print-holders' } }, masked);
  const fullNotice = h('p', { class: 'no-print', role: 'status', dataset: { testid: 'print-full-status' } });
  // the full names and ID numbers come from the registry's private data, only on the clerk's choice
  const fullChoice = h('input', {
    type: 'checkbox',
    id: 'print-full',
    dataset: { testid: 'print-full' },
    onchange: async (event) => {
      if (!event.target.checked) {
        replace(holdersSlot, masked);
        return replace(fullNotice);
      }
      replace(fullNotice, t('loading'));
      const full = await get(`/api/v1/real-estate/certificates/${enc(certificateNumber)}/print`);
      if (!full.ok) {
        event.target.checked = false;
        return replace(fullNotice, t('re.fullUnavailable', { status: full.status }));
      }
      replace(fullNotice);
      replace(
        holdersSlot,
        full.body.holders.map((holder, index) => [
          index === 0 ? null : h('br'),
          `${holder.name ?? holder.maskedName}（${holder.idNumber ?? '—'}）${holder.share ? ` ${holder.share}` : ''}`,
        ]),
      );
    },
  });
  replace(
    view,
    h(
      'div',
      { class: 'actions no-print' },
      h(
        'button',
        { type: 'button', class: 'primary', dataset: { testid: 'print' }, onclick: () => window.print() },
        t('print'),
      ),
      unitLink(certificate.unitNumber, t('re.openUnit')),
      h('label', { class: 'check', for: 'print-full' }, fullChoice, ' ', t('re.showFullHolders')),
    ),
    fullNotice,
    certificate.status === 'ACTIVE'
      ? null
      : h(
          'p',
          { class: 'error-summary no-print', role: 'alert' },
          t('re.notActive', { status: certificate.status }),
        ),
    h(
      'article',
      { class: 'paper certificate', dataset: { testid: 'certificate-paper' } },
      h('h1', { class: 'certificate-title' }, t(`re.kind.${certificate.kind}`)),
      h(
        'p',
        { class: 'certificate-number', dataset: { testid: 'print-number' } },
        certificate.certificateNumber,
      ),
      h(
        'div',
        { class: 'certificate-body' },
        facts(
          [
            [t('re.unitNumber'), h('span', { class: 'mono' }, certificate.unitNumber)],
            [t('re.registrationType'), t(`re.type.${certificate.registrationType}`)],
            [t('re.holders'), holdersSlot],
            ...particulars(property),
            [t('re.issuedAt'), dateTime(certificate.issuedAt)],
            [t('re.issuer'), certificate.issuer],
          ],
          'print-facts',
        ),
        h(
          'figure',
          { class: 'certificate-qr' },
          h('img', { src: qr, alt: t('re.qrAlt'), width: 160, height: 160, dataset: { testid: 'print-qr' } }),
          h('figcaption', {}, t('re.qrCaption')),
        ),
      ),
      h(
        'p',
        { class: 'certificate-hash' },
        `${t('re.contentHash')}: `,
        h('span', { class: 'mono', dataset: { testid: 'print-hash' } }, certificate.contentHash),
      ),
    ),
  );
}
