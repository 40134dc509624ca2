// Builds the result panel from a verification outcome. Everything the ledger returns is written with
// textContent: a holder name or licence reason is data, never markup.
/* global self, document */
'use strict';

(function () {
  // Dates on a certificate are Beijing time wherever the citizen's phone happens to be.
  const ZONE = 'Asia/Shanghai';

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function formatDate(iso, locale, withTime) {
    if (typeof iso !== 'string' || iso === '') return null;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const style = withTime ? { dateStyle: 'long', timeStyle: 'medium' } : { dateStyle: 'long' };
    return new Intl.DateTimeFormat(locale, { ...style, timeZone: ZONE }).format(date);
  }

  // Own keys only: a code such as "constructor" must not pick up what every object inherits.
  const own = (table, key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);

  /** The word for a code, or the code itself when the page has no word for it (still readable). */
  const named = (table, key) => (own(table, key) ? table[key] : key);
  const department = (text, mspId) => named(text.departments, mspId);

  /**
   * The word for a code; an unknown code reads "<unknown> (<code>)" and a missing one "<unknown>",
   * so a newer server's vocabulary shows as something a citizen can read and report.
   */
  function labelled(table, key, unknown) {
    if (own(table, key)) return table[key];
    return typeof key === 'string' && key !== '' ? `${unknown} (${key})` : unknown;
  }

  /** A definition list from [label, value, testid?] rows; rows without a value are left out. */
  function fieldList(rows) {
    const list = element('dl', { class: 'fields' });
    for (const [label, value, testId] of rows) {
      if (value === null || value === undefined || value === '') continue;
      const attributes = testId ? { 'data-testid': testId, text: String(value) } : { text: String(value) };
      list.append(element('dt', { text: label }), element('dd', attributes));
    }
    return list;
  }

  function banner(status, title, description) {
    const glyph =
      { VALID: '✓', SUPERSEDED: '!', UNCONFIRMED: '!', NOT_FOUND: '?', INVALID_INPUT: '!' }[status] || '✕';
    return element(
      'div',
      {
        class: `banner banner-${status.toLowerCase()}`,
        'data-testid': 'verify-status',
        'data-status': status,
      },
      [
        element('span', { class: 'glyph', 'aria-hidden': 'true', text: glyph }),
        element('div', {}, [
          element('p', { class: 'banner-title', text: title }),
          element('p', { class: 'banner-text', text: description }),
        ]),
      ],
    );
  }

  function certificateFields(body, text, locale) {
    const f = text.field;
    return fieldList([
      [f.certificateNumber, body.certificateNumber, 'verify-number'],
      [f.kind, named(text.kind, body.kind)],
      [
        f.holders,
        Array.isArray(body.holders) ? body.holders.join(text.listSeparator) : null,
        'verify-holders',
      ],
      [f.unitNumber, body.unitNumber],
      // the structured particulars the content hash covers (absent on older certificates)
      [f.location, body.property ? body.property.location : null, 'verify-location'],
      [f.areaM2, body.property ? `${body.property.areaM2} m²` : null, 'verify-area'],
      [f.usage, body.property ? body.property.usage : null, 'verify-usage'],
      [
        f.mortgageTerm,
        body.mortgageTerm ? `${body.mortgageTerm.from}${text.termSeparator}${body.mortgageTerm.to}` : null,
        'verify-mortgage-term',
      ],
      [f.registrationType, named(text.registrationType, body.registrationType)],
      [f.issuedAt, formatDate(body.issuedAt, locale, false), 'verify-issued-at'],
      [f.issuer, body.issuer ? department(text, body.issuer) : null, 'verify-issuer'],
      [f.statusChangedAt, formatDate(body.statusChangedAt, locale, true)],
    ]);
  }

  function licenseFields(body, text, locale) {
    const f = text.field;
    return fieldList([
      [f.name, body.name, 'verify-name'],
      [f.uscc, body.uscc, 'verify-number'],
      [f.legalRepresentative, body.legalRepresentative, 'verify-legal-representative'],
      [f.establishedAt, formatDate(body.establishedAt, locale, false), 'verify-established-at'],
      [f.issuer, body.issuer ? department(text, body.issuer) : null, 'verify-issuer'],
      [f.statusChangedAt, formatDate(body.statusChangedAt, locale, true)],
      [f.reason, body.reason],
    ]);
  }

  function bagFields(body, text, locale) {
    const f = text.field;
    const list = fieldList([
      [f.barcode, body.barcode, 'verify-number'],
      [f.category, categoryText(body.category, text), 'verify-category'],
      [f.districtCode, body.districtCode],
      [
        f.finalOutcome,
        body.finalOutcome ? labelled(text.outcome, body.finalOutcome, text.unknownOutcome) : text.notYet,
        'verify-final-outcome',
      ],
    ]);
    const events = Array.isArray(body.events) ? body.events : [];
    if (events.length === 0) return list;
    const steps = element('ol', { class: 'events', 'data-testid': 'verify-events' });
    for (const event of events) steps.append(bagEventItem(event, text, locale));
    return element('div', {}, [list, element('h3', { class: 'sub', text: f.events }), steps]);
  }

  /** The category's name, then the two digits printed on the bag, so a citizen can match the two. */
  function categoryText(code, text) {
    if (typeof code !== 'string' || code === '') return null;
    return `${own(text.category, code) ? text.category[code] : text.unknownCategory} (${code})`;
  }

  /** One step of a bag's journey: what happened (API field `step`), then when, where and how it was sorted. */
  function bagEventItem(event, text, locale) {
    const details = [
      // the public answer gives the day only (issue 14); no sorting quality or weight
      formatDate(event.date, locale, false),
      event.siteId ? `${text.site} ${event.siteId}` : null,
    ].filter(Boolean);
    return element('li', { 'data-testid': 'verify-event', 'data-step': String(event.step || '') }, [
      element('span', {
        class: 'event-step',
        text: labelled(text.bagEvent, event.step, text.unknownBagEvent),
      }),
      details.length > 0
        ? element('span', { class: 'event-detail', text: ` — ${details.join(' · ')}` })
        : null,
    ]);
  }

  /** The submitting department and role ("不动产登记中心（登记员）"); never a person's name. */
  function submitterText(proof, text) {
    if (typeof proof.creatorMspId !== 'string' || proof.creatorMspId === '') return null;
    const who = department(text, proof.creatorMspId);
    if (typeof proof.creatorRole !== 'string' || proof.creatorRole === '') return who;
    const [open, close] = text.proof.roleBrackets;
    return `${who}${open}${named(text.roles, proof.creatorRole)}${close}`;
  }

  /**
   * Why the server does not vouch for the record, in the citizen's words. NOT_CURRENT (and any code
   * the page has no words for) adds nothing: the banner already says superseded or cancelled.
   */
  function invalidReasonNote(body, text) {
    const code = body && body.valid === false && body.invalidReason && body.invalidReason.code;
    if (!own(text.invalidReason, code)) return null;
    return element('p', {
      class: 'detail',
      'data-testid': 'verify-invalid-reason',
      'data-reason': code,
      text: `${text.whyUnconfirmed}: ${text.invalidReason[code]}`,
    });
  }

  function proofSection(outcome, text, locale) {
    const proof = outcome.body && outcome.body.proof;
    if (!proof || typeof proof !== 'object') return null;
    const p = text.proof;
    const endorsers = Array.isArray(proof.endorsers) ? proof.endorsers.map((id) => department(text, id)) : [];
    const section = element('details', { class: 'proof', 'data-testid': 'verify-proof' }, [
      element('summary', { text: p.summary }),
      element('p', { text: p.explain }),
      fieldList([
        [p.txId, proof.txId, 'verify-proof-tx'],
        [p.blockNumber, proof.blockNumber, 'verify-proof-block'],
        [p.validationCode, proof.validationCode],
        [p.endorsers, endorsers.join(text.listSeparator)],
        [p.submitter, submitterText(proof, text), 'verify-proof-submitter'],
        [p.timestamp, formatDate(proof.timestamp, locale, true)],
        [text.field.contentHash, outcome.body.contentHash, 'verify-content-hash'],
      ]),
    ]);
    if (outcome.kind === 'certificate' && outcome.body.certificateNumber) {
      section.append(bundleForm(outcome.body.certificateNumber, text.bundle));
    }
    return section;
  }

  /**
   * The holder's request for the offline proof bundle: the bundle holds the whole block, so the
   * gateway gives it only to the holder (ID number and printed code) or to staff. verify.js sends
   * the form (it owns the network); this only lays it out.
   */
  function bundleForm(certificateNumber, b) {
    const input = (id, name, testId, maxlength) =>
      element('input', {
        id,
        name,
        type: 'text',
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
        maxlength,
        'data-testid': testId,
      });
    return element(
      'form',
      {
        class: 'bundle',
        novalidate: '',
        'data-testid': 'verify-bundle-form',
        'data-certificate': certificateNumber,
      },
      [
        element('h2', { text: b.title }),
        element('p', { class: 'detail', text: b.intro }),
        element('label', { for: 'bundle-id', text: b.idLabel }),
        input('bundle-id', 'holderIdNumber', 'verify-bundle-id', '18'),
        element('label', { for: 'bundle-code', text: b.codeLabel }),
        input('bundle-code', 'verificationCode', 'verify-bundle-code', '9'),
        element('button', { type: 'submit', 'data-testid': 'verify-bundle-submit', text: b.submit }),
        element('p', { class: 'detail', role: 'status', 'data-testid': 'verify-bundle-status' }),
      ],
    );
  }

  const FIELDS = { certificate: certificateFields, license: licenseFields, bag: bagFields };

  /** [title, description] for the banner: licences and bags word "valid" differently. */
  function bannerText(outcome, text) {
    if (outcome.status === 'VALID' && outcome.kind === 'license') return text.licenseValid;
    if (outcome.status === 'VALID' && outcome.kind === 'bag') return text.bagFound;
    const key = outcome.reason || outcome.status;
    return own(text.status, key) ? text.status[key] : text.status.UNAVAILABLE;
  }

  /** Replaces the panel's content with the outcome; `outcome.status` is one of the data-status values. */
  function renderOutcome(container, outcome, text, locale) {
    const [title, description] = bannerText(outcome, text);
    const parts = [banner(outcome.status, title, description)];
    if (outcome.hashMismatch) {
      parts.push(
        element('p', {
          class: 'warning',
          role: 'alert',
          'data-testid': 'verify-hash-warning',
          text: text.hashMismatch,
        }),
      );
    }
    parts.push(invalidReasonNote(outcome.body, text));
    if (outcome.body && FIELDS[outcome.kind]) parts.push(FIELDS[outcome.kind](outcome.body, text, locale));
    if (outcome.message)
      parts.push(element('p', { class: 'detail', text: `${text.detail}: ${outcome.message}` }));
    parts.push(proofSection(outcome, text, locale));
    container.replaceChildren(...parts.filter(Boolean));
  }

  function renderBusy(container, text) {
    container.replaceChildren(
      element('p', { class: 'busy', 'data-testid': 'verify-busy', text: text.checking }),
    );
  }

  self.GovtraceVerifyRender = Object.freeze({ renderOutcome, renderBusy });
})();
