import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { OperatorError } from '../lib/errors';

/** Creates the folder if needed and makes it owner-only (0700), also when it existed with looser modes. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/**
 * Writes a file readable by its owner only (0600) in an owner-only folder.
 * The content goes to a temporary file that is renamed over the target, so a
 * reader (the gateway re-reads identities.json when it changes) never sees half
 * a file, and a crash never leaves one.
 */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await ensurePrivateDir(path.dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content, { mode: 0o600 });
    await chmod(temporary, 0o600); // the umask cannot loosen it, but an old leftover might exist
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes JSON, 0600. An unchanged file is left alone (only its modes are
 * checked), so a watcher such as the gateway is not woken by every `up`.
 */
export async function writePrivateJson(file: string, value: unknown): Promise<void> {
  const content = `${JSON.stringify(value, null, 2)}\n`;
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current !== content) return writePrivateFile(file, content);
  await ensurePrivateDir(path.dirname(file));
  await chmod(file, 0o600);
}

/** Reads and parses a JSON file; undefined when it does not exist. A broken file is named, not overwritten. */
export async function readJsonIfExists(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new OperatorError(
      `${file} is not valid JSON (${(error as Error).message})`,
      'Fix or remove the file; it is rewritten by `npm run network -- up` (a removed tokens file means new tokens).',
    );
  }
}
