import type { CardTransport } from '../transport';
import type { CcidReaderReport } from './ccid/CcidReader';
import type { HostOs } from './host/UsbAccessError';
import type { Rcs300ReaderReport } from './rcs300/Rcs300Reader';
import type { Rcs380ReaderReport } from './rcs380/Rcs380Reader';
import type { UsbDeviceLike } from './UsbDeviceLike';

/*
 * What a reader driver says of itself (types only). Each driver exports one `ReaderDriver` per kind
 * of USB interface it drives (`ccid/ccidDriver.ts`, `rcs380/rcs380Driver.ts`,
 * `rcs300/rcs300Driver.ts`) and `readerRegistry.ts` lists them: discovery, the chooser's filters,
 * the engine's opening, the reader check and the reader report read nothing else about a reader.
 */

/** How a reader can be reached from a web page: one name per `ReaderDriver`. */
export type ReaderRoute =
  /** CCID framing behind a vendor-class (0xFF) interface: no protected class, a plain page may claim it. */
  | 'ccid-vendor'
  /** A smart-card-class (0x0B) interface: Chrome lets only an installed app with `usb-unrestricted` claim it. */
  | 'ccid-class'
  /** Sony's NFC Port-100 on a vendor-class interface (RC-S380): Type B and ISO-DEP done by us. */
  | 'port100'
  /** The RC-S300's vendor interface: Sony's transparent-session pseudo-APDUs, Type B and ISO-DEP by us (experimental). */
  | 'rcs300';

/** A reader known by USB identity (libccid `readers/supported_readers.txt`, reader dumps; docs/browser-platform.md §4.8). */
export interface KnownReader {
  readonly vendorId: number;
  readonly productId: number;
  /** Shown when the device gives no product string. */
  readonly name: string;
  /**
   * Routes of other drivers to try first where the page may claim them: the RC-S300's standard
   * CCID interface before its vendor interface, since there the reader does Type B and ISO-DEP itself.
   */
  readonly triedFirst?: readonly ReaderRoute[];
}

/** WebUSB `USBDeviceFilter` (WICG WebUSB §"USBDeviceFilter"). */
export interface UsbDeviceFilterLike {
  readonly vendorId?: number;
  readonly productId?: number;
  readonly classCode?: number;
}

/** A started driver's transport: a `CardTransport` that also hears about the USB device going away. */
export interface ReaderTransport extends CardTransport {
  /** Whether an extended-length APDU reaches the card whole. */
  readonly extendedLength: boolean;
  /** For the page's `navigator.usb` "disconnect" event: the reader is gone. */
  deviceLost(): void;
}

/**
 * What a driver reports of itself once started (plain data), by the kind of reader check it makes:
 * contact (CCID 1.1 §5.1 and ISO 7816-3 §8) or contactless (ISO/IEC 14443-3 §7.9, §7.10).
 */
export type DriverReport =
  | { readonly kind: 'ccid'; readonly report: CcidReaderReport }
  | { readonly kind: 'contactless'; readonly report: Rcs380ReaderReport | Rcs300ReaderReport };

/** A driver started on a device. */
export interface OpenedDriver {
  readonly reader: ReaderTransport;
  report(): DriverReport;
}

/**
 * One way MynaLens reaches a reader: a driver on one kind of USB interface, with the identities it
 * is for, how it recognises a device it does not know, what the chooser offers for it, and how it
 * opens. Adding a reader to a route is one `readers` entry; adding a route is one descriptor and its
 * line in `readerRegistry.ts`.
 */
export interface ReaderDriver {
  readonly route: ReaderRoute;
  /**
   * The interface is of a class Chrome protects (smart card, 0x0B): only a document granted
   * `usb-unrestricted`, an installed app, may claim it (docs/browser-platform.md §1.3).
   */
  readonly protectedClass: boolean;
  /** Not confirmed on hardware yet: the reader list and the reader check say so. */
  readonly experimental: boolean;
  /** Readers known by USB identity that take this route. */
  readonly readers: readonly KnownReader[];
  /**
   * Whether a device known by no identity is worth trying on this route, from the classes of its
   * interfaces (WebUSB's parsed configurations, so nothing is opened). Absent: identities only.
   */
  readonly recognises?: (interfaceClasses: ReadonlySet<number>) => boolean;
  /**
   * What the chooser offers beyond the identities. A route a plain page can claim has its
   * identities offered; a protected one is offered by class, so the person gets our explanation
   * instead of an empty chooser.
   */
  readonly chooserFilters?: readonly UsbDeviceFilterLike[];
  /** The interface this route uses on the device, as the reader report names a fallback. */
  interfaceName(device: UsbDeviceLike): string;
  /**
   * Loads the driver with `import()` (its own chunk: the start-up chunks carry descriptors only,
   * issue "speed to the physical limit" §4) and starts it on the device.
   */
  open(device: UsbDeviceLike, os: HostOs): Promise<OpenedDriver>;
}
