import {
  formatHolderLookupKeyFile,
  newHolderLookupKey,
  parseHolderLookupKeyFile,
} from './holder-lookup-key-file';

const KEY = Buffer.alloc(32, 7);
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('the holder lookup key file', () => {
  it('round-trips a versioned key', () => {
    const file = { version: 3, key: KEY };
    expect(parseHolderLookupKeyFile(Buffer.from(formatHolderLookupKeyFile(file)))).toEqual({
      ok: true,
      value: file,
    });
  });

  it('makes new keys of 32 random bytes, version 1 unless told', () => {
    const [a, b] = [newHolderLookupKey(), newHolderLookupKey(2)];
    expect(a.version).toBe(1);
    expect(b.version).toBe(2);
    expect(a.key).toHaveLength(32);
    expect(a.key.equals(b.key)).toBe(false);
  });

  it.each([
    ['32 raw bytes', Buffer.alloc(32, 0xfe)],
    ['40 raw bytes', Buffer.alloc(40, 3)],
    [
      'raw bytes that start with "{" but are no UTF-8',
      Buffer.concat([Buffer.from('{'), Buffer.alloc(31, 0xff)]),
    ],
  ])('reads %s (a key from before versions) as version 1', (_label, bytes) => {
    expect(parseHolderLookupKeyFile(bytes)).toEqual({ ok: true, value: { version: 1, key: bytes } });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /holds 0 raw bytes/],
    ['16 raw bytes', Buffer.alloc(16, 1), /holds 16 raw bytes/],
    [
      'truncated JSON',
      Buffer.from('{"version":1,"key":"BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc='),
      /not \{"version", "key"\}/,
    ],
    [
      'a JSON string padded to 32 bytes',
      Buffer.from('{"just text that is long enough"}'),
      /not \{"version", "key"\}/,
    ],
    ['no version', json({ key: KEY.toString('base64') }), /no version/],
    ['version 0', json({ version: 0, key: KEY.toString('base64') }), /no version/],
    ['version 1.5', json({ version: 1.5, key: KEY.toString('base64') }), /no version/],
    ['version as text', json({ version: '2', key: KEY.toString('base64') }), /no version/],
    ['no key', json({ version: 1 }), /no base64 key/],
    ['a key that is not base64', json({ version: 1, key: 'not base64!' }), /no base64 key/],
    ['a short key', json({ version: 1, key: Buffer.alloc(16).toString('base64') }), /16-byte key/],
  ])('refuses %s', (_label, bytes, reason) => {
    const parsed = parseHolderLookupKeyFile(bytes);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
