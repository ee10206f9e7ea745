import type { UsbDeviceLike } from '../UsbDeviceLike';

/** WebUSB `USBConnectionEvent`, structurally. */
export interface UsbConnectionEventLike {
  readonly device: UsbDeviceLike;
}

/**
 * The part of WebUSB's `USB` object (`navigator.usb`) the worker uses (WICG WebUSB §"The USB
 * Interface"): the devices this origin was granted, and plug/unplug events. `requestDevice` is
 * Window-only and lives in permission.ts.
 */
export interface UsbLike {
  getDevices(): Promise<UsbDeviceLike[]>;
  addEventListener(type: 'connect' | 'disconnect', listener: (event: UsbConnectionEventLike) => void): void;
  removeEventListener(type: 'connect' | 'disconnect', listener: (event: UsbConnectionEventLike) => void): void;
}
