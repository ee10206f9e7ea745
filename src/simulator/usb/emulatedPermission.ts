import { UsbAccessError } from '../../usb/host/UsbAccessError';
import { documentAllowsFeature } from '../../usb/documentPolicy';
import type { PickedReader, UsbCapabilities } from '../../usb/permission';
import type { FakeCcidFault } from '../ccid/faults';
import type { FakeRcs380Fault } from '../rcs380/faults';
import type { FakeRcs300Fault } from '../rcs300/faults';
import { PERSONALITIES } from '../ccid/personalities';
import { SimulatedCard } from '../card/SimulatedCard';
import { loadPersonalisation } from '../personalisation';
import { FakeSmartCardApi } from '../smartcard/FakeSmartCardApi';
import { EMULATOR_CHANNEL, type EmulatorAck, type EmulatorCommand, type PlugOptions } from './emulatorMessages';

export type { PickedReader, UsbCapabilities } from '../../usb/permission';
export { USB_ACCESS_ERROR_CODES } from '../../usb/host/UsbAccessError';

/**
 * Stands in for `usb/permission.ts` in the browser-test build (vite.config.ts, mode
 * `usb-emulator`). The "chooser" picks the reader plugged in last, as a person with one reader
 * would; Playwright plugs, pulls and faults readers through `window.__mynalensUsbEmulator`.
 * Never part of a production build.
 */
const channel = new BroadcastChannel(EMULATOR_CHANNEL);
let nextId = 1;
const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
channel.addEventListener('message', (event: MessageEvent<EmulatorAck>) => {
  const waiter = waiting.get(event.data.ack);
  if (!waiter) return;
  waiting.delete(event.data.ack);
  if (event.data.error) waiter.reject(new Error(event.data.error));
  else waiter.resolve();
});

/** The worker announces its emulator once it runs; messages sent before that would be lost. */
const workerReady = new Promise<void>((resolve) => {
  channel.addEventListener('message', (event: MessageEvent<{ ready?: boolean }>) => {
    if (event.data.ready) resolve();
  });
});

async function send(command: EmulatorCommand): Promise<void> {
  await workerReady;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    channel.postMessage({ id, command });
  });
}

/** Plugged readers and grants survive a reload, as Chrome's grants do (test build only; no card data). */
const STORAGE_KEY = 'mynalens.usbEmulator';
interface Plugged {
  options: PlugOptions;
  index: number;
  present: boolean;
  granted: boolean;
}
const plugged: Plugged[] = [];
/**
 * Inside an installed app whose manifest grants `usb-unrestricted` (the install test,
 * e2e/installed-app.spec.ts), the emulated readers follow the document's real policy, so a
 * class-0x0B reader is claimed only where Chrome would allow it; journeys elsewhere set it.
 */
let unrestricted = documentAllowsFeature('usb-unrestricted');
const realPolicyApplied: Promise<void> = unrestricted ? send({ action: 'set-unrestricted', unrestricted }) : Promise.resolve();
let holdsNext = false;
let releaseChooser: (() => void) | null = null;
let chooserCancels = false;

function remember(): void {
  globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify({ plugged, unrestricted }));
}

/** Replays the readers of the previous page load into the fresh worker. */
export const restored: Promise<void> = (async () => {
  const saved = globalThis.sessionStorage?.getItem(STORAGE_KEY);
  if (!saved) return;
  const state = JSON.parse(saved) as { plugged: Plugged[]; unrestricted: boolean };
  unrestricted = state.unrestricted;
  await send({ action: 'set-unrestricted', unrestricted });
  for (const p of state.plugged.filter((p) => p.present)) {
    await send({ action: 'plug', options: { ...p.options, granted: p.granted } });
    plugged.push({ ...p, index: plugged.length });
  }
  remember();
})();

/**
 * The browser-test build also plays ChromeOS's Web Smart Card API (Window-only, so it lives here
 * on the page): PC/SC readers holding simulated cards.
 */
const smartCard = new FakeSmartCardApi();
Object.defineProperty(globalThis.navigator, 'smartCard', { value: smartCard, configurable: true });

const controls = {
  async addSmartCardReader(options: { name?: string; holder?: 'adult' | 'child'; noCard?: boolean } = {}): Promise<void> {
    const card = options.noCard ? null : new SimulatedCard(await loadPersonalisation(options.holder ?? 'adult'));
    smartCard.addReader(options.name ?? 'Simulated PC/SC reader 00 00', card);
  },
  removeSmartCard: (name?: string) => smartCard.removeCard(name),
  async plug(options: PlugOptions): Promise<void> {
    await send({ action: 'plug', options });
    plugged.push({ options, index: plugged.length, present: true, granted: false });
    remember();
  },
  unplug: async () => {
    await send({ action: 'unplug' });
    const last = plugged.at(-1);
    if (last) last.present = false;
    remember();
  },
  replug: async () => {
    await send({ action: 'replug' });
    const last = plugged.at(-1);
    if (last) last.present = true;
    remember();
  },
  removeCard: () => send({ action: 'remove-card' }),
  /** The card taken out goes back in; with `holder`, a different holder's card goes in instead. */
  insertCard: (holder?: 'adult' | 'child') => send(holder ? { action: 'insert-card', holder } : { action: 'insert-card' }),
  inject: (fault: FakeCcidFault | FakeRcs380Fault | FakeRcs300Fault) => send({ action: 'inject', fault }),
  injectAfter: (xfrBlocks: number, fault: FakeCcidFault | FakeRcs380Fault | FakeRcs300Fault) => send({ action: 'inject-after', xfrBlocks, fault }),
  async setUnrestricted(value: boolean): Promise<void> {
    unrestricted = value;
    await send({ action: 'set-unrestricted', unrestricted: value });
    remember();
  },
  /** The next chooser is closed without a pick. */
  cancelNextChooser(): void {
    chooserCancels = true;
  },
  /** The next chooser stays open, as a person looking at the browser's window, until `closeChooser`. */
  holdNextChooser(): void {
    holdsNext = true;
  },
  /** The held chooser closes: with the reader plugged in last picked, or none after `cancelNextChooser`. */
  closeChooser(): void {
    releaseChooser?.();
  },
};

(globalThis as typeof globalThis & { __mynalensUsbEmulator?: typeof controls }).__mynalensUsbEmulator = controls;

export function usbCapabilities(): UsbCapabilities {
  return { webUsb: true, unrestricted };
}

export async function requestReader(): Promise<PickedReader> {
  await realPolicyApplied;
  if (holdsNext) {
    holdsNext = false;
    await new Promise<void>((resolve) => {
      releaseChooser = resolve;
    });
    releaseChooser = null;
  }
  const pick = [...plugged].reverse().find((p) => p.present);
  if (chooserCancels || !pick) {
    chooserCancels = false;
    throw new UsbAccessError('usb/no-reader-chosen', 'no reader was chosen');
  }
  await send({ action: 'grant', index: pick.index });
  pick.granted = true;
  remember();
  const serialNumber = pick.options.serialNumber ?? null;
  // The RC-S380 emulator answers as 054C:06C1 (FakeRcs380Device's default).
  if (pick.options.personality === 'rcs380') return { vendorId: 0x054c, productId: 0x06c1, serialNumber, name: 'RC-S380/S' };
  if (pick.options.personality === 'rcs300') return { vendorId: 0x054c, productId: 0x0dc8, serialNumber, name: 'RC-S300/S' };
  const personality = PERSONALITIES[pick.options.personality];
  return { vendorId: personality.vendorId, productId: personality.productId, serialNumber, name: personality.productName };
}
