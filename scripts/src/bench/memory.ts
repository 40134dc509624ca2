import { readFileSync } from 'node:fs';

import { isChaincodeServer, runningProcesses } from './processes';

/** Resident memory of a process in MB (VmRSS from /proc), or undefined once it is gone. */
export function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * The chaincode servers of one definition, found by their command line:
 * `--chaincode-id <definition>_<hash>:<package id>`.
 */
export function chaincodeServerPids(definition: string): number[] {
  return runningProcesses()
    .filter((running) => {
      const id = running.args[running.args.indexOf('--chaincode-id') + 1] ?? '';
      return isChaincodeServer(running) && id.startsWith(`${definition}_`);
    })
    .map(({ pid }) => pid);
}

/** The highest resident memory of each named process group, sampled every `intervalMs` until stopped. */
export class PeakMemory {
  readonly #peaks = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly groups: Record<string, readonly number[]>,
    intervalMs = 250,
  ) {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), intervalMs);
    this.#timer.unref();
  }

  /** Stops sampling; the peak per group in MB (the largest process of the group). */
  stop(): Record<string, number> {
    clearInterval(this.#timer);
    this.#sample();
    return Object.fromEntries(this.#peaks);
  }

  #sample(): void {
    for (const [group, pids] of Object.entries(this.groups)) {
      for (const pid of pids) {
        const mb = residentMb(pid);
        if (mb !== undefined && mb > (this.#peaks.get(group) ?? 0)) this.#peaks.set(group, mb);
      }
    }
  }
}
