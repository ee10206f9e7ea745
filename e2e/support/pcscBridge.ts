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
import { VpcdBridge, type VpcdCard } from '../../src/simulator/pcsc/VpcdBridge';
import { SimulatedCard, loadPersonalisation } from '../../src/simulator';
import type { Page } from '@playwright/test';
import { expect } from './test';

/** A running `npm run bridge`, with what it printed. */
export interface RunningBridge {
  readonly child: ChildProcess;
  /** The code printed last: each one is spent by a pairing, and the bridge prints the next. */
  readonly pairingCode: () => string;
  readonly output: () => string;
}

/** Exited by itself (exitCode) or by a signal (signalCode; exitCode stays null then). */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

const CODE_LINE = /Pairing code \(enter it once in MynaLens\): (\d{4} \d{4})/g;

/**
 * The simulated card with a trip wire: `atApdu(n, act)` runs `act` when the card is handed its
 * n-th APDU from now, before it answers — so "mid-scan" is a fixed point in the scan, not a race.
 */
class TrippableCard implements VpcdCard {
  private count = 0;
  private trip: { at: number; act: () => void } | null = null;

  constructor(private readonly card: SimulatedCard) {}

  get atr(): Uint8Array {
    return this.card.atr;
  }

  atApdu(n: number, act: () => void): void {
    this.trip = { at: this.count + n, act };
  }

  respond(command: Uint8Array): Uint8Array {
    this.count++;
    if (this.trip && this.count === this.trip.at) {
      const { act } = this.trip;
      this.trip = null;
      act();
    }
    return this.card.respond(command);
  }

  reset(): void {
    this.card.reset();
  }
}

/** The rig, the card in it, and the bridge's private pairing file. */
export class PcscBridgeRig {
  private constructor(
    private readonly workDir: string,
    private rig: PcscRig,
    private card: TrippableCard,
    private cardLink: VpcdBridge,
  ) {}

  /** Installs what is missing, starts pcscd + vpcd and puts a fresh simulated adult card in. */
  static async start(): Promise<PcscBridgeRig> {
    await ensurePcscPackages();
    const workDir = mkdtempSync(join(tmpdir(), 'mynalens-bridge-e2e-'));
    const card = new TrippableCard(new SimulatedCard(await loadPersonalisation('adult')));
    const rig = await startPcscRig(card, { workDir });
    return new PcscBridgeRig(workDir, rig, card, rig.bridge);
  }

  /** Takes the card out of the reader while it is handed the n-th APDU from now (it never answers it). */
  removeCardAtApdu(n: number): void {
    this.card.atApdu(n, () => void this.cardLink.close());
  }

  /** Kills `bridge` (SIGKILL) while the card is handed the n-th APDU from now. */
  killBridgeAtApdu(bridge: RunningBridge, n: number): void {
    this.card.atApdu(n, () => bridge.child.kill('SIGKILL'));
  }

  /** Takes the card out of vpcd's reader. */
  async removeCard(): Promise<void> {
    await this.cardLink.close();
  }

  /**
   * Puts the same card (its PIN counters as they are) back in — or, with `holder`, a fresh card
   * of that holder instead — and waits until PC/SC sees it.
   */
  async insertCard(holder?: 'adult' | 'child'): Promise<void> {
    if (holder) this.card = new TrippableCard(new SimulatedCard(await loadPersonalisation(holder)));
    this.cardLink = new VpcdBridge(this.card, { socketPath: this.rig.bridge.socketPath! }).start();
    await this.cardLink.waitForConnection(10_000);
    await waitForCardInReader(this.rig.readerName, process.env, 15_000);
  }

  /** `npm run bridge` allowing `origin`, its pairing kept in this rig's directory across restarts. */
  startBridge(origin: string): Promise<RunningBridge> {
    return startBridgeProcess(origin, join(this.workDir, 'bridge-pairing.json'));
  }

  /** Stops a bridge at once (SIGKILL: as if it crashed or its window was closed). */
  async killBridge(bridge: RunningBridge): Promise<void> {
    const exited = new Promise<void>((resolve) => (hasExited(bridge.child) ? resolve() : bridge.child.once('exit', () => resolve())));
    bridge.child.kill('SIGKILL');
    await exited;
  }

  /** Stops a bridge as Ctrl-C would, by PID. */
  async stopBridge(bridge: RunningBridge): Promise<void> {
    await stopBridgeProcess(bridge);
  }

  async stop(): Promise<void> {
    await this.cardLink.close();
    await this.rig.stop();
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

/** `npm run bridge` allowing `origin`, its pairing kept in `stateFile`; resolves once it prints its pairing code. */
export function startBridgeProcess(origin: string, stateFile: string): Promise<RunningBridge> {
  // `node --import tsx` runs the bridge in this one process, so its PID is the bridge's own.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bridge/main.ts', '--origin', origin, '--state-file', stateFile], { stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Stops a process this file started as Ctrl-C would, by its PID. */
export async function stopBridgeProcess(bridge: { readonly child: ChildProcess }): Promise<void> {
  if (bridge.child.pid === undefined || hasExited(bridge.child)) return;
  const exited = new Promise<number | string>((resolve) => bridge.child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  await stopProcess({ pid: bridge.child.pid, child: bridge.child, exited });
}

/**
 * `npm run simulator:pcsc -- --personality <id>` (scripts/simulator-pcsc.ts run by `node --import
 * tsx`, as the npm script runs it, so the PID is the script's own): its own loopback-only pcscd
 * with the simulated adult card behind that personality's ATR; resolves once the card is in the reader.
 */
export function startSimulatorPcsc(personality: string): Promise<{ readonly child: ChildProcess; readonly output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulator-pcsc.ts', '--personality', personality], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator:pcsc did not start:\n${text}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      if (text.includes('Ctrl-C takes the card out')) {
        clearTimeout(timer);
        resolve({ child, output: () => text });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator:pcsc exited (${code}):\n${text}`));
    });
  });
}

/** From the start screen: finds the bridge, pairs if asked, and uses the vpcd reader. */
/** From the start screen: finds the bridge, pairs if asked, and uses the vpcd reader (whose card the app then scans at once). */
export async function connectThroughBridge(page: Page, pairingCode: () => string, { interruptedScan = false } = {}): Promise<void> {
  const section = page.getByTestId('bridge-section');
  await expect(section.getByTestId('bridge-network-note')).toContainText('local network');
  await section.getByTestId('bridge-find').click();
  const pairing = section.getByTestId('bridge-pairing');
  const list = section.getByTestId('bridge-list');
  await expect(pairing.or(list)).toBeVisible();
  if (await pairing.isVisible()) {
    await section.getByTestId('bridge-code').fill(pairingCode());
    await section.getByTestId('bridge-pair').click();
  }
  const item = section.getByTestId('bridge-item').filter({ hasText: 'Virtual PCD 00 00' });
  await expect(item).toContainText('card in');
  await item.getByTestId('use-bridge-reader').click();
  // A trip wire set before connecting stops the scan that follows: the card panel gives way to "interrupted".
  if (interruptedScan) return;
  await expect(page.getByTestId('card-panel')).toContainText('reader through the bridge Virtual PCD 00 00', { timeout: 20_000 });
}
