import { TransportError } from '../../transport';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import { claimFailure, openFailure, UsbAccessError, type HostOs } from './UsbAccessError';

/** A USB read that ran out of time (WebUSB transfers have none of their own); readers turn it into `transport/timeout`. */
export class LinkTimeout extends Error {}

/** WebUSB rejects with these DOMException names when the device went away. */
export function isDeviceLost(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? (error as { name: unknown }).name : undefined;
  return name === 'NotFoundError' || name === 'NetworkError';
}

/**
 * Runs one start-up step of a reader and names what went wrong in it: our own typed errors pass
 * through, a vanished device is `transport/device-lost`, a read that ran out of time
 * `transport/timeout`, anything else `transport/protocol` naming the step.
 */
export async function startUpStep<T>(step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TransportError || error instanceof UsbAccessError) throw error;
    if (isDeviceLost(error)) throw new TransportError('transport/device-lost', `the reader went away during ${step}`);
    if (error instanceof LinkTimeout) throw new TransportError('transport/timeout', `the reader did not answer during ${step}`);
    throw new TransportError('transport/protocol', `${step} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** WebUSB `open()`, with the OS refusing the device named as such (`openFailure`). */
export async function openDevice(device: UsbDeviceLike, os: HostOs): Promise<void> {
  if (device.opened) return;
  await startUpStep('open', () => device.open().catch((error: unknown) => Promise.reject(openFailure(error, os) ?? error)));
}

/** The interface a reader drives, as its finder located it. */
export interface InterfaceToClaim {
  readonly configurationValue: number;
  readonly interfaceNumber: number;
  readonly interfaceClass: number;
}

/**
 * Selects the interface's configuration when another one is active, then claims the interface,
 * with Chrome's protected-class rule and an OS driver holding it named as such (`claimFailure`).
 */
export async function claimReaderInterface(device: UsbDeviceLike, target: InterfaceToClaim, os: HostOs): Promise<void> {
  if (device.configuration?.configurationValue !== target.configurationValue) {
    await startUpStep('selectConfiguration', () => device.selectConfiguration(target.configurationValue));
  }
  await startUpStep('claimInterface', () =>
    device.claimInterface(target.interfaceNumber).catch((error: unknown) => Promise.reject(claimFailure(error, os, target.interfaceClass) ?? error)),
  );
}

/**
 * A promise that rejects once the session ends, and the function that ends it: every wait of a
 * reader races it, so nothing keeps waiting on a reader that is gone.
 */
export function sessionEnd(): { readonly gone: Promise<never>; readonly endWaits: (reason: TransportError) => void } {
  let endWaits: (reason: TransportError) => void = () => undefined;
  const gone = new Promise<never>((_, reject) => {
    endWaits = reject;
  });
  gone.catch(() => undefined);
  return { gone, endWaits };
}
