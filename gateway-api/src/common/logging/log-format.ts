/** How each log line is written: `json` for collectors, `pretty` for a person at a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * LOG_FORMAT's default. A terminal means someone is reading; anything else (a pipe, a file, a
 * service manager, the test harness) is most likely a collector, which wants JSON.
 */
export function defaultLogFormat(stdoutIsTty: boolean): LogFormat {
  return stdoutIsTty ? 'pretty' : 'json';
}

/**
 * The format before the configuration is validated, so that even a start-up failure is written as
 * asked: LOG_FORMAT when it already names a format, else the default. An invalid value is reported
 * by the validation, in this format.
 */
export function startupLogFormat(env: Readonly<Record<string, unknown>>, stdoutIsTty: boolean): LogFormat {
  const asked = env['LOG_FORMAT'];
  return LOG_FORMATS.find((format) => format === asked) ?? defaultLogFormat(stdoutIsTty);
}

/**
 * Colour only where escape codes turn into colour: on a terminal, and not when the person asked for
 * none (NO_COLOR, https://no-color.org: any non-empty value).
 */
export function useColour(stdoutIsTty: boolean, env: Readonly<Record<string, unknown>>): boolean {
  const noColour = env['NO_COLOR'];
  return stdoutIsTty && (noColour === undefined || noColour === '');
}
