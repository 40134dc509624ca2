// Forms described as data: each field names its place in the request body with a dotted path
// (`property.areaM2`, `holders.0.idNumber` inside a list), so the API's error details — which name
// fields the same way — land beside the field they are about.

import { newIdempotencyKey } from './console-api.js';
import { h, replace } from './console-dom.js';
import { t } from './console-text.js';

/**
 * field: { name, label, type: text|number|date|datetime|select|textarea|checkbox|list|file,
 *          options: [[value, label]], required, hint, step, min, max, maxlength, placeholder,
 *          value (initial), items (list: the fields of one row), minRows }
 */
function inputFor(field, path) {
  const common = {
    name: path,
    id: `f-${path}`,
    required: field.required === true,
    dataset: { testid: `field-${path}` },
    'aria-describedby': `e-${path}`,
  };
  switch (field.type) {
    case 'select':
      return h(
        'select',
        common,
        field.required === true ? null : h('option', { value: '' }, '—'),
        field.options.map(([value, label]) => h('option', { value, selected: value === field.value }, label)),
      );
    case 'textarea':
      return h(
        'textarea',
        { ...common, rows: field.rows ?? 3, maxlength: field.maxlength },
        field.value ?? '',
      );
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', checked: field.value === true });
    default:
      return h('input', {
        ...common,
        type:
          { number: 'number', date: 'date', datetime: 'datetime-local', file: 'file' }[field.type] ?? 'text',
        step: field.step,
        min: field.min,
        max: field.max,
        maxlength: field.maxlength,
        placeholder: field.placeholder,
        accept: field.accept,
        value: field.value ?? '',
        autocomplete: 'off',
        spellcheck: 'false',
      });
  }
}

function fieldRow(field, path) {
  if (field.type === 'list') return listField(field, path);
  const input = inputFor(field, path);
  const label = h(
    'label',
    { for: input.id },
    field.label,
    field.required === true ? h('span', { class: 'req' }, ' *') : null,
  );
  return h(
    'div',
    { class: `field field-${field.type ?? 'text'}`, dataset: { field: path } },
    field.type === 'checkbox' ? [input, label] : [label, input],
    field.hint === undefined ? null : h('p', { class: 'hint' }, field.hint),
    h('p', { class: 'field-error', id: `e-${path}`, dataset: { testid: `error-${path}` } }),
  );
}

function listField(field, path) {
  const rows = h('div', { class: 'list-rows' });
  const addRow = () => {
    const index = rows.children.length;
    const row = h(
      'fieldset',
      { class: 'list-row', dataset: { index: String(index) } },
      h('legend', {}, `${field.label} ${index + 1}`),
      field.items.map((item) => fieldRow(item, `${path}.${index}.${item.name}`)),
      h('button', { type: 'button', class: 'link', onclick: () => removeRow(row) }, t('removeRow')),
    );
    rows.append(row);
  };
  const removeRow = (row) => {
    if (rows.children.length > (field.minRows ?? 0)) row.remove();
  };
  for (let index = 0; index < Math.max(1, field.minRows ?? 1); index += 1) addRow();
  return h(
    'div',
    { class: 'field field-list', dataset: { field: path, list: 'true' } },
    h('p', { class: 'list-label' }, field.label),
    rows,
    h(
      'button',
      { type: 'button', class: 'secondary', dataset: { testid: `add-${path}` }, onclick: addRow },
      t('addRow'),
    ),
    h('p', { class: 'field-error', id: `e-${path}`, dataset: { testid: `error-${path}` } }),
  );
}

function valueOf(field, element) {
  if (field.type === 'checkbox') return element.checked ? true : undefined;
  const raw = element.value.trim();
  if (raw === '') return undefined;
  if (field.type === 'number') return Number(raw);
  if (field.type === 'datetime') return new Date(raw).toISOString();
  return raw;
}

function setPath(target, path, value) {
  const parts = path.split('.');
  let node = target;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (last) {
      node[key] = value;
      return;
    }
    node[key] ??= /^\d+$/.test(parts[index + 1]) ? [] : {};
    node = node[key];
  });
}

