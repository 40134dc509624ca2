import { readdirSync, readFileSync } from 'node:fs';

/** A running process and its command line (program first), read from /proc. */
export interface RunningProcess {
  readonly pid: number;
  readonly args: readonly string[];
}

/** Every process whose command line can be read now (one that exits meanwhile is skipped). */
export function runningProcesses(): RunningProcess[] {
  const processes: RunningProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      processes.push({
        pid: Number(entry),
        args: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'),
      });
    } catch {
      // gone meanwhile
    }
  }
  return processes;
}

/** A chaincode server: fabric-shim's `server` command, one per peer organisation and definition. */
export function isChaincodeServer({ args }: RunningProcess): boolean {
  return args.some((arg) => arg.endsWith('fabric-shim/cli.js'));
}
