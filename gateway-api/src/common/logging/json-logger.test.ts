import { Logger } from '@nestjs/common';

import { JsonLogger, type LogEntry } from './json-logger';
import { formatPrettyLine } from './line-formatters';
import { requestContext } from './request-context';

function capture(level: ConstructorParameters<typeof JsonLogger>[0] = 'debug') {
  const lines: string[] = [];
  const logger = new JsonLogger(level, (line) => lines.push(line));
  const entries = (): LogEntry[] => lines.map((line) => JSON.parse(line) as LogEntry);
  return { logger, lines, entries };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, context and message', () => {
    const { logger, lines, entries } = capture();
    logger.log('started', 'Bootstrap');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      level: 'info',
      context: 'Bootstrap',
      message: 'started',
    });
  });

  it('adds the request id inside a request', () => {
    const { logger, entries } = capture();
    requestContext.run({ requestId: 'req-1' }, () => logger.warn('slow'));
    logger.warn('outside');
    expect(entries().map((e) => e.requestId)).toEqual(['req-1', undefined]);
  });

  it('keeps the stack of errors apart from the context', () => {
    const { logger, entries } = capture();
    const stack = 'Error: boom\n    at thing (file.ts:1:2)';
    logger.error('boom', stack, 'Filter');
    logger.error('boom', stack);
    logger.error('boom', undefined, 'Filter');
    logger.error(new Error('thrown'));
    const [a, b, c, d] = entries();
    expect(a).toMatchObject({ level: 'error', context: 'Filter', stack });
    expect(b).toMatchObject({ stack });
    expect(b).not.toHaveProperty('context');
    expect(c).toMatchObject({ context: 'Filter' });
    expect(c).not.toHaveProperty('stack');
    expect(d).toMatchObject({
      message: 'Error: thrown',
      stack: expect.stringContaining('Error: thrown') as unknown,
    });
  });

  it.each([
    ['error', ['fatal', 'error']],
    ['warn', ['fatal', 'error', 'warn']],
    ['info', ['fatal', 'error', 'warn', 'info']],
    ['debug', ['fatal', 'error', 'warn', 'info', 'debug', 'debug']],
  ] as const)('at level %s writes %p', (level, written) => {
    const { logger, entries } = capture(level);
    logger.fatal('f');
    logger.error('e');
    logger.warn('w');
    logger.log('i');
    logger.debug('d');
    logger.verbose('v');
    expect(entries().map((e) => e.level)).toEqual(written);
  });

  it('can change level once the configuration is read', () => {
    const { logger, lines } = capture('info');
    logger.setLevel('error');
    logger.log('hidden');
    expect(lines).toEqual([]);
  });

  it('writes with the formatter it is given, and switches once the configuration is read', () => {
    const lines: string[] = [];
    const logger = new JsonLogger(
      'info',
      (line) => lines.push(line),
      (entry) => formatPrettyLine(entry, false),
    );
    requestContext.run({ requestId: 'req-1' }, () => logger.log('pretty', 'Bootstrap'));
    logger.setFormat(JSON.stringify);
    logger.log('json', 'Bootstrap');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}\[Bootstrap\] pretty {2}\(req req-1\)$/);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({
      level: 'info',
      context: 'Bootstrap',
      message: 'json',
    });
  });

  it('serialises non-string messages, even circular ones', () => {
    const { logger, entries } = capture();
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    logger.log({ a: 1 });
    logger.log(circular);
    expect(entries().map((e) => e.message)).toEqual(['{"a":1}', '[object Object]']);
  });

  it("receives Nest's Logger calls once installed", () => {
    const { logger, entries } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('Feature').log('hello');
      new Logger('Feature').error('failed');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(entries()).toEqual([
      expect.objectContaining({ level: 'info', context: 'Feature', message: 'hello' }),
      expect.objectContaining({ level: 'error', context: 'Feature', message: 'failed' }),
    ]);
  });
});
