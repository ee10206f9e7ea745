/**
 * Why MynaLens could not start using a USB reader, as opposed to a failure while moving bytes
 * (`TransportError`). Each code names one obstacle a person can act on; the UI's catalog says
 * what to do (docs/browser-platform.md §1, §2).
 */
export const USB_ACCESS_ERROR_CODES = [
  /** This browser has no WebUSB (Firefox, Safari, iOS). */
  'usb/unavailable',
  /** The chooser was closed without picking a reader. */
  'usb/no-reader-chosen',
  /** A smart-card-class (0x0B) interface in a page without `usb-unrestricted` (WebUSB "protected interface class"). */
  'usb/protected-class',
  /** The OS smart-card service holds the interface (claimInterface failed); the suffix names the OS for its own steps. */
  'usb/reader-busy',
  'usb/reader-busy-linux',
  'usb/reader-busy-windows',
  'usb/reader-busy-macos',
  /** The OS refused to open the device (on Linux: no udev rule giving the user the device node). */
  'usb/access-denied',
  'usb/access-denied-linux',
  /** The reader answers but no card is in it. */
  'usb/no-card',
  /** A card is in the reader but did not answer the power-on (wrong way round, dirty contacts, not a chip card). */
  'usb/card-mute',
  /** The card and the reader share no transmission protocol (a T=1-only card in a T=0-only reader), or the card's fixed mode is out of the reader's reach. */
  'usb/card-protocol-unsupported',
  /** The device has no interface MynaLens can drive (no CCID descriptor, or a reader of another protocol). */
  'usb/not-a-reader',
  /** The chosen reader is no longer plugged in. */
  'usb/reader-not-found',
] as const;

export type UsbAccessErrorCode = (typeof USB_ACCESS_ERROR_CODES)[number];

export class UsbAccessError extends Error {
  override readonly name = 'UsbAccessError';

  constructor(
    readonly code: UsbAccessErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(message);
  }
}

/** Operating systems whose smart-card services need their own steps (docs/browser-platform.md §2). */
export type HostOs = 'linux' | 'windows' | 'macos' | 'chromeos' | 'android' | 'other';

/** The OS from a user-agent string (worker and window both have `navigator.userAgent`). */
export function hostOsFromUserAgent(userAgent: string): HostOs {
  if (/CrOS/.test(userAgent)) return 'chromeos';
  if (/Android/.test(userAgent)) return 'android';
  if (/Windows/.test(userAgent)) return 'windows';
  if (/Mac OS X|Macintosh/.test(userAgent)) return 'macos';
  if (/Linux|X11/.test(userAgent)) return 'linux';
  return 'other';
}

function domName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : undefined;
}

/**
 * WebUSB `claimInterface()` failures: `SecurityError` is the protected-class rule (Chromium
 * `usb_device.cc`, "The requested interface implements a protected class"); `NetworkError`
 * ("Unable to claim interface") means another driver holds it — pcscd, WUDFUsbccidDriver or
 * com.apple.ifdreader. Anything else: null, left to the caller.
 */
export function claimFailure(error: unknown, os: HostOs, interfaceClass: number): UsbAccessError | null {
  const name = domName(error);
  if (name === 'SecurityError') {
    return new UsbAccessError('usb/protected-class', 'this page may not claim a smart-card-class USB interface', { interfaceClass });
  }
  if (name === 'NetworkError' || name === 'InvalidStateError') {
    const code = os === 'linux' || os === 'windows' || os === 'macos' ? (`usb/reader-busy-${os}` as const) : 'usb/reader-busy';
    return new UsbAccessError(code, 'another program or the OS smart-card service holds the reader', { os });
  }
  return null;
}

/** WebUSB `open()` failures: `SecurityError` is the OS refusing the device node (Linux udev permissions). */
export function openFailure(error: unknown, os: HostOs): UsbAccessError | null {
  if (domName(error) !== 'SecurityError') return null;
  return new UsbAccessError(os === 'linux' ? 'usb/access-denied-linux' : 'usb/access-denied', 'the operating system refused access to the reader', { os });
}
