// The urban inspector's fleet pages: register and retire trucks, list them, and follow the loads —
// which arrived, which are still on the road, and which never arrived within the ledger's deadline
// (OVERDUE), with who weighed them (a truck's own unit or a person) and any correction.

import { post } from './console-api.js';
import { h, replace, dateTime } from './console-dom.js';
import { committed, jsonForm } from './console-forms.js';
import { pagedList } from './console-list.js';
import { t } from './console-text.js';
import { cityDay, filterForm } from './console-waste-filters.js';
import { options } from './console-waste-text.js';

const LOAD_STATUSES = ['IN_TRANSIT', 'ARRIVED', 'OVERDUE'];
const REGISTRATION_STATUSES = ['ACTIVE', 'RETIRED'];
const kg = (grams) => (grams / 1000).toLocaleString(undefined, { maximumFractionDigits: 3 });

function showVehicles(container, query) {
  return pagedList(container, {
    path: '/api/v1/waste/vehicles',
    query,
    testid: 'vehicles',
    columns: [
      { label: t('vehicleId'), value: (row) => row.vehicleId },
      { label: t('companyUscc'), value: (row) => row.companyUscc },
      { label: t('rfidTag'), value: (row) => row.rfidTag },
      { label: t('capacityKg'), value: (row) => String(row.capacityKg) },
      { label: t('registration'), value: (row) => t(`registration.${row.status}`) },
      { label: t('registeredAt'), value: (row) => dateTime(row.registeredAt) },
    ],
  });
}

function renderVehicles(view) {
  const result = h('div', { dataset: { testid: 'vehicle-result' } });
  const list = h('div');
  const refresh = () => void showVehicles(list, {});
  replace(
    view,
    h('h1', {}, t('wasteVehicles')),
    jsonForm({
      testid: 'vehicle-form',
      fields: [
        { name: 'vehicleId', label: t('vehicleId'), required: true, placeholder: '粤A12345D', maxlength: 16 },
        { name: 'companyUscc', label: t('companyUscc'), required: true, maxlength: 18 },
        { name: 'rfidTag', label: t('rfidTag'), required: true, placeholder: 'E28011606000020A1B2C3D4E' },
        { name: 'capacityKg', label: t('capacityKg'), type: 'number', required: true, min: 1, step: 1 },
      ],
      send: (body, key) => post('/api/v1/waste/vehicles', body, key),
      done: (answer) => {
        replace(
          result,
          h('p', {}, t('vehicleRegistered', { vehicleId: answer.body.vehicleId })),
          committed(answer),
        );
        refresh();
      },
    }),
    jsonForm({
      testid: 'retire-form',
      fields: [{ name: 'vehicleId', label: t('vehicleId'), required: true, maxlength: 16 }],
      submitLabel: t('retireVehicle'),
      send: (body, key) =>
        post(`/api/v1/waste/vehicles/${encodeURIComponent(body.vehicleId ?? '')}/retire`, {}, key),
      done: (answer) => {
        replace(
          result,
          h('p', {}, t('vehicleRetired', { vehicleId: answer.body.vehicleId })),
          committed(answer),
        );
        refresh();
      },
    }),
    result,
    filterForm({
      testid: 'vehicle-filters',
      fields: [
        {
          name: 'status',
          label: t('registration'),
          type: 'select',
          options: options(REGISTRATION_STATUSES, 'registration'),
        },
        { name: 'companyUscc', label: t('companyUscc') },
      ],
      onSearch: (query) => showVehicles(list, query),
    }),
    list,
  );
  refresh();
}

function showLoads(container, query) {
  return pagedList(container, {
    path: '/api/v1/waste/loads',
    query,
    testid: 'loads',
    columns: [
      { label: t('collectedAt'), value: (row) => dateTime(row.collectedAt) },
      { label: t('vehicleId'), value: (row) => row.vehicleId },
      { label: t('siteId'), value: (row) => row.stationId },
      { label: t('hop'), value: (row) => String(row.hop) },
      { label: t('bags'), value: (row) => `${row.arrivedBags} / ${row.bags}` },
      {
        label: t('weightKg'),
        value: (row) =>
          row.correctedWeightGrams === null
            ? kg(row.loadWeightGrams)
            : `${kg(row.correctedWeightGrams)} (${t('corrected')}; ${kg(row.loadWeightGrams)})`,
      },
      { label: t('reportedBy'), value: (row) => t(row.deviceReported ? 'byDevice' : 'byPerson') },
      { label: t('offRoute'), value: (row) => (row.offRoute ? t('yes') : '') },
      { label: t('anomalies'), value: (row) => String(row.anomalies) },
      { label: t('loadStatus'), value: (row) => t(`loadStatus.${row.status}`) },
    ],
  });
}

function renderLoads(view) {
  const list = h('div');
  const initial = { from: cityDay(-6), to: cityDay() };
  replace(
    view,
    h('h1', {}, t('wasteLoads')),
    h('p', { class: 'muted' }, t('loadsHint')),
    filterForm({
      testid: 'load-filters',
      fields: [
        {
          name: 'status',
          label: t('loadStatus'),
          type: 'select',
          options: options(LOAD_STATUSES, 'loadStatus'),
        },
        { name: 'vehicleId', label: t('vehicleId') },
        { name: 'stationId', label: t('siteId') },
        { name: 'from', label: t('from'), type: 'date', value: initial.from },
        { name: 'to', label: t('to'), type: 'date', value: initial.to },
      ],
      onSearch: (query) => showLoads(list, query),
    }),
    list,
  );
  void showLoads(list, initial);
}

export const fleetRoutes = [
  { path: '/waste/vehicles', title: 'wasteVehicles', nav: true, render: renderVehicles },
  { path: '/waste/loads', title: 'wasteLoads', nav: true, render: renderLoads },
];
