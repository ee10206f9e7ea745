/**
 * pcscd with vsmartcard's vpcd reader in a network namespace of its own (issue 12 §5). Debian's
 * vpcd listens on every address (its `opensock` binds INADDR_ANY; port 35963), so with the
 * package's /etc/reader.conf.d/vpcd any host on the network could present a card to every PC/SC
 * program here. Here pcscd instead:
 *
 * - reads a private reader.conf.d (`pcscd -c <dir>`), never /etc/reader.conf.d;
 * - runs under `unshare --net`, in a namespace whose only interface is `lo`, so vpcd's port is
 *   reachable from nowhere but that namespace (PC/SC clients still reach pcscd: its socket
 *   /run/pcscd/pcscd.comm is a file, not a network address);
 * - is reached by the simulator through `vpcdRelay.mjs`, started inside the namespace with
 *   `nsenter`, which relays a Unix socket in our private work directory (mode 0700) to vpcd.
 *
 * vpcd's reverse mode (vpcd connects out to a card server on 127.0.0.1) was tried first: Debian's
 * vpcd 3.3 aborts pcscd ("bit out of range 0 - FD_SETSIZE on fd_set") as soon as one reverse
 * connection drops, so a card could never be taken out. Linux only; needs root (unshare, nsenter).
 */

import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTcpPortListening, readTcpSockets } from './procNet';
import { sleep, stopProcess, type StartedProcess } from './processes';

/** What `startIsolatedPcscd` needs. */
export interface IsolatedPcscdOptions {
  /** A private directory of the caller's: config, logs and the relay socket go here. */
  readonly workDir: string;
  /** vpcd's first slot port inside the namespace. */
  readonly port: number;
  /** Start pcscd with `-a` (APDU log). */
  readonly logApdus?: boolean;
}

/** A running isolated pcscd; `stop()` stops the relay and pcscd, by PID. */
export interface IsolatedPcscd {
  readonly pid: number;
  readonly relayPid: number;
  /** The Unix socket a virtual card connects to (`VpcdBridge`'s `socketPath`). */
  readonly socketPath: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

/** The relay script, found relative to this file so any working directory works. */
const RELAY_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'vpcdRelay.mjs');

/** Debian's /etc/reader.conf.d/vpcd, unchanged: vpcd in server mode on `port` (and `port + 1`). */
export function vpcdReaderConf(port: number): string {
  const hex = `0x${port.toString(16).toUpperCase()}`;
  return [
    '# Written by scripts/pcsc/isolatedPcscd.ts for a pcscd in its own network namespace.',
    'FRIENDLYNAME "Virtual PCD"',
    `DEVICENAME   /dev/null:${hex}`,
    'LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so',
    `CHANNELID    ${hex}`,
    '',
  ].join('\n');
}

function spawnLogged(command: string, args: readonly string[], logFile: string): StartedProcess {
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(command, [...args], { stdio: ['ignore', fd, fd] });
    if (child.pid === undefined) throw new Error(`${command} could not be started`);
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
      child.once('error', (error) => resolve(error.message));
    });
    return { pid: child.pid, child, exited };
  } finally {
    closeSync(fd); // the child has its own copy
  }
}

async function waitFor(what: string, ready: () => boolean, process: StartedProcess, timeoutMs: number): Promise<void> {
  let exit: number | string | null = null;
  void process.exited.then((code) => (exit = code));
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (exit !== null) throw new Error(`${what}: the process exited (${exit}) first`);
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Starts pcscd in its own network namespace and the relay into it. Undoes everything on failure. */
export async function startIsolatedPcscd(options: IsolatedPcscdOptions): Promise<IsolatedPcscd> {
  const confDir = join(options.workDir, 'reader.conf.d');
  mkdirSync(confDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(confDir, 'vpcd'), vpcdReaderConf(options.port));
  const logFile = join(options.workDir, 'pcscd.log');
  const relayLog = join(options.workDir, 'relay.log');
  const socketPath = join(options.workDir, 'vpcd.sock');

  // unshare and sh both exec in place, so the PID we get is pcscd's own: we stop exactly it.
  const pcscdArgs = ['-f', '-c', confDir, ...(options.logApdus ? ['-a'] : [])];
  const pcscd = spawnLogged(
    '/usr/bin/unshare',
    ['--net', '--', '/bin/sh', '-c', 'ip link set lo up && exec /usr/sbin/pcscd "$@"', 'pcscd', ...pcscdArgs],
    logFile,
  );
  let relay: StartedProcess | null = null;
  const stop = async (): Promise<void> => {
    if (relay) await stopProcess(relay);
    await stopProcess(pcscd);
  };
  try {
    await waitFor(
      `vpcd listening on port ${options.port} in pcscd's namespace (log ${logFile})`,
      () => isTcpPortListening(options.port, readTcpSockets(pcscd.pid)),
      pcscd,
      10_000,
    );
    relay = spawnLogged(
      '/usr/bin/nsenter',
      [`--net=/proc/${pcscd.pid}/ns/net`, '--', process.execPath, RELAY_SCRIPT, socketPath, String(options.port)],
      relayLog,
    );
    const started = relay;
    await waitFor(`the vpcd relay listening on ${socketPath} (log ${relayLog})`, () => existsSync(socketPath), started, 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: pcscd.pid, relayPid: relay.pid, socketPath, logFile, stop };
}
