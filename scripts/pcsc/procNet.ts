/**
 * Who listens on, and who is connected to, a local TCP port, read from Linux's /proc/net/tcp and
 * /proc/net/tcp6 (or /proc/<pid>/net/…, the tables of that process's network namespace). Used
 * instead of a probe connection because vpcd takes any connection for a card: knocking on its
 * port would insert and remove a phantom card.
 */

import { readFileSync } from 'node:fs';

/** TCP states as the kernel numbers them (include/net/tcp_states.h). */
export const TCP_ESTABLISHED = 0x01;
export const TCP_LISTEN = 0x0a;

/** One row of /proc/net/tcp{,6}: the ports and state of one socket. */
export interface TcpSocketEntry {
  readonly localAddress: string;
  readonly localPort: number;
  readonly remotePort: number;
  readonly state: number;
  /** The socket's inode, which /proc/<pid>/fd links name as `socket:[inode]`. */
  readonly inode: number;
}

/** Parses the text of /proc/net/tcp or /proc/net/tcp6; skips the header and any malformed row. */
export function parseProcNetTcp(text: string): TcpSocketEntry[] {
  const entries: TcpSocketEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [local, remote, state, inode] = [fields[1], fields[2], fields[3], fields[9]];
    if (!local || !remote || !state || !inode) continue;
    const [localAddress, localPort] = local.split(':');
    const remotePort = remote.split(':')[1];
    if (!localAddress || !localPort || !remotePort) continue;
    entries.push({
      localAddress,
      localPort: parseInt(localPort, 16),
      remotePort: parseInt(remotePort, 16),
      state: parseInt(state, 16),
      inode: parseInt(inode, 10),
    });
  }
  return entries;
}

/**
 * Every TCP socket of a network namespace, IPv4 and IPv6: ours, or with `pid` the namespace that
 * process lives in (the loopback-only rig runs pcscd in a namespace of its own).
 */
export function readTcpSockets(pid?: number): TcpSocketEntry[] {
  const out: TcpSocketEntry[] = [];
  const base = pid === undefined ? '/proc/net' : `/proc/${pid}/net`;
  for (const file of [`${base}/tcp`, `${base}/tcp6`]) {
    try {
      out.push(...parseProcNetTcp(readFileSync(file, 'utf8')));
    } catch {
      // No IPv6 on this kernel: that table is simply absent.
    }
  }
  return out;
}

/** True if something listens on `port` (any address). */
export function isTcpPortListening(port: number, sockets: readonly TcpSocketEntry[] = readTcpSockets()): boolean {
  return sockets.some((s) => s.localPort === port && s.state === TCP_LISTEN);
}

/** How many accepted connections the listener on `port` holds, i.e. clients connected to it. */
export function connectedClientCount(port: number, sockets: readonly TcpSocketEntry[] = readTcpSockets()): number {
  return sockets.filter((s) => s.localPort === port && s.state === TCP_ESTABLISHED).length;
}
