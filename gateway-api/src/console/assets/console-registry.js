// The registry clerk's section: the registration form (type first, then only the fields that type
// takes), the unit page, search, a ledger transaction's proof and the printable certificate (the
// pages live in console-registry-pages.js, the words in console-registry-text.js).

import { post } from './console-api.js';
import { facts, h, replace } from './console-dom.js';
import { committed, jsonForm } from './console-forms.js';
import { REGISTRATION_TYPES, USAGES, fieldsOfType } from './console-registry-fields.js';
import {
  renderCertificatePrint,
  renderSearch,
  renderTransaction,
  renderUnit,
  unitLink,
} from './console-registry-pages.js';
import './console-registry-text.js';
import { t } from './console-text.js';

const need = (state) => state === 'required';

/** The jsonForm fields of one registration type. */
function formFields(type) {
  const shape = fieldsOfType(type);
  const { groups } = shape;
  const fields = [
    {
      name: 'unitNumber',
      label: t('re.unitNumber'),
      required: true,
      maxlength: 28,
      hint: t('re.unitNumberHint'),
    },
  ];
  if (shape.certificate !== 'none') {
    fields.push({
      name: 'certificateNumber',
      label: t('re.certificateNumber'),
      required: need(shape.certificate),
      placeholder: '粤(2026)广州市不动产权第09400110号',
    });
  }
  if (shape.holders !== 'none') {
    fields.push({
      name: 'holders',
      type: 'list',
      label: t('re.holder'),
      minRows: need(shape.holders) ? 1 : 0,
      items: [
        { name: 'name', label: t('re.holderName'), required: true, maxlength: 64 },
        { name: 'idNumber', label: t('re.idNumber'), required: true, maxlength: 18 },
        { name: 'share', label: t('re.share'), placeholder: '1/1', maxlength: 9 },
      ],
    });
  }
  if (groups.property !== undefined) {
    fields.push(
      { name: 'property.location', label: t('re.location'), maxlength: 200 },
      { name: 'property.areaM2', label: t('re.areaM2'), type: 'number', step: '0.01', min: '0.01' },
      {
        name: 'property.usage',
        label: t('re.usage'),
        type: 'select',
        options: USAGES.map((usage) => [usage, usage]),
      },
    );
  }
  if (groups.mortgage !== undefined) {
    fields.push(
      { name: 'mortgage.mortgagee', label: t('re.mortgagee'), required: true, maxlength: 64 },
      { name: 'mortgage.mortgageeUscc', label: t('re.mortgageeUscc'), required: true, maxlength: 18 },
      {
        name: 'mortgage.amountCny',
        label: t('re.amountCny'),
        type: 'number',
        step: '0.01',
        min: '0.01',
        required: true,
      },
      { name: 'mortgage.term.from', label: t('re.termFrom'), type: 'date' },
      { name: 'mortgage.term.to', label: t('re.termTo'), type: 'date' },
    );
  }
  if (groups.deedTaxClearanceNumber !== undefined) {
    fields.push({
      name: 'deedTaxClearanceNumber',
      label: t('re.deedTaxClearanceNumber'),
      required: true,
      maxlength: 40,
      hint: t('re.deedTaxClearanceHint'),
    });
  }
  if (groups.mortgageeConsentReference !== undefined) {
    fields.push({
      name: 'mortgageeConsentReference',
      label: t('re.mortgageeConsentReference'),
      maxlength: 64,
      hint: t('re.mortgageeConsentHint'),
    });
  }
  if (groups.court !== undefined) {
    fields.push({ name: 'court', label: t('re.court'), required: true, maxlength: 64 });
  }
  if (groups.courtOrder !== undefined) {
    fields.push({
      name: 'courtOrder',
      label: t('re.courtOrder'),
      required: true,
      maxlength: 64,
      placeholder: '(2026)粤0104执123号',
    });
  }
  if (groups.correctionBasis !== undefined) {
    fields.push(
      {
        name: 'correctionBasis.kind',
        label: t('re.correctionBasisKind'),
        type: 'select',
        options: [
          ['COURT_DECISION', t('re.basis.COURT_DECISION')],
          ['REGISTRY_ERROR', t('re.basis.REGISTRY_ERROR')],
        ],
        hint: t('re.correctionBasisHint'),
      },
      { name: 'correctionBasis.reference', label: t('re.correctionBasisReference'), maxlength: 64 },
    );
  }
  if (groups.closesObjection !== undefined) {
    fields.push({ name: 'closesObjection', label: t('re.closesObjection'), type: 'checkbox' });
  }
  if (groups.description !== undefined) {
    fields.push({
      name: 'description',
      label: t('re.description'),
      type: 'textarea',
      required: need(groups.description),
      maxlength: 500,
    });
  }
  fields.push({ name: 'remarks', label: t('re.remarks'), type: 'textarea', maxlength: 500 });
  return fields;
}

