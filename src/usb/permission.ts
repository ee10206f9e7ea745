import { UsbAccessError } from './host/UsbAccessError';
import { documentAllowsFeature } from './documentPolicy';

export { USB_ACCESS_ERROR_CODES } from './host/UsbAccessError';
import type { UsbDeviceFilterLike } from './readerDriver';
import { readerRequestFilters } from './readerIdentities';

/** What this page can do with USB readers (decides what the start screen offers). */
export interface UsbCapabilities {
  /** `navigator.usb` exists (Chrome and Edge on desktop, ChromeOS and Android). */
  readonly webUsb: boolean;
  /**
   * The document may claim protected interface classes: an installed Isolated Web App whose
   * manifest grants `usb-unrestricted` (docs/browser-platform.md §1.3).
   */
  readonly unrestricted: boolean;
}

/** The reader the person picked, as plain data (the worker finds the device again with getDevices). */
export interface PickedReader {
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string | null;
  readonly name: string;
}

interface NavigatorUsbLike {
  requestDevice(options: { filters: readonly UsbDeviceFilterLike[] }): Promise<{
    vendorId: number;
    productId: number;
    serialNumber?: string | null;
    productName?: string | null;
  }>;
}

function navigatorUsb(): NavigatorUsbLike | null {
  return (globalThis.navigator as Navigator & { usb?: NavigatorUsbLike }).usb ?? null;
}

/**
 * Feature detection on the main thread. `usb-unrestricted` is a permissions-policy feature only an
 * IWA can be granted (documentPolicy.ts asks both names Chrome has used for the document's policy).
 */
export function usbCapabilities(): UsbCapabilities {
  return { webUsb: navigatorUsb() !== null, unrestricted: documentAllowsFeature('usb-unrestricted') };
}

/**
 * Opens Chrome's device chooser (WICG WebUSB `requestDevice()`; Window only, needs the click that
 * called it). The filters come from the reader registry: the known readers a plain page can claim,
 * by identity, and every smart-card-class device.
 * Rejects with `UsbAccessError`: `usb/unavailable` without WebUSB, `usb/no-reader-chosen` when the
 * chooser is closed.
 */
export async function requestReader(): Promise<PickedReader> {
  const usb = navigatorUsb();
  if (!usb) throw new UsbAccessError('usb/unavailable', 'this browser has no WebUSB');
  try {
    const device = await usb.requestDevice({ filters: readerRequestFilters() });
    return {
      vendorId: device.vendorId,
      productId: device.productId,
      serialNumber: device.serialNumber ?? null,
      name: device.productName ?? '',
    };
  } catch (error) {
    const name = typeof error === 'object' && error !== null && 'name' in error ? (error as { name: unknown }).name : '';
    if (name === 'NotFoundError') throw new UsbAccessError('usb/no-reader-chosen', 'no reader was chosen');
    throw new UsbAccessError('usb/unavailable', `the browser refused to show the device chooser: ${String(error)}`);
  }
}
