// Turns one answer of the public verify API into the outcome the panel shows. Kept apart from the
// page's wiring (verify.js) so the verdict a citizen sees can be tested without a browser.
/* global self */
'use strict';

(function () {
  const own = (table, key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);

  const CERTIFICATE_STATUS = { VALID: 'VALID', SUPERSEDED: 'SUPERSEDED', CANCELLED: 'CANCELLED' };
  const LICENSE_STATUS = { ACTIVE: 'VALID', CANCELLED: 'CANCELLED', REVOKED: 'REVOKED' };

  /**
   * The banner's status for a record the ledger returned. A record only shows VALID when the server
   * vouches for it (`valid: true`: the responsible department's committed write of this very record);
   * an ACTIVE licence or a bag without that, or a status this page does not know, is shown but not
   * called valid.
   */
  function statusOf(kind, body) {
    if (kind === 'bag') return body.valid === true ? 'VALID' : 'UNCONFIRMED';
    const table = kind === 'certificate' ? CERTIFICATE_STATUS : LICENSE_STATUS;
    const status = own(table, body.status) ? table[body.status] : 'UNCONFIRMED';
    return status === 'VALID' && body.valid !== true ? 'UNCONFIRMED' : status;
  }

  function errorMessage(body) {
    return body && body.error && typeof body.error.message === 'string' ? body.error.message : null;
  }

  const sameHash = (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase();

  /**
   * The outcome for one HTTP answer to `query` ({ kind, value, hash }); every failure maps to a
   * status the banner can show.
   */
  function outcomeFor(query, httpStatus, body) {
    const base = { kind: query.kind, query: query.value };
    if (httpStatus === 200 && body && typeof body === 'object') {
      const mismatch =
        Boolean(query.hash) &&
        typeof body.contentHash === 'string' &&
        !sameHash(query.hash, body.contentHash);
      return { ...base, status: statusOf(query.kind, body), body, hashMismatch: mismatch };
    }
    if (httpStatus === 400) return { ...base, status: 'INVALID_INPUT', message: errorMessage(body) };
    if (httpStatus === 404) return { ...base, status: 'NOT_FOUND' };
    if (httpStatus === 429) return { ...base, status: 'UNAVAILABLE', reason: 'RATE_LIMITED' };
    return { ...base, status: 'UNAVAILABLE' };
  }

  self.GovtraceVerifyOutcome = Object.freeze({ outcomeFor });
})();
