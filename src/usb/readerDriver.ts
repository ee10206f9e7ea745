import type { CardTransport } from '../transport';
import type { CcidReaderReport } from './ccid/CcidReader';
import type { HostOs } from './host/UsbAccessError';
import type { Rcs300ReaderReport } from './rcs300/Rcs300Reader';
import type { Rcs380ReaderReport } from './rcs380/Rcs380Reader';
import type { UsbDeviceLike } from './UsbDeviceLike';

/*
 * What a reader driver says of itself. Each driver describes every kind of USB
 * interface it drives in one file (`ccid/ccidDriver.ts`, `rcs380/rcs380Driver.ts`,
 * `rcs300/rcs300Driver.ts`): a `ReaderIdentity` (plain data) and the `ReaderDriver` built on it, and
 * `readerRegistry.ts` lists them. Discovery, the chooser's filters, the engine's opening, the reader
 * check and the reader report read nothing else about a reader.
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

/** A driver's class as the engine starts it: `open` claims the interface and brings the card up. */
export interface DriverClass<Report> {
  open(device: UsbDeviceLike, options: { readonly timeoutMs: number; readonly os: HostOs }): Promise<ReaderTransport & { report(): Report }>;
}

/**
 * Who a route is for and what the chooser offers for it: plain data, read at start-up by the page's
 * chooser (permission.ts) and the engine's reader list, so neither loads a driver.
 */
export interface ReaderIdentity {
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
   * What the chooser offers beyond the identities. A route a plain page can claim has its
   * identities offered; a protected one is offered by class, so the person gets our explanation
   * instead of an empty chooser.
   */
  readonly chooserFilters?: readonly UsbDeviceFilterLike[];
}

/**
 * One way MynaLens reaches a reader: a driver on one kind of USB interface. Its identity, how it
 * recognises a device it does not know, how it is loaded (`import()`: its own chunk, never a
 * start-up one, issue "speed to the physical limit" §4) and started, and which reader check it
 * makes. Adding a reader to a route is one `readers` entry; adding a route is one descriptor file
 * and its lines in `readerRegistry.ts`.
 */
export type ReaderDriver = ReaderIdentity & DriverHow;

/** How a route's driver recognises, loads and starts, and which reader check it makes. */
export type DriverHow = {
  /**
   * Whether a device known by no identity is worth trying on this route, from the classes of its
   * interfaces (WebUSB's parsed configurations, so nothing is opened). Absent: identities only.
   */
  readonly recognises?: (interfaceClasses: ReadonlySet<number>) => boolean;
  /** The driver's longest wait for one USB reply beyond what the card itself is allowed. */
  readonly timeoutMs: number;
  /** The interface this route uses on the device, as the reader report names a fallback. */
  interfaceName(device: UsbDeviceLike): string;
} & (
    | { readonly check: 'ccid'; load(): Promise<DriverClass<CcidReaderReport>> }
    | { readonly check: 'contactless'; load(): Promise<DriverClass<Rcs380ReaderReport | Rcs300ReaderReport>> }
  );

/**
 * A route's driver: its identity and how it opens. Callers write `/* @__PURE__ *\/ readerDriver(…)`,
 * so a bundle that reads only the identity (the page's chooser) drops the driver and the `import()`
 * in it: the page and the worker are separate builds, and a driver reached from the page would be
 * built into the page's files too.
 */
export function readerDriver(identity: ReaderIdentity, how: DriverHow): ReaderDriver {
  return { ...identity, ...how };
}
