// The staff console: signs the user in (a session cookie the server sets), then shows the sections
// their role may use. The server decides what a role may do on every request; the sections shown
// here only spare the user links that would answer 403.
//
// A section module exports `{ id, roles, title, routes: [{ path, title, nav, render(view, params) }] }`;
// `path` is matched against the location hash (`#/registry/units/:unitNumber`), `:name` parts
// become params (decoded), and the query after `?` is merged into them.

import { request, useSession } from './console-api.js';
import { h, replace } from './console-dom.js';
import { language, otherLanguage, setLanguage, t } from './console-text.js';
import { sections } from './console-sections.js';

let session = null;

function routesFor(role) {
  return sections
    .filter((section) => section.roles.includes(role))
    .flatMap((section) => section.routes.map((route) => ({ ...route, section })));
}

function match(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params = {};
  for (let index = 0; index < want.length; index += 1) {
    if (want[index].startsWith(':')) params[want[index].slice(1)] = decodeURIComponent(have[index]);
    else if (want[index] !== have[index]) return null;
  }
  return params;
}

function currentLocation() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(query)) };
}

function renderNav() {
  const nav = document.getElementById('nav');
  if (session === null) return replace(nav);
  const here = currentLocation().path;
  const groups = sections
    .filter((section) => section.roles.includes(session.role))
    .map((section) =>
      h(
        'div',
        { class: 'nav-group', dataset: { testid: `nav-${section.id}` } },
        h('p', { class: 'nav-title' }, t(section.title)),
        section.routes
          .filter((route) => route.nav === true)
          .map((route) =>
            h(
              'a',
              {
                href: `#${route.path}`,
                class: here === route.path ? 'active' : null,
                dataset: { testid: `nav-${route.path}` },
              },
              t(route.title),
            ),
          ),
      ),
    );
  replace(nav, h('a', { href: '#/', class: here === '/' ? 'active' : null }, t('home')), groups);
}

function renderHome(view) {
  const links = routesFor(session.role).filter((route) => route.nav === true);
  replace(
    view,
    h('h1', {}, t('home')),
    h('p', { class: 'muted' }, t('homeIntro')),
    h(
      'div',
      { class: 'cards' },
      links.map((route) => h('a', { class: 'card', href: `#${route.path}` }, t(route.title))),
    ),
  );
}

async function render() {
  const view = document.getElementById('view');
  document.title = t('title');
  replace(document.getElementById('lang-switch'), t('switchTo'));
  document.querySelectorAll('[data-i18n]').forEach((element) => replace(element, t(element.dataset.i18n)));
  document.getElementById('sign-out').hidden = session === null;
  replace(
    document.getElementById('who'),
    session === null
      ? ''
      : h('span', {}, h('strong', {}, session.user), ` · ${t(`role.${session.role}`)} · ${session.mspId}`),
  );
  renderNav();
  if (session === null) return renderSignIn(view);
  const { path, query } = currentLocation();
  if (path === '/') return renderHome(view);
  for (const route of routesFor(session.role)) {
    const params = match(route.path, path);
    if (params !== null) {
      replace(view, h('p', { class: 'muted' }, t('loading')));
      return route.render(view, { ...query, ...params });
    }
  }
  const elsewhere = sections.some((section) =>
    section.routes.some((route) => match(route.path, path) !== null),
  );
  replace(
    view,
    h(
      'p',
      { class: 'error-summary', dataset: { testid: 'no-route' } },
      elsewhere ? t('forbidden') : t('notFound'),
    ),
  );
}

function renderSignIn(view, message) {
  let mode = 'token';
  const error = h(
    'p',
    {
      class: 'error-summary',
      role: 'alert',
      hidden: message === undefined,
      dataset: { testid: 'sign-in-error' },
    },
    message ?? '',
  );
  const fields = h('div');
  const showFields = () =>
    replace(
      fields,
      mode === 'token'
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: 'token' }, t('token')),
            h('input', {
              id: 'token',
              name: 'token',
              type: 'password',
              autocomplete: 'off',
              required: true,
              dataset: { testid: 'sign-in-token' },
            }),
          )
        : [
            h(
              'div',
              { class: 'field' },
              h('label', { for: 'user' }, t('user')),
              h('input', {
                id: 'user',
                name: 'user',
                autocomplete: 'username',
                required: true,
                dataset: { testid: 'sign-in-user' },
              }),
            ),
            h(
              'div',
              { class: 'field' },
              h('label', { for: 'password' }, t('password')),
              h('input', {
                id: 'password',
                name: 'password',
                type: 'password',
                autocomplete: 'current-password',
                required: true,
                dataset: { testid: 'sign-in-password' },
              }),
            ),
          ],
    );
  const tab = (which, label) =>
    h(
      'button',
      {
        type: 'button',
        class: 'tab',
        'aria-pressed': String(mode === which),
        dataset: { testid: `sign-in-mode-${which}` },
        onclick: () => {
          mode = which;
          showFields();
          form
            .querySelectorAll('.tab')
            .forEach((b) =>
              b.setAttribute('aria-pressed', String(b.dataset.testid === `sign-in-mode-${which}`)),
            );
        },
      },
      label,
    );
  const form = h(
    'form',
    { class: 'form sign-in', novalidate: true, dataset: { testid: 'sign-in' } },
    h('h1', {}, t('signInTitle')),
    h('p', { class: 'muted' }, t('signInIntro')),
    h('div', { class: 'tabs' }, tab('token', t('signInWithToken')), tab('password', t('signInWithPassword'))),
    error,
    fields,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', dataset: { testid: 'sign-in-submit' } }, t('signIn')),
    ),
  );
  showFields();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body =
      mode === 'token'
        ? { token: form.elements.namedItem('token').value.trim() }
        : {
            user: form.elements.namedItem('user').value.trim(),
            password: form.elements.namedItem('password').value.trim(),
          };
    const answer = await request('POST', '/console/session', { body });
    if (!answer.ok) {
      replace(
        error,
        answer.status === 401 ? t('signInFailed') : (answer.body?.error?.message ?? t('failed')),
      );
      error.hidden = false;
      return;
    }
    signedIn(answer.body);
  });
  replace(view, form);
}

function signedIn(next) {
  session = next;
  useSession(session, () => {
    session = null;
    useSession(null);
    render().then(() => {
      const error = document.querySelector('[data-testid="sign-in-error"]');
      if (error !== null) {
        replace(error, t('sessionEnded'));
        error.hidden = false;
      }
    });
  });
  void render();
}

async function start() {
  setLanguage(language());
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLanguage(otherLanguage());
    void render();
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await request('DELETE', '/console/session');
    session = null;
    useSession(null);
    location.hash = '#/';
    void render();
  });
  window.addEventListener('hashchange', () => void render());
  const answer = await request('GET', '/console/session');
  if (answer.ok) signedIn(answer.body);
  else void render();
}

void start();
