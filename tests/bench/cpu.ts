import { readFileSync } from 'node:fs';

/**
 * CPU time of processes, from /proc (Linux), so a benchmark on a shared machine can say what one
 * request costs each process rather than only how many requests per second the machine managed.
 * Field 14 and 15 of /proc/<pid>/stat are user and system time in clock ticks (100 per second).
 */

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The whole machine's busy and total CPU seconds (every core), from the first line of /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const values = ticks.map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  // idle and iowait
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

export interface CpuUse<Group extends string> {
  /** CPU seconds each group of processes used during the run. */
  seconds: Record<Group, number>;
  /** The machine's busy CPU seconds (every process, other work on it included) and its capacity (cores × wall time). */
  machine: { busy: number; capacity: number };
}

/**
 * Runs `run` and measures the CPU each group of processes used meanwhile. A group's processes are
 * listed before and after (a pool may open connections during the run: a process first seen after
 * it counts from its start, which is within the run).
 */
export async function cpuDuring<Group extends string, T>(groups: Record<Group, () => Promise<number[]>>, run: () => Promise<T>): Promise<{ result: T; use: CpuUse<Group> }> {
  const names = Object.keys(groups) as Group[];
  const snapshot = async () => new Map(await Promise.all(names.map(async (name) => [name, new Map((await groups[name]()).map((pid) => [pid, cpuSecondsOf(pid)]))] as const)));
  const before = await snapshot();
  const machineBefore = machineCpuSeconds();
  const result = await run();
  const machineAfter = machineCpuSeconds();
  const after = await snapshot();
  const seconds = Object.fromEntries(
    names.map((name) => {
      const start = before.get(name)!;
      const used = [...after.get(name)!].reduce((sum, [pid, cpu]) => sum + cpu - (start.get(pid) ?? 0), 0);
      return [name, used];
    }),
  ) as Record<Group, number>;
  return { result, use: { seconds, machine: { busy: machineAfter.busy - machineBefore.busy, capacity: machineAfter.total - machineBefore.total } } };
}
