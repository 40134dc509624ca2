// A paged list of an index route (`{ items, page, pageSize, total }`) with a CSV link that asks the
// same route for every matching row: the link is an ordinary same-origin GET, so the session cookie
// authenticates the download and the browser saves the file itself.

import { get, withQuery } from './console-api.js';
import { h, replace, table } from './console-dom.js';
import { showErrors } from './console-forms.js';
import { t } from './console-text.js';

/** Renders into `container` page `page` of `path` with `query`; columns: [{ label, value(row) }]. */
export async function pagedList(container, { path, query = {}, columns, testid, pageSize = 20, page = 1 }) {
  replace(container, h('p', { class: 'muted' }, t('loading')));
  const answer = await get(path, { ...query, page, pageSize });
  if (!answer.ok) {
    const summary = h('div', { class: 'error-summary', role: 'alert' });
    showErrors(h('form'), summary, answer);
    replace(container, summary);
    return answer;
  }
  const { items, total } = answer.body;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const go = (next) => () => pagedList(container, { path, query, columns, testid, pageSize, page: next });
  replace(
    container,
    h(
      'div',
      { class: 'list-tools' },
      h(
        'span',
        { class: 'muted', dataset: { testid: `${testid}-count` } },
        t('pageOf', { page, pages, total }),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          disabled: page <= 1,
          onclick: go(page - 1),
          dataset: { testid: `${testid}-previous` },
        },
        t('previous'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          disabled: page >= pages,
          onclick: go(page + 1),
          dataset: { testid: `${testid}-next` },
        },
        t('next'),
      ),
      h(
        'a',
        {
          class: 'button secondary',
          href: withQuery(path, { ...query, format: 'csv' }),
          download: '',
          dataset: { testid: `${testid}-csv` },
        },
        t('downloadCsv'),
      ),
    ),
    items.length === 0
      ? h('p', { class: 'muted', dataset: { testid: `${testid}-empty` } }, t('noRows'))
      : table(columns, items, testid),
  );
  return answer;
}
