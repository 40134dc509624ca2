// A one-line form of search filters for the waste lists and dashboards. Unlike a write form it
// sends nothing itself: it hands its non-empty values to `onSearch`, and the list or chart it feeds
// asks the index with them.

import { h } from './console-dom.js';
import { t } from './console-text.js';

/** Today's date in the city (Asia/Shanghai), YYYY-MM-DD, the day the statistics count in. */
export function cityDay(offsetDays = 0) {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function input(field) {
  const common = { name: field.name, id: `q-${field.name}`, dataset: { testid: `filter-${field.name}` } };
  if (field.type === 'select')
    return h(
      'select',
      common,
      field.required === true ? null : h('option', { value: '' }, '—'),
      field.options.map(([value, label]) => h('option', { value, selected: value === field.value }, label)),
    );
  if (field.type === 'textarea')
    return h('textarea', { ...common, rows: field.rows ?? 4 }, field.value ?? '');
  return h('input', {
    ...common,
    type: field.type === 'date' ? 'date' : 'text',
    value: field.value ?? '',
    placeholder: field.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
  });
}

/** fields: [{ name, label, type: text|date|select|textarea, options, value, required, placeholder }] */
export function filterForm({ fields, submitLabel, onSearch, testid }) {
  const form = h(
    'form',
    { class: 'form inline', novalidate: true, dataset: { testid: testid ?? 'filters' } },
    fields.map((field) =>
      h('div', { class: 'field' }, h('label', { for: `q-${field.name}` }, field.label), input(field)),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'submit', class: 'primary', dataset: { testid: 'filter-submit' } },
        submitLabel ?? t('search'),
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {};
    for (const field of fields) {
      const value = form.elements.namedItem(field.name).value.trim();
      if (value !== '') values[field.name] = value;
    }
    onSearch(values);
  });
  return form;
}
