// Building the page from data without ever parsing markup: text goes in as textContent, so nothing a
// record contains (a name, a remark) can become HTML or script.

/**
 * h('button', { class: 'primary', onclick: fn, dataset: { testid: 'x' } }, 'text', child…)
 * Props starting with `on` are listeners; `dataset` fills data-*; null/false props are left out.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Empties an element and fills it with children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A definition list from [label, value] pairs; empty values show as —. */
export function facts(pairs, testid) {
  return h(
    'dl',
    { class: 'facts', dataset: testid === undefined ? {} : { testid } },
    pairs.map(([label, value]) => [
      h('dt', {}, label),
      h('dd', {}, value === null || value === undefined || value === '' ? '—' : value),
    ]),
  );
}

/** A table from column specs `{ label, value(row) }` (value may return a Node). */
export function table(columns, rows, testid) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { dataset: testid === undefined ? {} : { testid } },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) => h('th', { scope: 'col' }, column.label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            columns.map((column) => h('td', {}, column.value(row) ?? '—')),
          ),
        ),
      ),
    ),
  );
}

/** ISO time in the viewer's locale, Beijing time (the city's). */
export function dateTime(iso) {
  if (typeof iso !== 'string' || iso === '') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(document.documentElement.lang || 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
  });
}
