import { exec } from '../lib/exec';
import { OperatorError } from '../lib/errors';

/** Parses `go version go1.26.8 linux/amd64` → "1.26.8"; undefined when unrecognisable. */
export function parseGoVersion(output: string): string | undefined {
  return /\bgo(\d+\.\d+(?:\.\d+)?)\b/.exec(output)?.[1];
}

/** Numeric comparison of dotted versions: negative when a < b. Missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Checks that a Go toolchain at least `minimum` is on PATH; returns its version. */
export async function requireGo(minimum: string): Promise<string> {
  let output: string;
  try {
    output = (await exec('go', ['version'], { timeoutMs: 30_000 })).stdout;
  } catch {
    throw new OperatorError(
      'Go is not installed or not on PATH; it is needed to build the Fabric binaries.',
      `Install Go ${minimum} or newer (https://go.dev/doc/install) and run the command again.`,
    );
  }
  const version = parseGoVersion(output);
  if (!version) throw new OperatorError(`Could not read the Go version from "${output.trim()}".`);
  if (compareVersions(version, minimum) < 0) {
    throw new OperatorError(
      `Go ${version} is too old: the pinned Fabric release needs Go ${minimum} or newer.`,
      'Upgrade Go, or set GOTOOLCHAIN to a newer approved toolchain, and run the command again.',
    );
  }
  return version;
}
