import type { Page } from '@playwright/test';
import { expect } from './test';

/** What the usb-emulator build puts on `window` (src/simulator/usb/emulatedPermission.ts). */
interface EmulatorControls {
  plug(options: { personality: string; card?: string; holder?: string; serialNumber?: string | null; noCard?: boolean; heldByOs?: boolean }): Promise<void>;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  removeCard(): Promise<void>;
  /** The card taken out goes back in; with `holder`, a different holder's card instead. */
  insertCard(holder?: 'adult' | 'child'): Promise<void>;
  inject(fault: { kind: string }): Promise<void>;
  injectAfter(xfrBlocks: number, fault: { kind: string }): Promise<void>;
  setUnrestricted(value: boolean): Promise<void>;
  cancelNextChooser(): void;
  holdNextChooser(): void;
  closeChooser(): void;
  addSmartCardReader(options?: { name?: string; holder?: string; noCard?: boolean }): Promise<void>;
  removeSmartCard(name?: string): void;
}

type Window = typeof globalThis & { __mynalensUsbEmulator: EmulatorControls };

/** Runs one emulator control in the page (the worker's emulated readers follow over a BroadcastChannel). */
export async function emulator<A extends unknown[]>(page: Page, action: keyof EmulatorControls, ...args: A): Promise<void> {
  await page.waitForFunction(() => '__mynalensUsbEmulator' in globalThis);
  await page.evaluate(
    ([name, rest]) => {
      const control = (globalThis as Window).__mynalensUsbEmulator[name as keyof EmulatorControls] as (...values: unknown[]) => unknown;
      return control(...rest);
    },
    [action, args] as const,
  );
}

/** Opens the app in English with one emulated reader plugged in. */
export async function openWithReader(page: Page, personality: string, extra: Record<string, unknown> = {}): Promise<void> {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await emulator(page, 'plug', { personality, ...extra });
}

/** Presses "Connect a USB reader…" (the emulated chooser picks the reader plugged in last) and waits for the card. */
export async function connectReader(page: Page): Promise<void> {
  await page.getByTestId('connect-reader').click();
  await expect(page.getByTestId('card-panel')).toBeVisible();
}
