import { type LoggerService } from '@nestjs/common';

import { formatJsonLine, type LineFormatter, type LogEntry } from './line-formatters';
import { currentRequestId } from './request-context';

export type { LogEntry } from './line-formatters';

/** The levels an operator can choose (LOG_LEVEL), most severe first. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Nest's six methods folded onto our four levels; `fatal` stays visible as its own label. */
const NEST_LEVELS = {
  fatal: { label: 'fatal', rank: 0 },
  error: { label: 'error', rank: 0 },
  warn: { label: 'warn', rank: 1 },
  log: { label: 'info', rank: 2 },
  debug: { label: 'debug', rank: 3 },
  verbose: { label: 'debug', rank: 3 },
} as const;
type NestMethod = keyof typeof NEST_LEVELS;

export type LineWriter = (line: string) => void;

const toStdout: LineWriter = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * The gateway's logger: one entry per line on stdout, as JSON unless given another formatter
 * (LOG_FORMAT=pretty, line-formatters.ts). Used as Nest's logger, so `new Logger(Context)` anywhere
 * in the app ends up here.
 */
export class JsonLogger implements LoggerService {
  #threshold: number;
  #format: LineFormatter;

  constructor(
    level: LogLevelName = 'info',
    private readonly write: LineWriter = toStdout,
    format: LineFormatter = formatJsonLine,
  ) {
    this.#threshold = LOG_LEVELS.indexOf(level);
    this.#format = format;
  }

  setLevel(level: LogLevelName): void {
    this.#threshold = LOG_LEVELS.indexOf(level);
  }

  /** Like setLevel: the format is known only once the configuration has been read. */
  setFormat(format: LineFormatter): void {
    this.#format = format;
  }

  isEnabled(method: NestMethod): boolean {
    return NEST_LEVELS[method].rank <= this.#threshold;
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('fatal', message, params);
  }

  private emit(method: NestMethod, message: unknown, params: unknown[]): void {
    if (!this.isEnabled(method)) return;
    const { context, stack = stackOf(message) } = splitParams(method, params);
    const requestId = currentRequestId();
    const entry: LogEntry = {
      time: new Date().toISOString(),
      level: NEST_LEVELS[method].label,
      ...(context !== undefined && { context }),
      message: messageText(message),
      ...(requestId !== undefined && { requestId }),
      ...(stack !== undefined && { stack }),
    };
    this.write(this.#format(entry));
  }
}

/**
 * Nest calls `log(message, context?)` and `error(message, stack?, context?)`, where its Logger
 * appends the context last (and passes `undefined` for a missing stack).
 */
function splitParams(method: NestMethod, params: unknown[]): { context?: string; stack?: string } {
  const rest = [...params];
  let context: string | undefined;
  const last = rest[rest.length - 1];
  const lastIsStack = typeof last === 'string' && looksLikeStack(last);
  if (rest.length > 0 && typeof last === 'string' && !lastIsStack) {
    context = last;
    rest.pop();
  }
  const first = rest[0];
  const stack =
    (method === 'error' || method === 'fatal') && typeof first === 'string' && first !== ''
      ? first
      : undefined;
  return { ...(context !== undefined && { context }), ...(stack !== undefined && { stack }) };
}

function looksLikeStack(text: string): boolean {
  return /\n\s+at /.test(text);
}

function messageText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return `${message.name}: ${message.message}`;
  try {
    return JSON.stringify(message) ?? String(message);
  } catch {
    return String(message); // circular structures
  }
}

function stackOf(message: unknown): string | undefined {
  return message instanceof Error ? message.stack : undefined;
}
