import { fingerprintRequest, sameRequest } from './request-fingerprint';

const SHA256_OF_EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('fingerprintRequest', () => {
  const base = { method: 'POST', url: '/api/v1/waste/sites', body: { siteId: 'LW-ST-001', kind: 'STATION' } };

  it('is method, path and the SHA-256 of the canonical body', () => {
    expect(fingerprintRequest(base)).toEqual({
      method: 'POST',
      path: '/api/v1/waste/sites',
      // sha256 of '{"kind":"STATION","siteId":"LW-ST-001"}'
      bodySha256: '24a40e30d73c34508ae58311431eea39f6d27a59ccb28febf1dcf11ab6a786af',
    });
  });

  it('does not depend on key order or formatting of the body', () => {
    const reordered = {
      ...base,
      body: JSON.parse('{ "kind": "STATION",  "siteId": "LW-ST-001" }') as unknown,
    };
    expect(sameRequest(fingerprintRequest(base), fingerprintRequest(reordered))).toBe(true);
  });

  it.each([
    ['another body', { ...base, body: { siteId: 'LW-ST-002', kind: 'STATION' } }],
    ['another path', { ...base, url: '/api/v1/waste/scans' }],
    ['another method', { ...base, method: 'PUT' }],
    ['no body', { ...base, body: undefined }],
    ['an empty object', { ...base, body: {} }],
  ])('tells %s apart', (_case, other) => {
    expect(sameRequest(fingerprintRequest(base), fingerprintRequest(other))).toBe(false);
  });

  it('leaves the query string out and upper-cases the method', () => {
    expect(fingerprintRequest({ method: 'post', url: '/a/b?x=1', body: undefined })).toEqual({
      method: 'POST',
      path: '/a/b',
      bodySha256: SHA256_OF_EMPTY,
    });
  });
});
