import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';
import { binDirFor } from './build-binaries';
import { fabricPin } from './pin';

/**
 * Fabric's own defaults (core.yaml, orderer.yaml) come from the pinned
 * release's sampleconfig/, which `fabric build` keeps beside the binaries.
 * We copy them into the runtime folder and override what we need with
 * CORE_* / ORDERER_* environment variables, instead of keeping long copies of
 * Fabric's configuration in the repository.
 */
export function sampleconfigDir(): string {
  const dir = path.join(binDirFor(fabricPin), fabricPin.configFolder ?? 'sampleconfig');
  if (!existsSync(path.join(dir, 'core.yaml'))) {
    throw new OperatorError(
      `Fabric's sampleconfig is missing beside the binaries (${dir}).`,
      'Run `npm run fabric:build`.',
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
  const target = path.join(targetDir, file);
  await copyFile(path.join(sampleconfigDir(), file), target);
  return targetDir;
}
