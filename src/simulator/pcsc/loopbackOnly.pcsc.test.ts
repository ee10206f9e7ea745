/**
 * Issue 12 §5: nothing the PC/SC setup starts listens beyond loopback. Starts the same rig as
 * `npm run simulator:pcsc` and the OpenSC test (pcscd + vpcd + the relay + the simulated card),
 * then reads, for every process of it, the TCP sockets it listens on (/proc/<pid>/fd and the
 * tables of its own network namespace) and asserts none can be reached from another host.
 */

import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenersOf, parseInterfaceNames, reachableBeyondLoopback } from '../../../scripts/pcsc/listeners';
import { ensurePcscPackages, VPCD_SYSTEM_CONF } from '../../../scripts/pcsc/packages';
import { isTcpPortListening, readTcpSockets } from '../../../scripts/pcsc/procNet';
import { startPcscRig, type PcscRig } from '../../../scripts/pcsc/rig';
import { SimulatedCard, loadPersonalisation } from '../index';
import { VPCD_DEFAULT_PORT } from './vpcdProtocol';

let workDir = '';
let rig: PcscRig | null = null;

beforeAll(async () => {
  await ensurePcscPackages();
  workDir = mkdtempSync(join(tmpdir(), 'mynalens-loopback-'));
  rig = await startPcscRig(new SimulatedCard(await loadPersonalisation('adult')), { workDir });
});

afterAll(async () => {
  await rig?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the PC/SC rig listens on loopback only', () => {
  it('vpcd listens, inside pcscd’s own namespace, whose only interface is lo', () => {
    const pid = rig!.pcscd.pid;
    expect(readlinkSync(`/proc/${pid}/ns/net`)).not.toBe(readlinkSync('/proc/self/ns/net'));
    expect(parseInterfaceNames(readFileSync(`/proc/${pid}/net/dev`, 'utf8'))).toEqual(['lo']);
    expect(listenersOf(pid).map((l) => l.port)).toContain(VPCD_DEFAULT_PORT);
  });

  it('no process of the rig listens where another host could reach it', () => {
    const pids = [rig!.pcscd.pid, rig!.pcscd.relayPid, process.pid];
    const listeners = pids.flatMap((pid) => listenersOf(pid));
    expect(listeners.filter(reachableBeyondLoopback)).toEqual([]);
  });

  it('nothing listens on vpcd’s port in this machine’s own namespace', () => {
    expect(isTcpPortListening(VPCD_DEFAULT_PORT, readTcpSockets())).toBe(false);
    expect(isTcpPortListening(VPCD_DEFAULT_PORT + 1, readTcpSockets())).toBe(false);
  });

  it('Debian’s reader.conf for vpcd, which listens on every address, is out of pcscd’s way', () => {
    expect(existsSync(VPCD_SYSTEM_CONF)).toBe(false);
  });
});
