/**
 * The whole docs/test-rigs.md §A in one call: our own pcscd, loopback-only (vpcd inside a
 * network namespace of its own, `isolatedPcscd.ts`), a card object connected to it through
 * `VpcdBridge`, PC/SC seeing the card. Shared by `npm run simulator:pcsc`, the OpenSC test and
 * the bridge's end-to-end test so all set the rig up the same way.
 */

import { VpcdBridge, type VpcdBridgeEvent, type VpcdCard } from '../../src/simulator/pcsc/VpcdBridge';
import { VPCD_DEFAULT_PORT } from '../../src/simulator/pcsc/vpcdProtocol';
import { startIsolatedPcscd } from './isolatedPcscd';
import { APT_INSTALL_COMMAND, missingPcscFiles } from './packages';
import { findPcscdPids } from './processes';
import { VPCD_READER_NAME, waitForCardInReader } from './tools';

/** What `startPcscRig` needs. */
export interface PcscRigOptions {
  /** A private directory of the caller's (mode 0700): pcscd's config, log and the relay socket go here. */
  readonly workDir: string;
  /** Start pcscd with `-a` (APDU log). */
  readonly logApdus?: boolean;
  /** Environment for `opensc-tool -l` while waiting for the card (e.g. with OPENSC_CONF). */
  readonly env?: NodeJS.ProcessEnv;
  readonly onEvent?: (event: VpcdBridgeEvent) => void;
}

/** A running rig; `stop()` undoes exactly what `startPcscRig` did. */
export interface PcscRig {
  readonly readerName: string;
  readonly bridge: VpcdBridge;
  /** The pcscd we started (stopped by this PID), its log, and the relay into its namespace. */
  readonly pcscd: { readonly pid: number; readonly relayPid: number; readonly logFile: string };
  /** Closes the bridge, then stops the relay and pcscd. Idempotent. */
  stop(): Promise<void>;
}

/** Thrown when the Debian packages are missing; its message has the exact apt-get command. */
export class MissingPcscPackagesError extends Error {
  override readonly name = 'MissingPcscPackagesError';
}

/**
 * Starts a loopback-only pcscd, connects `card` to vpcd's first reader and waits until PC/SC
 * reports it present. Refuses to run beside another pcscd: only one can own /run/pcscd, and the
 * system's would load /etc/reader.conf.d/vpcd, which listens on every address. On any failure
 * it undoes what it did before rethrowing.
 */
export async function startPcscRig(card: VpcdCard, options: PcscRigOptions): Promise<PcscRig> {
  const missing = missingPcscFiles();
  if (missing.length > 0) {
    const list = missing.map((m) => `  ${m.path} (${m.what}, package ${m.pkg})`).join('\n');
    throw new MissingPcscPackagesError(`missing:\n${list}\ninstall them as root with:\n  ${APT_INSTALL_COMMAND}`);
  }
  const running = findPcscdPids();
  if (running.length > 0) {
    throw new Error(
      `a pcscd is already running (PID ${running.join(', ')}); the rig starts its own, loopback-only one. ` +
        'Stop it first (systemd: sudo systemctl stop pcscd.socket pcscd.service; otherwise stop that PID).',
    );
  }

  const pcscd = await startIsolatedPcscd({ workDir: options.workDir, port: VPCD_DEFAULT_PORT, logApdus: options.logApdus ?? false });
  let bridge: VpcdBridge | null = null;
  try {
    bridge = new VpcdBridge(card, {
      socketPath: pcscd.socketPath,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    }).start();
    await bridge.waitForConnection(10_000);
    await waitForCardInReader(VPCD_READER_NAME, options.env ?? process.env, 15_000);
  } catch (error) {
    await bridge?.close();
    await pcscd.stop();
    throw error;
  }

  const openBridge = bridge;
  let stopping: Promise<void> | null = null;
  return {
    readerName: VPCD_READER_NAME,
    bridge: openBridge,
    pcscd: { pid: pcscd.pid, relayPid: pcscd.relayPid, logFile: pcscd.logFile },
    stop: () => (stopping ??= openBridge.close().then(() => pcscd.stop())),
  };
}
