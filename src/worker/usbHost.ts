import type { UsbLike } from '../usb/host/UsbLike';

/**
 * The worker's WebUSB (`navigator.usb` is exposed to dedicated workers, docs/browser-platform.md §6),
 * or null where the browser has none. The browser-test build swaps this module for the emulated
 * reader host (vite.config.ts, mode `usb-emulator`); production builds never contain the emulator.
 */
export function usbHost(): UsbLike | null {
  const usb = (globalThis.navigator as Navigator & { usb?: unknown } | undefined)?.usb;
  return (usb as UsbLike | undefined) ?? null;
}
