// The citizen verification page: works out what was typed (certificate number, credit code or bag
// barcode), asks the public verify API, has verify-outcome.js read the answer and verify-render.js
// show it. Plain script, no framework: it must load fast on an old phone over a weak connection.
/* global self, document, window, localStorage, fetch, URL, URLSearchParams, AbortController, setTimeout, clearTimeout */
'use strict';

(function () {
  const TEXT = self.GovtraceVerifyText;
  const RENDER = self.GovtraceVerifyRender;
  const OUTCOME = self.GovtraceVerifyOutcome;
  const LANG_KEY = 'govtrace.verify.lang';
  const API = '/api/v1/verify';
  const TIMEOUT_MS = 15000;

  const form = document.getElementById('verify-form');
  const input = document.getElementById('verify-input');
  const result = document.getElementById('verify-result');
  const switcher = document.getElementById('lang-switch');

  let locale = 'zh-CN';
  let lastOutcome = null;
  // Only the newest request may paint the panel; a slow earlier answer is dropped.
  let sequence = 0;

  // ---- language ----------------------------------------------------------------------------------

  function normaliseLocale(value) {
    if (typeof value !== 'string') return null;
    const lower = value.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh')) return 'zh-CN';
    return null;
  }

  function storedLocale() {
    try {
      return normaliseLocale(localStorage.getItem(LANG_KEY));
    } catch {
      return null; // storage disabled (private mode): the default is fine
    }
  }

  function applyLanguage(next) {
    locale = next;
    const text = TEXT[locale];
    document.documentElement.lang = locale;
    document.title = text.documentTitle;
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = text[node.dataset.i18n];
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
      node.setAttribute('placeholder', text[node.dataset.i18nPlaceholder]);
    }
    switcher.textContent = text.switchTo;
    switcher.lang = text.switchLang;
    if (lastOutcome) RENDER.renderOutcome(result, lastOutcome, text, locale);
  }

  function switchLanguage() {
    const next = locale === 'en' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // not remembered, still switched
    }
    // ?lang= would win over the stored choice on reload, so keep the address in step with it
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) url.searchParams.set('lang', next === 'en' ? 'en' : 'zh-CN');
    window.history.replaceState(null, '', url);
    applyLanguage(next);
  }

  // ---- what was typed ----------------------------------------------------------------------------

  const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  function usccCheckMatches(code) {
    let sum = 0;
    for (let i = 0; i < 17; i += 1) sum += USCC_ALPHABET.indexOf(code[i]) * USCC_WEIGHTS[i];
    return USCC_ALPHABET[(31 - (sum % 31)) % 31] === code[17];
  }

  function bagCheckMatches(code) {
    let sum = 0;
    for (let i = 0; i < 17; i += 1) sum += Number(code[i]) * ((16 - i) % 2 === 0 ? 3 : 1);
    return (10 - (sum % 10)) % 10 === Number(code[17]);
  }

  /**
   * { kind, value } for what the citizen typed, or null when it cannot be any of the three. The
   * server has the final word on the format; this only picks the endpoint. Eighteen digits can be
   * either a bag barcode or an all-digit credit code, so the check characters decide.
   */
  function detect(raw, named) {
    const compact = String(raw).replace(/\s+/g, '');
    if (compact === '') return null;
    if (compact.includes('不动产')) return { kind: 'certificate', value: compact };
    const upper = compact.replace(/[a-z]/g, (c) => c.toUpperCase());
    // a QR link says what it holds (?license= / ?bag=); only typed text needs guessing
    if (named === 'license' || named === 'bag') return { kind: named, value: upper };
    if (/^[0-9]+$/.test(upper)) {
      const licence = upper.length === 18 && !bagCheckMatches(upper) && usccCheckMatches(upper);
      return { kind: licence ? 'license' : 'bag', value: upper };
    }
    if (/^[0-9A-Z]{18}$/.test(upper)) return { kind: 'license', value: upper };
    return null;
  }

  // ---- asking the ledger -------------------------------------------------------------------------

  const ROUTES = { certificate: 'certificates', license: 'licenses', bag: 'bags' };

  async function ask(query) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const url = `${API}/${ROUTES[query.kind]}/${encodeURIComponent(query.value)}`;
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: controller.signal,
      });
      const body = await response.json().catch(() => null);
      return OUTCOME.outcomeFor(query, response.status, body);
    } catch {
      return { kind: query.kind, query: query.value, status: 'UNAVAILABLE' };
    } finally {
      clearTimeout(timer);
    }
  }

  function show(outcome) {
    lastOutcome = outcome;
    result.removeAttribute('aria-busy');
    RENDER.renderOutcome(result, outcome, TEXT[locale], locale);
  }

  async function verify(raw, hash, named) {
    const current = (sequence += 1);
    const query = detect(raw, named);
    if (query === null) {
      show({ kind: null, status: 'INVALID_INPUT' });
      return;
    }
    query.hash = hash || null;
    rememberInAddress(query);
    result.setAttribute('aria-busy', 'true');
    RENDER.renderBusy(result, TEXT[locale]);
    const outcome = await ask(query);
    if (current === sequence) show(outcome);
  }

  /** Puts the query in the address bar, so the page can be bookmarked or shared as it is. */
  function rememberInAddress(query) {
    const url = new URL(window.location.href);
    for (const name of ['q', 'certificate', 'license', 'bag', 'hash']) url.searchParams.delete(name);
    url.searchParams.set(query.kind, query.value);
    if (query.hash) url.searchParams.set('hash', query.hash);
    window.history.replaceState(null, '', url);
  }

  // ---- the holder's proof bundle -----------------------------------------------------------------

  /** The message key for a refused bundle request, from the status and the error's first detail. */
  function bundleRefusal(status, body) {
    const detail = body && body.error && Array.isArray(body.error.details) ? body.error.details[0] : null;
    const reason = detail && detail.reason;
    if (status === 400) return 'invalid';
    if (status === 403) return reason === 'NO_VERIFICATION_CODE' ? 'noCode' : 'mismatch';
    if (status === 429) return reason === 'HOLDER_CHECK_LOCKED' ? 'locked' : 'tooMany';
    return 'unavailable';
  }

  /** Saves the bundle as a file; the JSON never enters the page. */
  function saveFile(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  async function requestBundle(form) {
    const status = form.querySelector('[data-testid="verify-bundle-status"]');
    const say = (key) => {
      status.dataset.outcome = key;
      status.textContent = TEXT[locale].bundle[key];
    };
    const idNumber = form.elements.holderIdNumber.value.replace(/\s+/g, '');
    const code = form.elements.verificationCode.value.replace(/\s+/g, '');
    if (idNumber === '' || code === '') return say('missing');
    say('working');
    const number = form.dataset.certificate;
    const query = new URLSearchParams({ holderIdNumber: idNumber, verificationCode: code });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(
        `${API}/certificates/${encodeURIComponent(number)}/proof-bundle?${query}`,
        {
          headers: { accept: 'application/json' },
          signal: controller.signal,
        },
      );
      if (response.ok) {
        saveFile(await response.blob(), `govtrace-proof-${number}.json`);
        return say('done');
      }
      return say(bundleRefusal(response.status, await response.json().catch(() => null)));
    } catch {
      return say('unavailable');
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- start -------------------------------------------------------------------------------------

  function start() {
    const params = new URLSearchParams(window.location.search);
    applyLanguage(normaliseLocale(params.get('lang')) || storedLocale() || 'zh-CN');
    switcher.addEventListener('click', switchLanguage);
    // the result panel is drawn again for each answer: one listener for whatever form it holds
    result.addEventListener('submit', (event) => {
      const target = event.target;
      if (!target || target.dataset.testid !== 'verify-bundle-form') return;
      event.preventDefault();
      void requestBundle(target);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // a hand-typed number has no printed fingerprint to compare with
      void verify(input.value, null, null);
    });
    // a QR code opens /verify?certificate=…&hash=…: fill the box and check at once
    const named = ['certificate', 'license', 'bag', 'q'].find((name) => params.get(name));
    if (named) {
      input.value = params.get(named);
      void verify(input.value, named === 'certificate' ? params.get('hash') : null, named);
    }
  }

  start();
})();
