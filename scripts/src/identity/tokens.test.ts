import { newApiToken, newCaSecret, tokenPrefix, tokenSha256 } from './tokens';

describe('API tokens', () => {
  it('are gt_ followed by 32 random bytes in base64url', () => {
    const token = newApiToken();
    expect(token.startsWith(tokenPrefix)).toBe(true);
    expect(token).toMatch(/^gt_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), 'base64url')).toHaveLength(32);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newApiToken));
    expect(tokens.size).toBe(1000);
  });

  it('are stored as their SHA-256 in lower-case hex', () => {
    expect(tokenSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newApiToken();
    expect(tokenSha256(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenSha256(token)).not.toContain(token.slice(3));
  });
});

describe('CA secrets', () => {
  it('are URL-safe, so they can travel in a CA URL without escaping', () => {
    const secret = newCaSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(encodeURIComponent(secret)).toBe(secret);
    expect(newCaSecret()).not.toBe(secret);
  });
});
