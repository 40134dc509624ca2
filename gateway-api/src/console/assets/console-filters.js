// A search form for an index list: the fields become the list route's query (empty ones left out),
// and the results land in a live region so a screen reader hears them. Reads only, so no CSRF token
// or idempotency key is involved.

import { h } from './console-dom.js';
import { t } from './console-text.js';

/**
 * fields: [{ name, label, type: text|date|select|checkbox, options: [[value, label]], value }];
 * onSearch(query) is called on submit and once at the start when `searchNow` is true.
 */
export function filterForm({ fields, onSearch, testid, searchNow = false }) {
  const form = h(
    'form',
    { class: 'form filters', role: 'search', dataset: { testid } },
    h(
      'div',
      { class: 'filter-row' },
      fields.map((field) => {
        const id = `${testid}-${field.name}`;
        const common = { id, name: field.name, dataset: { testid: `${testid}-${field.name}` } };
        const input =
          field.type === 'select'
            ? h(
                'select',
                common,
                h('option', { value: '' }, '—'),
                field.options.map(([value, label]) =>
                  h('option', { value, selected: value === field.value }, label),
                ),
              )
            : h('input', {
                ...common,
                type: field.type ?? 'text',
                value: field.value ?? '',
                autocomplete: 'off',
              });
        return h('div', { class: 'field' }, h('label', { for: id }, field.label), input);
      }),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', dataset: { testid: `${testid}-submit` } }, t('search')),
    ),
  );
  const query = () => {
    const values = {};
    for (const field of fields) {
      const element = form.elements.namedItem(field.name);
      const value = element.value.trim();
      if (value !== '') values[field.name] = value;
    }
    return values;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSearch(query());
  });
  if (searchNow) void Promise.resolve().then(() => onSearch(query()));
  return form;
}

/** A region whose changes are announced (search results, answers). */
export function liveRegion(testid) {
  return h('div', { 'aria-live': 'polite', dataset: { testid } });
}
