import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GatewayError } from '@hyperledger/fabric-gateway';
import { paths } from '../../scripts/src';

// What identity e2e tests share: running an operator command as an operator would, and reading what
// the peers answered when they refused a proposal.

const execFileAsync = promisify(execFile);

export interface CommandResult {
  readonly code: number;
  /** stdout then stderr: progress lines and an OperatorError's message with its hint. */
  readonly output: string;
}

/** Runs `npm run <group> -- <args>` (through tsx, in the repository); never throws. */
export async function operatorCommand(group: string, args: readonly string[]): Promise<CommandResult> {
  return execFileAsync('npx', ['tsx', 'scripts/src/cli.ts', group, ...args], {
    cwd: paths.repoRoot,
    timeout: 170_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: unknown; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === 'number' ? error.code : -1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
}

/** The same, failing the test unless the command succeeds; its output. */
export async function operatorCommandSucceeds(group: string, args: readonly string[]): Promise<string> {
  const result = await operatorCommand(group, args);
  if (result.code !== 0) {
    throw new Error(`npm run ${group} -- ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  }
  return result.output;
}

/** Everything a GatewayError says, its per-peer details included. */
export function gatewayText(error: unknown): string {
  if (!(error instanceof GatewayError)) return String(error);
  return [error.message, ...error.details.map((d) => `${d.mspId}@${d.address}: ${d.message}`)].join('\n');
}

/** The error a promise rejects with, or undefined when it resolves. */
export async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (error: unknown) => error,
  );
}
