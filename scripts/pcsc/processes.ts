/**
 * Starting pcscd and stopping processes by PID (never by name), for the simulator script and the
 * OpenSC test. Linux only: running processes are found through /proc.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { isTcpPortListening } from './procNet';

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

/** How to start pcscd. */
export interface StartPcscdOptions {
  /** stdout and stderr of pcscd go here (appended). */
  readonly logFile: string;
  /** Add `-a` so pcscd logs every APDU: handy when an OpenSC assertion fails. */
  readonly logApdus?: boolean;
}

/**
 * Runs `pcscd -f` (foreground, so it stays our child and its PID is the daemon's) with its
 * output in `logFile`. The caller must stop it with `stopProcess`.
 */
export function startPcscd(options: StartPcscdOptions): StartedProcess {
  const fd = openSync(options.logFile, 'a');
  try {
    const args = ['-f', ...(options.logApdus ? ['-a'] : [])];
    const child = spawn('/usr/sbin/pcscd', args, { stdio: ['ignore', fd, fd] });
    if (child.pid === undefined) throw new Error('pcscd could not be started');
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
      child.once('error', (error) => resolve(error.message));
    });
    return { pid: child.pid, child, exited };
  } finally {
    // The child has its own copy of the descriptor.
    closeSync(fd);
  }
}

/**
 * Waits until vpcd (inside pcscd) listens on `port`. Rejects after `timeoutMs`, or at once if
 * `started` is given and exits first (e.g. another pcscd already holds /run/pcscd).
 */
export async function waitForVpcdListening(port: number, timeoutMs: number, started?: StartedProcess): Promise<void> {
  let exit: number | string | null = null;
  void started?.exited.then((code) => (exit = code));
  const deadline = Date.now() + timeoutMs;
  while (!isTcpPortListening(port)) {
    if (exit !== null) throw new Error(`pcscd exited (${exit}) before vpcd listened on port ${port}`);
    if (Date.now() > deadline) throw new Error(`vpcd is not listening on port ${port} after ${timeoutMs} ms`);
    await sleep(50);
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
