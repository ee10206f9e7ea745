import { UsbAccessError } from '../../usb/host/UsbAccessError';
import type { PickedReader, UsbCapabilities } from '../../usb/permission';
import type { FakeCcidFault } from '../ccid/faults';
import { PERSONALITIES } from '../ccid/personalities';
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

function send(command: EmulatorCommand): Promise<void> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    channel.postMessage({ id, command });
  });
}

const plugged: { options: PlugOptions; index: number; present: boolean }[] = [];
let unrestricted = false;
let chooserCancels = false;

const controls = {
  async plug(options: PlugOptions): Promise<void> {
    await send({ action: 'plug', options });
    plugged.push({ options, index: plugged.length, present: true });
  },
  unplug: async () => {
    await send({ action: 'unplug' });
    const last = plugged.at(-1);
    if (last) last.present = false;
  },
  replug: async () => {
    await send({ action: 'replug' });
    const last = plugged.at(-1);
    if (last) last.present = true;
  },
  removeCard: () => send({ action: 'remove-card' }),
  insertCard: () => send({ action: 'insert-card' }),
  inject: (fault: FakeCcidFault) => send({ action: 'inject', fault }),
  injectAfter: (xfrBlocks: number, fault: FakeCcidFault) => send({ action: 'inject-after', xfrBlocks, fault }),
  async setUnrestricted(value: boolean): Promise<void> {
    unrestricted = value;
    await send({ action: 'set-unrestricted', unrestricted: value });
  },
  /** The next chooser is closed without a pick. */
  cancelNextChooser(): void {
    chooserCancels = true;
  },
};

(globalThis as typeof globalThis & { __mynalensUsbEmulator?: typeof controls }).__mynalensUsbEmulator = controls;

export function usbCapabilities(): UsbCapabilities {
  return { webUsb: true, unrestricted };
}

export async function requestReader(): Promise<PickedReader> {
  const pick = [...plugged].reverse().find((p) => p.present);
  if (chooserCancels || !pick) {
    chooserCancels = false;
    throw new UsbAccessError('usb/no-reader-chosen', 'no reader was chosen');
  }
  await send({ action: 'grant', index: pick.index });
  const personality = PERSONALITIES[pick.options.personality];
  return { vendorId: personality.vendorId, productId: personality.productId, serialNumber: pick.options.serialNumber ?? null, name: personality.productName };
}
