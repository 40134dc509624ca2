import { readFileSync } from 'node:fs';

import { isChaincodeServer, type RunningProcess, runningProcesses } from './processes';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every common build). */
const TICKS_PER_SECOND = 100;

/** Which part of the system a process is, from its command line; undefined for anything else. */
function groupOf(running: RunningProcess): string | undefined {
  const program = running.args[0] ?? '';
  if (program.endsWith('/peer') && running.args[1] === 'node') return 'peers';
  if (program.endsWith('/orderer')) return 'orderers';
  if (program.endsWith('/fabric-ca-server')) return 'CAs';
  if (isChaincodeServer(running)) return 'chaincode servers';
  return undefined;
}

/** The network's processes by group, and the given others (the gateway, the bench's own client). */
export function processGroups(others: Record<string, number>): Record<string, number[]> {
  const groups: Record<string, number[]> = Object.fromEntries(
    Object.entries(others).map(([name, pid]) => [name, [pid]]),
  );
  for (const running of runningProcesses()) {
    const group = groupOf(running);
    if (group !== undefined) (groups[group] ??= []).push(running.pid);
  }
  return groups;
}

/** User + system CPU seconds a process has used so far (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces; the fields after its closing parenthesis do not
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds each group used between construction and stop(). */
export class CpuUsage {
  readonly #start: Map<number, number>;

  constructor(private readonly groups: Record<string, readonly number[]>) {
    this.#start = new Map(
      Object.values(groups)
        .flat()
        .map((pid) => [pid, cpuSeconds(pid)]),
    );
  }

  stop(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.groups).map(([group, pids]) => [
        group,
        pids.reduce((sum, pid) => sum + cpuSeconds(pid) - (this.#start.get(pid) ?? 0), 0),
      ]),
    );
  }
}

/** Per measurement: CPU milliseconds per operation of each group, and the wall time it had. */
export interface CpuAccount {
  readonly measurement: string;
  readonly operations: number;
  readonly wallSeconds: number;
  readonly msPerOperation: Record<string, number>;
}

/** Runs `work` while counting each group's CPU time, and divides it by the operations done. */
export async function withCpuAccount<T extends { operations: number; seconds: number; name: string }>(
  groups: Record<string, readonly number[]>,
  work: () => Promise<T>,
): Promise<{ result: T; account: CpuAccount }> {
  const usage = new CpuUsage(groups);
  const result = await work();
  const used = usage.stop();
  const per = (seconds: number): number =>
    result.operations === 0 ? 0 : (seconds * 1000) / result.operations;
  return {
    result,
    account: {
      measurement: result.name,
      operations: result.operations,
      wallSeconds: result.seconds,
      msPerOperation: Object.fromEntries(
        Object.entries(used).map(([group, seconds]) => [group, per(seconds)]),
      ),
    },
  };
}

/** The accounts as a Markdown table: CPU ms per operation by group, and the total. */
export function renderCpuAccounts(accounts: readonly CpuAccount[]): string {
  const groups = [...new Set(accounts.flatMap((a) => Object.keys(a.msPerOperation)))];
  return [
    `| CPU ms per operation | ${groups.join(' | ')} | total |`,
    `| --- | ${groups.map(() => '---:').join(' | ')} | ---: |`,
    ...accounts.map((a) => {
      const values = groups.map((g) => a.msPerOperation[g] ?? 0);
      const total = values.reduce((sum, v) => sum + v, 0);
      return `| ${a.measurement} | ${values.map((v) => v.toFixed(2)).join(' | ')} | ${total.toFixed(2)} |`;
    }),
  ].join('\n');
}
