// The hauler's collection form and the facility operator's delivery form. Both name one vehicle and
// site for many bags; the ledger answers per bag, so the page lists the bags it did not record and
// the anomalies it flagged next to the count it did.

import { post } from './console-api.js';
import { h, replace, table } from './console-dom.js';
import { committed, jsonForm } from './console-forms.js';
import { t } from './console-text.js';
import { options, OUTCOMES } from './console-waste-text.js';

/** The barcodes textarea as the API's array: one a line, blanks ignored. */
const barcodeList = (text) => (text ?? '').split(/\s+/).filter((code) => code !== '');

/** A datetime-local value for now, in this browser's time (the form turns it into ISO). */
function nowLocal() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function batchResult(answer) {
  const { accepted, duplicates, rejected, anomalies } = answer.body;
  const refusals = [
    ...rejected.map((r) => ({ barcode: r.barcode, code: r.code, message: r.message })),
    ...duplicates.map((barcode) => ({ barcode, code: 'DUPLICATE', message: t('duplicateItem') })),
  ];
  return [
    h('p', { dataset: { testid: 'items-done' } }, t('itemsDone', { count: accepted })),
    committed(answer),
    refusals.length === 0
      ? null
      : [
          h('h2', {}, t('refusals')),
          table(
            [
              { label: t('barcode'), value: (row) => row.barcode },
              { label: t('code'), value: (row) => row.code },
              { label: t('reason'), value: (row) => row.message },
            ],
            refusals,
            'refusals',
          ),
        ],
    (anomalies ?? []).length === 0
      ? null
      : [
          h('h2', {}, t('anomalies')),
          h(
            'ul',
            { dataset: { testid: 'anomalies' } },
            anomalies.map((a) => h('li', {}, `${t(`anomaly.${a.type}`)}: ${a.message}`)),
          ),
        ],
  ];
}

function renderCollection(view) {
  const result = h('div', { dataset: { testid: 'collection-result' } });
  replace(
    view,
    h('h1', {}, t('wasteCollection')),
    jsonForm({
      testid: 'collection-form',
      fields: [
        { name: 'vehicleId', label: t('vehicleId'), required: true, placeholder: '粤A12345', maxlength: 16 },
        { name: 'stationId', label: t('stationId'), required: true, placeholder: 'LW-ST-001' },
        { name: 'barcodes', label: t('barcodes'), type: 'textarea', required: true, rows: 6 },
        {
          name: 'loadWeightGrams',
          label: t('loadWeightGrams'),
          type: 'number',
          required: true,
          min: 0,
          step: 1,
        },
        { name: 'collectedAt', label: t('collectedAt'), type: 'datetime', required: true, value: nowLocal() },
      ],
      transform: (body) => ({ ...body, barcodes: barcodeList(body.barcodes) }),
      send: (body, key) => post('/api/v1/waste/collections', body, key),
      done: (answer) => replace(result, batchResult(answer)),
    }),
    result,
  );
}

function renderDelivery(view) {
  const result = h('div', { dataset: { testid: 'delivery-result' } });
  replace(
    view,
    h('h1', {}, t('wasteDelivery')),
    jsonForm({
      testid: 'delivery-form',
      fields: [
        { name: 'facilityId', label: t('facilityId'), required: true, placeholder: 'LW-FA-001' },
        { name: 'vehicleId', label: t('vehicleId'), required: true, placeholder: '粤A12345', maxlength: 16 },
        { name: 'barcodes', label: t('barcodes'), type: 'textarea', required: true, rows: 6 },
        {
          name: 'receivedWeightGrams',
          label: t('receivedWeightGrams'),
          type: 'number',
          required: true,
          min: 0,
          step: 1,
        },
        {
          // left empty at a transfer station, where the bags arrive and go on: no outcome yet
          name: 'outcome',
          label: t('outcome'),
          type: 'select',
          options: [['', t('outcomeNone')], ...options(OUTCOMES, 'outcome')],
          value: 'INCINERATED',
        },
        { name: 'recoveredWeightGrams', label: t('recoveredWeightGrams'), type: 'number', min: 0, step: 1 },
        { name: 'receivedAt', label: t('receivedAt'), type: 'datetime', required: true, value: nowLocal() },
      ],
      transform: (body) => ({ ...body, barcodes: barcodeList(body.barcodes) }),
      send: (body, key) => post('/api/v1/waste/deliveries', body, key),
      done: (answer) => replace(result, batchResult(answer)),
    }),
    result,
  );
}

export const haulerSection = {
  id: 'waste-hauler',
  roles: ['hauler'],
  title: 'wasteHauler',
  routes: [{ path: '/waste/collection', title: 'wasteCollection', nav: true, render: renderCollection }],
};

export const facilitySection = {
  id: 'waste-facility',
  roles: ['facility_operator'],
  title: 'wasteFacility',
  routes: [{ path: '/waste/delivery', title: 'wasteDelivery', nav: true, render: renderDelivery }],
};
