import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { deploy } from './deploy/deploy';
import { ensureAllBinaries } from './fabric/build-binaries';
import { exec } from './lib/exec';
import { gatewayNodeArguments } from './lib/gateway-command';
import { log, timed } from './lib/log';
import { paths } from './lib/paths';
import { networkUp } from './network/lifecycle';

/**
 * `npm start`: binaries, network, chaincode, then the gateway in the
 * foreground. Ctrl-C stops the gateway only; the network keeps running until
 * `npm run network -- down`.
 */
export async function startAll(): Promise<number> {
  await timed('fabric build', ensureAllBinaries);
  await timed('network up', networkUp);
  await timed('deploy', deploy);
  await timed('gateway build', () =>
    exec('npm', ['run', 'build', '-w', 'gateway-api'], { cwd: paths.repoRoot }),
  );
  const port = process.env['PORT'] ?? '3000';
  const base = `http://127.0.0.1:${port}`;
  log.step(`starting the gateway on ${base} (SQLite index: ${path.join(paths.runtimeRoot, 'gateway')})`);
  log.detail(`API docs:     ${base}/docs (OpenAPI: ${base}/docs-json)`);
  log.detail(`staff console: ${base}/console (sign in with a demo user's token from the file below)`);
  log.detail(`API tokens:   ${paths.apiTokensFile} (one per demo user; \`npm run users -- list\`)`);
  log.detail(`network logs: ${path.join(paths.networkRoot, 'logs')} (\`npm run network -- logs\`)`);
  log.detail('Ctrl-C stops the gateway; the network keeps running until `npm run network -- down`.');
  const gateway = spawn(process.execPath, gatewayNodeArguments(), {
    cwd: paths.repoRoot,
    stdio: 'inherit',
    env: process.env,
  });
  const forward = (signal: NodeJS.Signals): void => {
    gateway.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => gateway.on('exit', (code) => resolve(code ?? 0)));
}
