import { spawn } from 'node:child_process';
import { OperatorError } from './errors';

export interface ExecOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the command after this long; every external call is bounded. */
  readonly timeoutMs?: number;
  /** Called with each complete line of stdout+stderr, for progress display. */
  readonly onLine?: (line: string) => void;
}

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
}

export class CommandFailedError extends OperatorError {
  override readonly name = 'CommandFailedError';

  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    const tail = lastLines(stderr || stdout, 15);
    super(`\`${command}\` failed (exit ${exitCode ?? 'killed'})${tail ? `:\n${tail}` : ''}`);
  }
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** Runs a program (no shell), collecting its output; rejects with the output's tail on failure. */
export function exec(
  program: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const display = [program, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const forward = (chunk: string): void => {
      if (!options.onLine) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach((line) => options.onLine?.(line));
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      forward(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      forward(chunk);
    });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          stderr += `\n(killed after ${options.timeoutMs} ms)`;
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new OperatorError(`\`${program}\` was not found`, 'Check that it is installed and on PATH.')
          : error,
      );
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new CommandFailedError(display, code, stdout, stderr));
    });
  });
}