/** The request body the form's fields describe; empty fields are left out (the API's defaults). */
export function collect(form, fields, prefix = '') {
  const body = {};
  const visit = (list, base) => {
    for (const field of list) {
      const path = base === '' ? field.name : `${base}.${field.name}`;
      if (field.type === 'list') {
        const rows = form.querySelectorAll(`[data-field="${CSS.escape(path)}"] > .list-rows > .list-row`);
        const values = [];
        rows.forEach((row) => {
          const item = {};
          for (const sub of field.items) {
            const element = row.querySelector(
              `[name="${CSS.escape(`${path}.${row.dataset.index}.${sub.name}`)}"]`,
            );
            const value = element === null ? undefined : valueOf(sub, element);
            if (value !== undefined) item[sub.name] = value;
          }
          if (Object.keys(item).length > 0) values.push(item);
        });
        if (values.length > 0) setPath(body, path, values);
      } else if (field.type !== 'file') {
        const element = form.elements.namedItem(path);
        const value = element === null ? undefined : valueOf(field, element);
        if (value !== undefined) setPath(body, path, value);
      }
    }
  };
  visit(fields, prefix);
  return body;
}

/** Shows an API error: each detail beside its field when the form has it, the rest at the top. */
export function showErrors(form, summary, answer) {
  form.querySelectorAll('.field-error').forEach((element) => replace(element));
  form.querySelectorAll('.invalid').forEach((element) => element.classList.remove('invalid'));
  if (answer === null) {
    replace(summary);
    return;
  }
  const error = answer.body?.error ?? { message: t('failed') };
  const unplaced = [];
  for (const detail of error.details ?? []) {
    const slot =
      detail.field === undefined ? null : form.querySelector(`[id="e-${CSS.escape(detail.field)}"]`);
    if (slot === null)
      unplaced.push(detail.field === undefined ? detail.message : `${detail.field}: ${detail.message}`);
    else {
      slot.append(h('span', {}, detail.message));
      slot.closest('.field')?.classList.add('invalid');
    }
  }
  const message =
    answer.status === 503 ? t('unavailable') : answer.status === 0 ? t('networkError') : error.message;
  replace(
    summary,
    h('p', { class: 'error-title' }, `${t('failed')} (${answer.status || '—'} ${error.code ?? ''})`),
    h('p', {}, message),
    unplaced.length === 0
      ? null
      : h(
          'ul',
          {},
          unplaced.map((text) => h('li', {}, text)),
        ),
  );
  summary.hidden = false;
}

/**
 * A form that submits its fields as JSON with `send(body, idempotencyKey)` → answer, then shows the
 * answer with `done(answer)` or the errors beside the fields. The key stays the same until the
 * form is changed, so resubmitting after a lost answer replays instead of writing twice.
 */
export function jsonForm({ fields, submitLabel, send, done, testid, transform }) {
  const summary = h('div', {
    class: 'error-summary',
    role: 'alert',
    hidden: true,
    dataset: { testid: 'form-errors' },
  });
  const status = h('p', { class: 'form-status', role: 'status', dataset: { testid: 'form-status' } });
  let key = newIdempotencyKey();
  const form = h(
    'form',
    { class: 'form', novalidate: true, dataset: { testid: testid ?? 'form' } },
    summary,
    fields.map((field) => fieldRow(field, field.name)),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'submit', class: 'primary', dataset: { testid: 'submit' } },
        submitLabel ?? t('submit'),
      ),
    ),
    status,
  );
  form.addEventListener('input', () => {
    key = newIdempotencyKey();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    replace(status, t('saving'));
    try {
      const collected = collect(form, fields);
      const body = transform === undefined ? collected : transform(collected);
      const answer = await send(body, key);
      replace(status);
      if (answer.ok) {
        showErrors(form, summary, null);
        summary.hidden = true;
        key = newIdempotencyKey();
        done(answer);
      } else showErrors(form, summary, answer);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The "on the ledger" confirmation of a write's answer. */
export function committed(answer) {
  const { txId, blockNumber } = answer.body ?? {};
  return h(
    'p',
    { class: 'committed', dataset: { testid: 'committed' } },
    txId === undefined
      ? t('committed', { txId: '—', blockNumber: '—' })
      : t('committed', { txId, blockNumber }),
  );
}
