import {
  ConsoleSessions,
  MAX_SESSIONS,
  sameSecret,
  SESSION_IDLE_MS,
  SESSION_MAX_AGE_MS,
} from './console-sessions';
import { sessionIdFrom } from './session-cookie';

describe('ConsoleSessions', () => {
  let now = 0;
  const sessions = (): ConsoleSessions => new ConsoleSessions(() => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('opens sessions with distinct, unguessable ids and CSRF tokens', () => {
    const store = sessions();
    const a = store.open('registry-clerk', 'aa');
    const b = store.open('registry-clerk', 'aa');
    expect(a.id).not.toBe(b.id);
    expect(a.csrfToken).not.toBe(a.id);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionIdFrom(`other=1; govtrace_console=${a.id}`)).toBe(a.id);
    expect(store.find(a.id)?.user).toBe('registry-clerk');
  });

  it('ends a session after two idle hours, and keeps one in use', () => {
    const store = sessions();
    const idle = store.open('a', 'x');
    const used = store.open('b', 'x');
    now += SESSION_IDLE_MS - 1;
    expect(store.find(used.id)).toBeDefined();
    now += 2;
    expect(store.find(idle.id)).toBeUndefined();
    expect(store.find(used.id)).toBeDefined();
    expect(store.size).toBe(1);
  });

  it('ends every session after its maximum age, however busy', () => {
    const store = sessions();
    const session = store.open('a', 'x');
    for (let step = 0; step < 12; step += 1) {
      now += SESSION_MAX_AGE_MS / 12;
      if (step < 11) expect(store.find(session.id)).toBeDefined();
    }
    now += 1;
    expect(store.find(session.id)).toBeUndefined();
  });

  it('forgets the least recently used session beyond the cap', () => {
    const store = sessions();
    const first = store.open('first', 'x');
    const second = store.open('second', 'x');
    store.find(first.id); // first is now the most recently used
    for (let index = 0; index < MAX_SESSIONS - 1; index += 1) store.open(`u${index}`, 'x');
    expect(store.size).toBe(MAX_SESSIONS);
    expect(store.find(second.id)).toBeUndefined();
    expect(store.find(first.id)).toBeDefined();
  });

  it('closes a session', () => {
    const store = sessions();
    const session = store.open('a', 'x');
    store.close(session.id);
    expect(store.find(session.id)).toBeUndefined();
  });

  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', 'abc', false],
  ])('compares secrets %j and %j → %s', (a, b, same) => {
    expect(sameSecret(a, b)).toBe(same);
  });

  it.each([
    [undefined],
    ['govtrace_console=short'],
    ['govtrace_consolex=' + 'a'.repeat(43)],
    ['govtrace_console=' + 'a'.repeat(42) + '!'],
  ])('reads no session id from the cookie header %j', (header) => {
    expect(sessionIdFrom(header)).toBeUndefined();
  });
});
