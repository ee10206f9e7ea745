/**
 * Which TCP sockets a process listens on, and whether anything beyond this machine's loopback can
 * reach them (issue 12 §5: nothing the tests install may listen beyond loopback). Read from
 * Linux's /proc: a process's open sockets are `socket:[inode]` links in /proc/<pid>/fd, and the
 * tables of its network namespace are /proc/<pid>/net/{tcp,tcp6,dev}.
 */

import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { TCP_LISTEN, readTcpSockets, type TcpSocketEntry } from './procNet';

/** A listening socket of one process, with who can reach it. */
export interface Listener {
  readonly pid: number;
  readonly address: string;
  readonly port: number;
  /** The network interfaces of the process's namespace, e.g. `['lo']` for an isolated one. */
  readonly interfaces: readonly string[];
}

/**
 * True if the kernel's hex address (as in /proc/net/tcp{,6}) is a loopback address: 127.0.0.0/8,
 * ::1, or ::ffff:127.x.x.x. The IPv4 form is the address's bytes in host order (little-endian
 * on x86 and ARM): 127.0.0.1 is `0100007F`.
 */
export function isLoopbackHex(address: string): boolean {
  if (address.length === 8) return address.slice(6, 8).toUpperCase() === '7F';
  if (address.length !== 32) return false;
  const upper = address.toUpperCase();
  if (upper === '00000000000000000000000001000000') return true; // ::1, four host-order words
  // ::ffff:a.b.c.d: words 0000 0000, 0000 0000, FFFF 0000 in host order, then the IPv4 word.
  return upper.startsWith('0000000000000000FFFF0000') && upper.slice(30, 32) === '7F';
}

/** The interface names in a /proc/net/dev text (the two header lines skipped). */
export function parseInterfaceNames(text: string): string[] {
  return text
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0]?.trim() ?? '')
    .filter((name) => name.length > 0);
}

/** The socket inodes `pid` holds open; empty if the process is gone or not ours to read. */
export function socketInodesOf(pid: number): Set<number> {
  const inodes = new Set<number>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(Number(match[1]));
    } catch {
      // The descriptor closed while we looked.
    }
  }
  return inodes;
}

/** The listening TCP sockets among `sockets` that `inodes` owns. */
export function listenersAmong(sockets: readonly TcpSocketEntry[], inodes: ReadonlySet<number>): TcpSocketEntry[] {
  return sockets.filter((s) => s.state === TCP_LISTEN && inodes.has(s.inode));
}

/** Every TCP socket `pid` listens on, in its own network namespace. */
export function listenersOf(pid: number): Listener[] {
  const interfaces = parseInterfaceNames(readFileSync(`/proc/${pid}/net/dev`, 'utf8'));
  return listenersAmong(readTcpSockets(pid), socketInodesOf(pid)).map((s) => ({
    pid,
    address: s.localAddress,
    port: s.localPort,
    interfaces,
  }));
}

/**
 * True if something other than this machine's loopback can reach the listener: it is bound to a
 * non-loopback address (e.g. 0.0.0.0) in a namespace that has an interface other than `lo`.
 */
export function reachableBeyondLoopback(listener: Listener): boolean {
  if (isLoopbackHex(listener.address)) return false;
  return listener.interfaces.some((name) => name !== 'lo');
}
