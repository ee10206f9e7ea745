/**
 * The whole of docs/test-rigs.md §A in one call: pcscd running (ours or the machine's), vpcd
 * listening, a card object connected to it through `VpcdBridge`, PC/SC seeing the card. Shared
 * by `npm run simulator:pcsc` and the OpenSC test so both set the rig up the same way.
 */

import { join } from 'node:path';
import { VpcdBridge, type VpcdBridgeEvent, type VpcdCard } from '../../src/simulator/pcsc/VpcdBridge';
import { VPCD_DEFAULT_PORT } from '../../src/simulator/pcsc/vpcdProtocol';
import { APT_INSTALL_COMMAND, missingPcscFiles } from './packages';
import { connectedClientCount, isTcpPortListening } from './procNet';
import { findPcscdPids, startPcscd, stopProcess, waitForVpcdListening, type StartedProcess } from './processes';
import { VPCD_READER_NAME, waitForCardInReader } from './tools';

/** What `startPcscRig` needs. */
export interface PcscRigOptions {
  /** A directory of the caller's; pcscd's log goes here when we start pcscd. */
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
  /** The pcscd in use, and whether we started it (then `stop()` stops it, by this PID). */
  readonly pcscd: { readonly pid: number | null; readonly startedByUs: boolean; readonly logFile: string | null };
  /** Closes the bridge, then stops pcscd if we started it. Idempotent. */
  stop(): Promise<void>;
}

/** Thrown when the Debian packages are missing; its message has the exact apt-get command. */
export class MissingPcscPackagesError extends Error {
  override readonly name = 'MissingPcscPackagesError';
}

/**
 * Starts (or joins) pcscd, connects `card` to vpcd's first reader and waits until PC/SC reports
 * it present. On any failure it undoes what it did before rethrowing.
 */
export async function startPcscRig(card: VpcdCard, options: PcscRigOptions): Promise<PcscRig> {
  const missing = missingPcscFiles();
  if (missing.length > 0) {
    const list = missing.map((m) => `  ${m.path} (${m.what}, package ${m.pkg})`).join('\n');
    throw new MissingPcscPackagesError(`missing:\n${list}\ninstall them as root with:\n  ${APT_INSTALL_COMMAND}`);
  }

  const port = VPCD_DEFAULT_PORT;
  let started: StartedProcess | null = null;
  let logFile: string | null = null;
  const running = findPcscdPids();
  if (running.length === 0) {
    logFile = join(options.workDir, 'pcscd.log');
    started = startPcscd({ logFile, logApdus: options.logApdus ?? false });
  }
  const stopPcscd = async (): Promise<void> => {
    if (started) await stopProcess(started);
  };

  let bridge: VpcdBridge | null = null;
  try {
    if (started) await waitForVpcdListening(port, 10_000, started);
    else if (!isTcpPortListening(port)) {
      throw new Error(
        `pcscd is running (PID ${running.join(', ')}) but vpcd does not listen on port ${port}; ` +
          'was vsmartcard-vpcd installed after pcscd started? Restart pcscd.',
      );
    }
    // vpcd serves one card per port; a second client would queue behind the first unnoticed.
    if (connectedClientCount(port) > 0) {
      throw new Error(`another virtual card is already connected to vpcd on port ${port} (is "npm run simulator:pcsc" running?)`);
    }
    bridge = new VpcdBridge(card, { port, ...(options.onEvent ? { onEvent: options.onEvent } : {}) }).start();
    await bridge.waitForConnection(10_000);
    await waitForCardInReader(VPCD_READER_NAME, options.env ?? process.env, 15_000);
  } catch (error) {
    await bridge?.close();
    await stopPcscd();
    throw error;
  }

  const openBridge = bridge;
  let stopping: Promise<void> | null = null;
  return {
    readerName: VPCD_READER_NAME,
    bridge: openBridge,
    pcscd: { pid: started?.pid ?? running[0] ?? null, startedByUs: started !== null, logFile },
    stop: () => (stopping ??= openBridge.close().then(stopPcscd)),
  };
}
