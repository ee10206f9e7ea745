/**
 * Finding pcscd and stopping processes by PID (never by name), for the simulator script and the
 * PC/SC tests. Linux only: running processes are found through /proc.
 */

import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** A process this code started, with a promise that settles when it has exited. */
export interface StartedProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Settles with the exit code (or the signal name) once the process is gone and reaped. */
  readonly exited: Promise<number | string>;
}

/** The PIDs of running pcscd processes (zombies excluded), from /proc/<pid>/stat. */
export function findPcscdPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (stat && stat.comm === 'pcscd' && stat.state !== 'Z') pids.push(Number(name));
  }
  return pids;
}

/** True while `pid` exists and is not a zombie. */
export function isProcessAlive(pid: number): boolean {
  const stat = readProcStat(pid);
  return stat !== null && stat.state !== 'Z';
}

function readProcStat(pid: number): { comm: string; state: string } | null {
  try {
    // Format: "pid (comm) state ..."; comm may itself contain spaces or parentheses.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    return { comm: text.slice(open + 1, close), state: text.slice(close + 2, close + 3) };
  } catch {
    return null;
  }
}

/**
 * Stops one process by PID: SIGTERM, then SIGKILL if it is still there after `timeoutMs`.
 * Resolves once it is gone. Pass the `StartedProcess` for a child of ours so it is also reaped.
 */
export async function stopProcess(target: number | StartedProcess, timeoutMs = 5000): Promise<void> {
  const pid = typeof target === 'number' ? target : target.pid;
  // A child that already exited was reaped; its PID may belong to someone else by now.
  if (typeof target !== 'number' && (target.child.exitCode !== null || target.child.signalCode !== null)) return;
  const gone = typeof target === 'number' ? pollUntilGone(pid) : target.exited.then(() => undefined);
  if (!signal(pid, 'SIGTERM')) return;
  const stopped = await Promise.race([gone.then(() => true), sleep(timeoutMs).then(() => false)]);
  if (stopped) return;
  signal(pid, 'SIGKILL');
  await Promise.race([gone, sleep(timeoutMs)]);
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false; // already gone
  }
}

async function pollUntilGone(pid: number): Promise<void> {
  while (existsSync(`/proc/${pid}`) && isProcessAlive(pid)) await sleep(50);
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
