import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CommandFailedError, exec } from '../lib/exec';
import { RegistryRefusedError } from '../lib/errors';
import { heartbeat, log } from '../lib/log';
import { paths } from '../lib/paths';
import { requireGo } from './go-toolchain';
import { type GoModulePin, pinFolderName, pinnedModules } from './pin';

interface BuildStamp {
  readonly module: string;
  readonly moduleVersion: string;
  readonly version: string;
  readonly commands: readonly string[];
  readonly goVersion: string;
  readonly builtAt: string;
}

export function binDirFor(pin: GoModulePin): string {
  return path.join(paths.binariesRoot, pinFolderName(pin));
}

const stampFile = (pin: GoModulePin): string => path.join(binDirFor(pin), 'stamp.json');

/** True when the cache holds every command of exactly this pin. */
export async function isCached(pin: GoModulePin): Promise<boolean> {
  if (!existsSync(stampFile(pin))) return false;
  const stamp = JSON.parse(await readFile(stampFile(pin), 'utf8')) as Partial<BuildStamp>;
  return (
    stamp.moduleVersion === pin.moduleVersion &&
    pin.commands.every((command) => existsSync(path.join(binDirFor(pin), command))) &&
    (!pin.configFolder || existsSync(path.join(binDirFor(pin), pin.configFolder)))
  );
}

/** The registry's own words when it refuses a module version (403/404/410 from the proxy). */
export function registryRefusal(output: string): string | undefined {
  return output
    .split('\n')
    .find((line) => /(403 Forbidden|404 Not Found|410 Gone|not available|unknown revision)/.test(line))
    ?.trim();
}

function goEnv(pin: GoModulePin): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Never download another Go toolchain behind the operator's back.
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: pin.cgo ? '1' : '0',
    GOFLAGS: '-mod=mod',
  };
}

/**
 * Resolves the pinned module inside a private throwaway Go module. `go install
 * module/cmd/x@version` would do this in one step, but it also asks the proxy
 * for the module's version list and for each sub-path as a module of its own,
 * which a strict proxy may refuse; naming the module first avoids both.
 */
async function resolveModule(pin: GoModulePin, workDir: string): Promise<void> {
  await mkdir(workDir, { recursive: true });
  await writeFile(path.join(workDir, 'go.mod'), 'module govtrace.local/fabric-build\n\ngo 1.25\n');
  const packages = pin.commands.map((command) => `${pin.module}/cmd/${command}@${pin.moduleVersion}`);
  try {
    await exec('go', ['get', `${pin.module}@${pin.moduleVersion}`], {
      cwd: workDir,
      env: goEnv(pin),
      timeoutMs: 10 * 60_000,
    });
    await exec('go', ['get', ...packages], { cwd: workDir, env: goEnv(pin), timeoutMs: 10 * 60_000 });
  } catch (error) {
    const refusal = error instanceof CommandFailedError ? registryRefusal(error.stderr) : undefined;
    if (refusal) {
      throw new RegistryRefusedError(
        `The Go module proxy refuses ${pin.module}@${pin.moduleVersion} (Fabric ${pin.version}): ${refusal}`,
        'This is outside the project: the pinned module must be served by the Go module proxy.',
      );
    }
    throw error;
  }
}

async function compile(pin: GoModulePin, workDir: string, goVersion: string): Promise<void> {
  const target = binDirFor(pin);
  await mkdir(target, { recursive: true });
  const ldflags = pin.versionVariable ? ['-ldflags', `-X ${pin.versionVariable}=${pin.version}`] : [];
  let compiled = 0;
  const stop = heartbeat(`building ${pin.commands.join(', ')}`);
  try {
    await exec(
      'go',
      [
        'build',
        '-v',
        '-trimpath',
        ...ldflags,
        '-o',
        `${target}/`,
        ...pin.commands.map((c) => `${pin.module}/cmd/${c}`),
      ],
      {
        cwd: workDir,
        env: goEnv(pin),
        timeoutMs: 40 * 60_000,
        onLine: (line) => {
          if (!line.trim()) return;
          compiled += 1;
          if (compiled % 100 === 0) log.detail(`${pin.module}: ${compiled} packages compiled`);
        },
      },
    );
  } finally {
    stop();
  }
  if (pin.configFolder) await keepConfigFolder(pin, workDir);
  const stamp: BuildStamp = {
    module: pin.module,
    moduleVersion: pin.moduleVersion,
    version: pin.version,
    commands: pin.commands,
    goVersion,
    builtAt: new Date().toISOString(),
  };
  await writeFile(stampFile(pin), `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * Copies the module's default configuration beside the binaries, so the cache
 * folder is self-contained: clearing Go's module cache does not break `up`.
 */
async function keepConfigFolder(pin: GoModulePin, workDir: string): Promise<void> {
  const { stdout } = await exec('go', ['list', '-m', '-f', '{{.Dir}}', pin.module], {
    cwd: workDir,
    env: goEnv(pin),
    timeoutMs: 60_000,
  });
  const target = path.join(binDirFor(pin), pin.configFolder ?? '');
  await cp(path.join(stdout.trim(), pin.configFolder ?? ''), target, { recursive: true });
  // The module cache is read-only; our copy must not be.
  await chmod(target, 0o755);
}

/** Builds one pinned module's commands unless the cache already has them. */
export async function ensureBinaries(pin: GoModulePin): Promise<string> {
  if (await isCached(pin)) {
    log.detail(`${pin.module} ${pin.version}: cached in ${path.relative(paths.repoRoot, binDirFor(pin))}`);
    return binDirFor(pin);
  }
  const goVersion = await requireGo(pin.minimumGo);
  const workDir = path.join(paths.goBuildRoot, pinFolderName(pin));
  log.step(`Building ${pin.commands.join(', ')} from ${pin.module} ${pin.version} with Go ${goVersion}`);
  log.detail('(first time only; a few minutes on 2 cores — later runs reuse the cache)');
  await resolveModule(pin, workDir);
  await compile(pin, workDir, goVersion);
  log.step(`${pin.module} ${pin.version}: built into ${path.relative(paths.repoRoot, binDirFor(pin))}`);
  return binDirFor(pin);
}

/**
 * Builds every pinned module. A refused module does not stop the others from
 * building (so the cache is as complete as the registry allows); the first
 * refusal is rethrown at the end.
 */
export async function ensureAllBinaries(): Promise<Map<string, string>> {
  const dirs = new Map<string, string>();
  let refusal: RegistryRefusedError | undefined;
  for (const pin of pinnedModules) {
    try {
      dirs.set(pin.module, await ensureBinaries(pin));
    } catch (error) {
      if (!(error instanceof RegistryRefusedError)) throw error;
      log.warn(error.message);
      refusal ??= error;
    }
  }
  if (refusal) throw refusal;
  return dirs;
}

/** PATH with the pinned binaries first, for child processes. */
export function pathWithBinaries(): string {
  return [...pinnedModules.map(binDirFor), process.env['PATH'] ?? ''].join(path.delimiter);
}
