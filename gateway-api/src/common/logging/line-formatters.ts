import { type LogFormat } from './log-format';

/** One log event, before it is written in either format. */
export interface LogEntry {
  /** ISO-8601 UTC. */
  readonly time: string;
  readonly level: string;
  readonly context?: string;
  readonly message: string;
  readonly requestId?: string;
  readonly stack?: string;
}

/** Turns an entry into one line (pretty lines may continue on indented lines below). */
export type LineFormatter = (entry: LogEntry) => string;

/** One JSON object per line, the shape log collectors parse without configuration. */
export const formatJsonLine: LineFormatter = (entry) => JSON.stringify(entry);

const ANSI = {
  reset: '\u001b[0m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  magenta: '\u001b[35m',
  cyan: '\u001b[36m',
} as const;

const LEVEL_COLOURS: Readonly<Record<string, string>> = {
  fatal: ANSI.red,
  error: ANSI.red,
  warn: ANSI.yellow,
  info: ANSI.green,
  debug: ANSI.magenta,
};

/** Below the first line, every line starts with this, so only an entry's own line starts at column 0. */
const CONTINUATION = '    ';

/**
 * `07:52:28 INFO  [RealEstateService] message  (req 1234)` in local time, the stack below on indented
 * lines. Messages can carry what a client sent, so control characters are shown escaped (no escape
 * sequence of theirs reaches the terminal) and a line break cannot start what looks like a new entry.
 */
export function formatPrettyLine(entry: LogEntry, colour: boolean): string {
  const paint = (code: string, text: string): string => (colour ? `${code}${text}${ANSI.reset}` : text);
  const level = entry.level.toUpperCase().padEnd(5);
  const parts = [
    paint(ANSI.dim, clockTime(entry.time)),
    paint(LEVEL_COLOURS[entry.level] ?? '', level),
    ...(entry.context === undefined ? [] : [paint(ANSI.cyan, `[${printable(entry.context)}]`)]),
    indentBreaks(printable(entry.message)),
  ];
  const request =
    entry.requestId === undefined ? '' : `  ${paint(ANSI.dim, `(req ${printable(entry.requestId)})`)}`;
  const stack =
    entry.stack === undefined
      ? ''
      : `\n${paint(ANSI.dim, `${CONTINUATION}${indentBreaks(printable(entry.stack))}`)}`;
  return `${parts.join(' ')}${request}${stack}`;
}

/** The formatter LOG_FORMAT names; `colour` matters only to pretty lines. */
export function lineFormatter(format: LogFormat, colour: boolean): LineFormatter {
  return format === 'pretty' ? (entry) => formatPrettyLine(entry, colour) : formatJsonLine;
}

/** HH:MM:SS on this machine's clock: a person at the terminal compares it with their own. */
function clockTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return [time.getHours(), time.getMinutes(), time.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}

// C0 controls except tab and line feed (handled by indentBreaks), DEL and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function printable(text: string): string {
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function indentBreaks(text: string): string {
  return text.replace(/\n/g, `\n${CONTINUATION}`);
}
