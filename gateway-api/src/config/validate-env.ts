import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { defaultLogFormat } from '../common/logging/log-format';
import { EnvironmentVariables, runtimeFileDefaults } from './env.schema';

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** Thrown at start-up; its message lists every bad variable so one run shows all of them. */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    // one line, so it stays readable inside a JSON log entry
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} ${p.message}`).join('; ')}`);
  }
}

/**
 * The `validate` hook of ConfigModule.forRoot. An empty variable counts as unset (`PORT=` in a
 * .env file means "use the default", not "port 0"). Values are never echoed: later variables
 * will hold secrets. `stdoutIsTty` picks LOG_FORMAT's default; tests pass it to be independent of
 * how they were started.
 */
export function validateEnv(
  env: Record<string, unknown>,
  stdoutIsTty: boolean = process.stdout.isTTY === true,
): EnvironmentVariables {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  // the runtime files move with GOVTRACE_HOME, as the scripts that write them do
  const config = plainToInstance(
    EnvironmentVariables,
    { ...runtimeFileDefaults(present), LOG_FORMAT: defaultLogFormat(stdoutIsTty), ...present },
    {
      excludeExtraneousValues: true,
      exposeDefaultValues: true,
    },
  );
  const errors = validateSync(config, {
    stopAtFirstError: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.flatMap((error) =>
        Object.values(error.constraints ?? {}).map((message) => ({
          variable: error.property,
          message: withoutSubject(message, error.property),
        })),
      ),
    );
  }
  return config;
}

/** class-validator writes "PORT must be …"; the problem is kept apart from the variable it names. */
function withoutSubject(message: string, variable: string): string {
  return message.startsWith(`${variable} `) ? message.slice(variable.length + 1) : message;
}