/** The committed answer of a registration: ids, certificate, the one-time verification code. */
function registrationResult(answer) {
  const body = answer.body;
  const certificate = body.certificateNumber;
  return h(
    'section',
    { class: 'result', dataset: { testid: 'registration-result' } },
    committed(answer),
    facts(
      [
        [t('re.registrationId'), body.registrationId],
        [t('re.unitNumber'), body.unitNumber],
        [t('re.unitStatus'), body.unitStatus],
        [t('re.certificateNumber'), certificate],
        [t('re.contentHash'), body.certificateContentHash],
        [
          t('re.verificationCode'),
          body.verificationCode === undefined
            ? null
            : h('strong', { dataset: { testid: 'verification-code' } }, body.verificationCode),
        ],
      ],
      'registration-facts',
    ),
    body.verificationCode === undefined ? null : h('p', { class: 'hint' }, t('re.verificationCodeOnce')),
    h(
      'p',
      { class: 'actions' },
      unitLink(body.unitNumber, t('re.openUnit')),
      certificate === undefined || certificate === null
        ? null
        : h(
            'a',
            {
              class: 'button secondary',
              href: `#/registry/certificates/${encodeURIComponent(certificate)}/print`,
              dataset: { testid: 'open-print' },
            },
            t('re.printCertificate'),
          ),
    ),
  );
}

function renderRegistrationForm(view, params) {
  const result = h('div', { 'aria-live': 'polite', dataset: { testid: 'result' } });
  const slot = h('div');
  const initial = REGISTRATION_TYPES.includes(params.type) ? params.type : 'FIRST';
  const chooser = h(
    'select',
    { id: 'registration-type', dataset: { testid: 'registration-type' } },
    REGISTRATION_TYPES.map((type) =>
      h('option', { value: type, selected: type === initial }, `${t(`re.type.${type}`)} · ${type}`),
    ),
  );
  const showForm = () => {
    const type = chooser.value;
    replace(result);
    replace(
      slot,
      jsonForm({
        fields: formFields(type),
        testid: 'registration-form',
        submitLabel: t('re.submitRegistration'),
        transform: (body) => ({ type, ...body }),
        send: (body, key) => post('/api/v1/real-estate/registrations', body, key),
        done: (answer) => {
          replace(result, registrationResult(answer));
          result.scrollIntoView({ block: 'nearest' });
        },
      }),
    );
  };
  chooser.addEventListener('change', showForm);
  replace(
    view,
    h('h1', {}, t('re.newRegistration')),
    h(
      'div',
      { class: 'form' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'registration-type' }, t('re.registrationType')),
        chooser,
        h('p', { class: 'hint' }, t('re.typeFirst')),
      ),
    ),
    slot,
    result,
  );
  showForm();
}

export const registrySection = {
  id: 'registry',
  roles: ['registry_clerk'],
  title: 're.section',
  routes: [
    { path: '/registry/new', title: 're.newRegistration', nav: true, render: renderRegistrationForm },
    { path: '/registry/search', title: 're.search', nav: true, render: renderSearch },
    { path: '/registry/units/:unitNumber', title: 're.unit', render: renderUnit },
    { path: '/registry/tx/:txId', title: 're.proof', render: renderTransaction },
    {
      path: '/registry/certificates/:certificateNumber/print',
      title: 're.printCertificate',
      render: renderCertificatePrint,
    },
  ],
};
