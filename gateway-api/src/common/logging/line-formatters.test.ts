import { formatJsonLine, formatPrettyLine, lineFormatter, type LogEntry } from './line-formatters';

// The time is built on this machine's clock, as the pretty line shows it, so the tests hold in any
// time zone.
const at = (hours: number, minutes: number, seconds: number): string =>
  new Date(2026, 11, 3, hours, minutes, seconds).toISOString();

const ESCAPE = '\u001b';
const COLOUR_CODE = new RegExp(`${ESCAPE}\\[[0-9;]*m`, 'g');
const withoutColour = (line: string): string => line.replace(COLOUR_CODE, '');

describe('formatJsonLine', () => {
  it('writes the entry as one JSON object on one line', () => {
    const entry: LogEntry = {
      time: '2026-12-03T07:52:28.000Z',
      level: 'error',
      context: 'Filter',
      message: 'boom\nsecond line',
      requestId: 'req-1',
      stack: 'Error: boom\n    at thing (file.ts:1:2)',
    };
    const line = formatJsonLine(entry);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(entry);
  });
});

describe('formatPrettyLine', () => {
  it('reads time, level, context, message and request id in that order', () => {
    const entry = {
      time: at(7, 52, 28),
      level: 'info',
      context: 'RealEstateService',
      message: 'registered',
      requestId: '1234',
    };
    expect(formatPrettyLine(entry, false)).toBe('07:52:28 INFO  [RealEstateService] registered  (req 1234)');
  });

  it('leaves out what the entry does not have and pads every level to one width', () => {
    const line = (level: string): string =>
      formatPrettyLine({ time: at(23, 5, 9), level, message: 'm' }, false);
    expect(['fatal', 'error', 'warn', 'info', 'debug'].map(line)).toEqual([
      '23:05:09 FATAL m',
      '23:05:09 ERROR m',
      '23:05:09 WARN  m',
      '23:05:09 INFO  m',
      '23:05:09 DEBUG m',
    ]);
  });

  it('puts the stack below, every line of it indented', () => {
    const entry = {
      time: at(7, 52, 28),
      level: 'error',
      context: 'Filter',
      message: 'boom',
      stack: 'Error: boom\n    at thing (file.ts:1:2)\n    at other (file.ts:3:4)',
    };
    expect(formatPrettyLine(entry, false).split('\n')).toEqual([
      '07:52:28 ERROR [Filter] boom',
      '    Error: boom',
      '        at thing (file.ts:1:2)',
      '        at other (file.ts:3:4)',
    ]);
  });

  it('keeps what a client sent from forging an entry or driving the terminal', () => {
    const message = `GET /x\n07:52:29 INFO  [Auth] admin logged in ${ESCAPE}[2J\r\u009b`;
    const line = formatPrettyLine({ time: at(7, 52, 28), level: 'info', message }, false);
    const [first, ...rest] = line.split('\n');
    expect(first).toBe('07:52:28 INFO  GET /x');
    // only an entry's own line starts at column 0
    expect(rest).toEqual(['    07:52:29 INFO  [Auth] admin logged in \\u001b[2J\\u000d\\u009b']);
    expect(line).not.toContain(ESCAPE);
  });

  it('colours when asked, and the same line shows through without the colour', () => {
    const entry = { time: at(7, 52, 28), level: 'error', context: 'Filter', message: 'boom', requestId: 'r' };
    const coloured = formatPrettyLine(entry, true);
    expect(coloured).toContain(`${ESCAPE}[31mERROR${ESCAPE}[0m`);
    expect(withoutColour(coloured)).toBe(formatPrettyLine(entry, false));
    expect(formatPrettyLine(entry, false)).not.toContain(ESCAPE);
  });

  it('shows a time it cannot read as it is', () => {
    expect(formatPrettyLine({ time: 'not a time', level: 'info', message: 'm' }, false)).toBe(
      'not a time INFO  m',
    );
  });
});

describe('lineFormatter', () => {
  const entry = { time: at(7, 52, 28), level: 'warn', message: 'slow' };

  it('gives JSON for json, never coloured', () => {
    expect(lineFormatter('json', true)(entry)).toBe(JSON.stringify(entry));
  });

  it('gives pretty lines for pretty, coloured only when asked', () => {
    expect(lineFormatter('pretty', false)(entry)).toBe('07:52:28 WARN  slow');
    expect(lineFormatter('pretty', true)(entry)).toContain(`${ESCAPE}[33mWARN ${ESCAPE}[0m`);
  });
});
