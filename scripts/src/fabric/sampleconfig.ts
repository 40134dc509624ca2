import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { exec } from '../lib/exec';
import { OperatorError } from '../lib/errors';
import { fabricPin } from './pin';

/**
 * Fabric's own defaults (core.yaml, orderer.yaml) come from the pinned
 * module's sampleconfig/ in the Go module cache, which `fabric build` filled.
 * We copy them into the runtime folder and override what we need with
 * CORE_* / ORDERER_* environment variables, instead of keeping long copies of
 * Fabric's configuration in the repository.
 */
export async function sampleconfigDir(): Promise<string> {
  const { stdout } = await exec('go', ['env', 'GOMODCACHE'], { timeoutMs: 30_000 });
  const dir = path.join(stdout.trim(), `${fabricPin.module}@${fabricPin.moduleVersion}`, 'sampleconfig');
  if (!existsSync(path.join(dir, 'core.yaml'))) {
    throw new OperatorError(
      `Fabric's sampleconfig is missing from the Go module cache (${dir}).`,
      'Run `npm run fabric:build`, which downloads the pinned Fabric module.',
    );
  }
  return dir;
}

/** Copies one sampleconfig file into `targetDir` (created if needed) and returns that folder. */
export async function installSampleconfig(
  file: 'core.yaml' | 'orderer.yaml',
  targetDir: string,
): Promise<string> {
  await mkdir(targetDir, { recursive: true });
  await copyFile(path.join(await sampleconfigDir(), file), path.join(targetDir, file));
  return targetDir;
}
