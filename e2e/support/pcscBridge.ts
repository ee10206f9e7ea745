/**
 * The real PC/SC stack for the bridge journey (`e2e/bridge-pcsc.spec.ts`): our loopback-only
 * pcscd with vpcd and the simulated adult card (scripts/pcsc/rig.ts, the same rig as
 * `npm run simulator:pcsc`), and `npm run bridge` itself as a child process — FFI to
 * libpcsclite, WebSocket on 127.0.0.1:27436 — whose pairing code is read from its output.
 * Needs root and Debian's pcscd/vpcd (scripts/ensure-pcsc.sh); stops what it starts by PID.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePcscPackages } from '../../scripts/pcsc/packages';
import { stopProcess } from '../../scripts/pcsc/processes';
import { startPcscRig, type PcscRig } from '../../scripts/pcsc/rig';
import { waitForCardInReader } from '../../scripts/pcsc/tools';
import { VpcdBridge } from '../../src/simulator/pcsc/VpcdBridge';
import { SimulatedCard, loadPersonalisation } from '../../src/simulator';

/** A running `npm run bridge`, with what it printed. */
export interface RunningBridge {
  readonly child: ChildProcess;
  /** The code printed last: each one is spent by a pairing, and the bridge prints the next. */
  readonly pairingCode: () => string;
  readonly output: () => string;
}

const CODE_LINE = /Pairing code \(enter it once in MynaLens\): (\d{4} \d{4})/g;

/** The rig, the card in it, and the bridge's private pairing file. */
export class PcscBridgeRig {
  private constructor(
    private readonly workDir: string,
    private rig: PcscRig,
    private card: SimulatedCard,
    private cardLink: VpcdBridge,
  ) {}

  /** Installs what is missing, starts pcscd + vpcd and puts a fresh simulated adult card in. */
  static async start(): Promise<PcscBridgeRig> {
    await ensurePcscPackages();
    const workDir = mkdtempSync(join(tmpdir(), 'mynalens-bridge-e2e-'));
    const card = new SimulatedCard(await loadPersonalisation('adult'));
    const rig = await startPcscRig(card, { workDir });
    return new PcscBridgeRig(workDir, rig, card, rig.bridge);
  }

  /** Takes the card out of vpcd's reader. */
  async removeCard(): Promise<void> {
    await this.cardLink.close();
  }

  /** Puts the same card (its PIN counters as they are) back in, and waits until PC/SC sees it. */
  async insertCard(): Promise<void> {
    this.cardLink = new VpcdBridge(this.card, { socketPath: this.rig.bridge.socketPath! }).start();
    await this.cardLink.waitForConnection(10_000);
    await waitForCardInReader(this.rig.readerName, process.env, 15_000);
  }

  /** `npm run bridge` allowing `origin`, its pairing kept in this rig's directory across restarts. */
  startBridge(origin: string): Promise<RunningBridge> {
    // `node --import tsx` runs the bridge in this one process, so its PID is the bridge's own.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bridge/main.ts', '--origin', origin, '--state-file', join(this.workDir, 'bridge-pairing.json')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let text = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bridge did not start:\n${text}`)), 30_000);
      const onData = (chunk: Buffer): void => {
        text += chunk.toString();
        if (text.includes('Pairing code (enter it once in MynaLens): ') && text.includes('MynaLens bridge on ws://127.0.0.1:')) {
          clearTimeout(timer);
          resolve({ child, pairingCode: () => [...text.matchAll(CODE_LINE)].at(-1)![1]!, output: () => text });
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the bridge exited (${code}):\n${text}`));
      });
    });
  }

  /** Stops a bridge at once (SIGKILL: as if it crashed or its window was closed). */
  async killBridge(bridge: RunningBridge): Promise<void> {
    const exited = new Promise<void>((resolve) => (bridge.child.exitCode !== null ? resolve() : bridge.child.once('exit', () => resolve())));
    bridge.child.kill('SIGKILL');
    await exited;
  }

  /** Stops a bridge as Ctrl-C would, by PID. */
  async stopBridge(bridge: RunningBridge): Promise<void> {
    if (bridge.child.pid === undefined || bridge.child.exitCode !== null) return;
    const exited = new Promise<number | string>((resolve) => bridge.child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    await stopProcess({ pid: bridge.child.pid, child: bridge.child, exited });
  }

  async stop(): Promise<void> {
    await this.cardLink.close();
    await this.rig.stop();
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
