// The station operator's pages: upload a scan file (dropped or picked) as the scanner command sends
// it, with a progress bar and one result per line; and the station's own daily statistics.

import { h, replace, table } from './console-dom.js';
import { showErrors } from './console-forms.js';
import { t } from './console-text.js';
import { dailyPath, showDailyStats } from './console-waste-dashboard.js';
import { cityDay, filterForm } from './console-waste-filters.js';
import { batchesOf, CsvError, parseScanCsv } from './console-waste-scan-csv.js';
import { uploadScans } from './console-waste-upload.js';

// An identity names no station, so the page remembers the one this browser last asked about.
const STATION_KEY = 'govtrace.console.stationId';

function resultTable(lines) {
  return table(
    [
      { label: t('line'), value: (row) => String(row.line) },
      { label: t('barcode'), value: (row) => row.barcode },
      {
        label: t('result'),
        value: (row) =>
          h(
            'span',
            { class: `badge ${row.outcome === 'rejected' ? 'bad' : row.outcome === 'accepted' ? 'ok' : ''}` },
            t(`scan.${row.outcome}`),
          ),
      },
      { label: t('reason'), value: (row) => (row.code === undefined ? '' : `${row.code} ${row.message}`) },
    ],
    lines,
    'upload-lines',
  );
}

async function upload(file, out) {
  const progress = h('progress', {
    class: 'progress',
    max: 1,
    value: 0,
    dataset: { testid: 'upload-progress' },
  });
  const status = h('p', { role: 'status', dataset: { testid: 'upload-status' } });
  const percent = h('span', { dataset: { testid: 'upload-percent' } }, '0 %');
  let rows;
  try {
    rows = parseScanCsv(await file.text());
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return replace(
      out,
      h(
        'div',
        { class: 'error-summary', role: 'alert', dataset: { testid: 'upload-error' } },
        `${file.name}: ${error.message}`,
      ),
    );
  }
  const batches = batchesOf(rows);
  progress.max = Math.max(rows.length, 1);
  replace(
    out,
    h(
      'p',
      { dataset: { testid: 'upload-file' } },
      t('fileRows', { file: file.name, rows: rows.length, batches: batches.length }),
    ),
    h('div', { class: 'upload-progress' }, progress, ' ', percent),
    status,
  );
  const onProgress = (done, total) => {
    progress.value = done;
    replace(percent, `${total === 0 ? 100 : Math.round((done / total) * 100)} %`);
    replace(status, t('progress', { done, total }));
  };
  if (rows.length === 0) onProgress(0, 0);
  try {
    const summary = await uploadScans(batches, onProgress);
    out.append(
      h('p', { class: 'committed', dataset: { testid: 'upload-summary' } }, t('uploadSummary', summary)),
      resultTable(summary.lines),
    );
  } catch (stopped) {
    const box = h('div', { class: 'error-summary', role: 'alert', dataset: { testid: 'upload-error' } });
    showErrors(h('form'), box, stopped.answer);
    out.append(box, resultTable(stopped.summary.lines));
  }
}

function renderUpload(view) {
  const out = h('div', { dataset: { testid: 'upload-result' } });
  const picker = h('input', {
    type: 'file',
    accept: '.csv,text/csv',
    id: 'scan-file',
    dataset: { testid: 'upload-file-input' },
  });
  picker.addEventListener('change', () => {
    if (picker.files.length > 0) void upload(picker.files[0], out);
    picker.value = '';
  });
  const zone = h(
    'div',
    { class: 'drop-zone', dataset: { testid: 'drop-zone' } },
    h(
      'p',
      {},
      t('dropHere'),
      ' ',
      h('label', { for: 'scan-file', class: 'button secondary' }, t('chooseFile')),
    ),
    picker,
    h('p', { class: 'hint' }, t('csvHint')),
  );
  zone.addEventListener('dragover', (event) => {
    // without this the browser would open the dropped file instead of handing it to the page
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const file = event.dataTransfer?.files?.[0];
    if (file !== undefined) void upload(file, out);
  });
  replace(view, h('h1', {}, t('wasteUpload')), zone, out);
}

function renderStationStats(view) {
  const stats = h('div', { dataset: { testid: 'station-stats' } });
  const stationId = globalThis.localStorage?.getItem(STATION_KEY) ?? '';
  const initial = { stationId, from: cityDay(-6), to: cityDay() };
  const search = (query) => {
    if (query.stationId === undefined || query.stationId === '') return replace(stats);
    globalThis.localStorage?.setItem(STATION_KEY, query.stationId);
    void showDailyStats(stats, dailyPath({ scope: 'STATION', stationId: query.stationId }), query);
  };
  replace(
    view,
    h('h1', {}, t('wasteStationStats')),
    filterForm({
      testid: 'station-filters',
      submitLabel: t('show'),
      fields: [
        { name: 'stationId', label: t('stationId'), value: stationId, placeholder: 'LW-ST-001' },
        { name: 'from', label: t('from'), type: 'date', value: initial.from },
        { name: 'to', label: t('to'), type: 'date', value: initial.to },
      ],
      onSearch: search,
    }),
    stats,
  );
  search(initial);
}

export const stationSection = {
  id: 'waste-station',
  roles: ['station_operator'],
  title: 'wasteStation',
  routes: [
    { path: '/waste/upload', title: 'wasteUpload', nav: true, render: renderUpload },
    { path: '/waste/station-stats', title: 'wasteStationStats', nav: true, render: renderStationStats },
  ],
};
