import { existsSync } from 'node:fs';

import { CommandFailedError, exec } from '../lib/exec';
import { OperatorError } from '../lib/errors';
import { heartbeat, log, timed } from '../lib/log';

/** Debian's chromium package puts its launcher here; the browser tests use this one, not a download. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Installed with it: a CJK font, without which the page's Chinese text renders as empty boxes in the
 * screenshots (the page names no web font: it loads nothing from outside the gateway).
 */
const PACKAGES = ['chromium', 'fonts-wqy-zenhei'] as const;
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

// apt can take minutes on a slow mirror; bounded so a hung mirror fails the run instead of stalling it.
const APT_TIMEOUT_MS = 15 * 60_000;

/** apt-get as root directly, otherwise through password-less sudo (`-n`: fail rather than prompt). */
function aptCommand(args: readonly string[]): [string, string[]] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root ? ['apt-get', [...args]] : ['sudo', ['-n', 'apt-get', ...args]];
}

async function apt(args: readonly string[]): Promise<void> {
  const [program, programArgs] = aptCommand(args);
  const stop = heartbeat(`apt-get ${args[0] ?? ''}`);
  try {
    await exec(program, programArgs, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeoutMs: APT_TIMEOUT_MS,
      // apt's own progress lines ("Get:12 …", "Setting up …") are the progress display
      onLine: (line) => {
        if (line.trim() !== '') log.detail(line);
      },
    });
  } finally {
    stop();
  }
}

/**
 * Makes sure Chromium is installed at CHROMIUM_PATH, installing Debian's package when it is not.
 * A stale package index is the usual reason `install` fails, so it updates once and retries.
 * Returns the executable path.
 */
export async function ensureChromium(): Promise<string> {
  if (existsSync(CHROMIUM_PATH) && existsSync(CJK_FONT)) return CHROMIUM_PATH;
  log.step(
    `Chromium or its CJK font is not installed; installing the Debian packages ${PACKAGES.join(', ')}`,
  );
  try {
    await timed(`apt-get install -y ${PACKAGES.join(' ')}`, async () => {
      try {
        await apt(['install', '-y', ...PACKAGES]);
      } catch (error) {
        if (!(error instanceof CommandFailedError)) throw error;
        log.warn('install failed; refreshing the package index and trying once more');
        await apt(['update']);
        await apt(['install', '-y', ...PACKAGES]);
      }
    });
  } catch (error) {
    throw new OperatorError(
      `Could not install Chromium: ${error instanceof Error ? error.message : String(error)}`,
      `Install them by hand as root (DEBIAN_FRONTEND=noninteractive apt-get install -y ${PACKAGES.join(' ')}), then rerun.`,
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new OperatorError(
      `apt-get installed chromium but ${CHROMIUM_PATH} is still missing`,
      'Check `dpkg -L chromium` for where this distribution puts the launcher.',
    );
  }
  return CHROMIUM_PATH;
}

// `npx tsx scripts/src/browser/ensure-chromium.ts` installs it by hand.
if (require.main === module) {
  ensureChromium().then(
    (executable) => log.step(`Chromium ready: ${executable}`),
    (error: unknown) => {
      console.error(error instanceof OperatorError && error.hint ? `${error.message}\n${error.hint}` : error);
      process.exitCode = 1;
    },
  );
}
