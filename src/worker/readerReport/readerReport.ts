import { fromHex, hex16, toHex } from '../../bytes';
import type { ApduLogEntry } from '../../transport';
import { findCcidInterfaces } from '../../usb/ccid/descriptor';
import { knownAtr } from '../../usb/knownAtrs';
import type { UsbDeviceLike } from '../../usb/UsbDeviceLike';
import type { AddressingView, ConnectionInfo } from '../../protocol';
import type { DriverReport, ReaderAttempt } from './ReaderAttempt';
import { reportExchanges } from './reportExchange';
import type { UsbStep } from './RecordingUsbDevice';

/** The format name and version a reader report starts with; a reader of reports checks both. */
export const READER_REPORT_FORMAT = 'mynalens-reader-report';
export const READER_REPORT_VERSION = 1;

/** What the report says of itself, first thing in the file. */
const READER_REPORT_PRIVACY =
  'No PIN (a VERIFY shows as ** PIN hidden **), no My Number, no answer of a PIN-protected file: only the answers of files that are the same on every card keep their bytes; every other answer keeps its length and status word. The reader serial number and the card PUPI are withheld.';

/** The device descriptor fields WebUSB's `USBDevice` exposes (WICG WebUSB; USB 2.0 §9.6.1); absent on stand-ins. */
interface DeviceDescriptorFields {
  readonly usbVersionMajor?: number;
  readonly usbVersionMinor?: number;
  readonly usbVersionSubminor?: number;
  readonly deviceClass?: number;
  readonly deviceSubclass?: number;
  readonly deviceProtocol?: number;
  readonly deviceVersionMajor?: number;
  readonly deviceVersionMinor?: number;
  readonly deviceVersionSubminor?: number;
}

const WITHHELD_PUPI = '-- -- -- --';
const hex8 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

/**
 * Issue 15 §5, "Save a reader report": one JSON file (format `mynalens-reader-report`, version 1)
 * with what someone holding a real reader can send to confirm a path nobody here could try — the
 * USB descriptors (device, configuration, interfaces, CCID class descriptor), the reader's identity,
 * each start-up step's bytes and timing, the ATR or ATQB, the protocol and rates negotiated, every
 * fallback taken, and the APDU exchange of the session with nothing personal (`reportExchanges`).
 */
export function buildReaderReport(
  attempt: ReaderAttempt,
  log: readonly ApduLogEntry[],
  connection: ConnectionInfo | null,
  addressing: AddressingView | null = null,
): string {
  const device = attempt.usbDevice;
  const driver = attempt.driver;
  const steps = attempt.steps;
  const configurationDescriptor = configurationDescriptorOf(steps);
  const pupi = driver && 'atqb' in driver ? driver.atqb.pupi : null;
  const report = {
    format: READER_REPORT_FORMAT,
    version: READER_REPORT_VERSION,
    createdAt: new Date().toISOString(),
    privacy: READER_REPORT_PRIVACY,
    attempt: {
      startedAt: attempt.startedAt,
      outcome: attempt.error ? (attempt.error.when === 'start-up' ? 'failed' : 'lost') : connection ? 'connected' : 'ended',
      error: attempt.error,
    },
    reader: {
      name: attempt.view?.name ?? null,
      vendorId: device ? hex16(device.vendorId) : null,
      productId: device ? hex16(device.productId) : null,
      manufacturerName: device?.manufacturerName ?? null,
      productName: device?.productName ?? null,
      serialNumber: device?.serialNumber ? 'withheld' : 'none',
      route: attempt.view?.route ?? null,
      experimental: attempt.view?.experimental ?? null,
      firmwareVersion: driver && 'firmwareVersion' in driver ? driver.firmwareVersion : null,
    },
    usb: {
      device: device ? deviceDescriptor(device) : null,
      configurations: device ? configurations(device) : [],
      configurationDescriptor: configurationDescriptor ? toHex(configurationDescriptor) : null,
      ccidClassDescriptor: configurationDescriptor ? ccidClassDescriptor(configurationDescriptor) : null,
    },
    startUp: { steps, fallbacks: [...attempt.fallbacks, ...driverFallbacks(driver)] },
    card: cardOf(driver, connection),
    negotiated: negotiated(driver, attempt.extendedLength),
    // Whether this card took the short-EF-ID forms, or which command it refused so the engine fell
    // back to SELECT-then-READ for it (docs/card-reference.md §3): a fact about real cards we want back.
    commandForms: addressing,
    apdus: reportExchanges(log),
  };
  const text = JSON.stringify(report, (_key, value: unknown) => (value instanceof Uint8Array ? toHex(value) : value), 2);
  // The PUPI can be fixed for a card's life: out of every place it travelled (ATQB, ATTRIB, steps).
  return pupi && pupi.length > 0 ? text.split(pupi).join(WITHHELD_PUPI) : text;
}

/** A file name that says what it is and which reader: `mynalens-reader-report-04E6-511A.json`. */
export function readerReportFileName(attempt: ReaderAttempt): string {
  const device = attempt.usbDevice;
  return device ? `mynalens-reader-report-${hex16(device.vendorId)}-${hex16(device.productId)}.json` : 'mynalens-reader-report.json';
}

function deviceDescriptor(device: UsbDeviceLike): Record<string, string | number> | { readonly exposed: false } {
  const d = device as UsbDeviceLike & DeviceDescriptorFields;
  if (d.usbVersionMajor === undefined) return { exposed: false };
  return {
    bcdUSB: `${d.usbVersionMajor}.${d.usbVersionMinor ?? 0}${d.usbVersionSubminor ?? 0}`,
    bDeviceClass: hex8(d.deviceClass ?? 0),
    bDeviceSubClass: hex8(d.deviceSubclass ?? 0),
    bDeviceProtocol: hex8(d.deviceProtocol ?? 0),
    bcdDevice: `${d.deviceVersionMajor ?? 0}.${d.deviceVersionMinor ?? 0}${d.deviceVersionSubminor ?? 0}`,
  };
}

/** WebUSB's parsed configurations: every interface, alternate setting and endpoint (USB 2.0 §9.6.3–§9.6.6). */
function configurations(device: UsbDeviceLike) {
  return device.configurations.map((c) => ({
    configurationValue: c.configurationValue,
    name: c.configurationName ?? null,
    interfaces: c.interfaces.map((i) => ({
      interfaceNumber: i.interfaceNumber,
      alternates: i.alternates.map((a) => ({
        alternateSetting: a.alternateSetting,
        class: hex8(a.interfaceClass),
        subclass: hex8(a.interfaceSubclass),
        protocol: hex8(a.interfaceProtocol),
        name: a.interfaceName ?? null,
        endpoints: a.endpoints.map((e) => ({ number: e.endpointNumber, direction: e.direction, type: e.type, packetSize: e.packetSize })),
      })),
    })),
  }));
}

/** The whole configuration descriptor, if the driver read it (GET_DESCRIPTOR, wValue 0200; the longest answer). */
function configurationDescriptorOf(steps: readonly UsbStep[]): Uint8Array | null {
  let longest: Uint8Array | null = null;
  for (const step of steps) {
    if (step.call !== 'controlTransferIn' || step.args.value !== 0x0200 || !step.in) continue;
    const bytes = fromHex(step.in);
    if (!longest || bytes.length > longest.length) longest = bytes;
  }
  return longest;
}

/** CCID 1.1 §5.1: the class descriptor (type 21) as bytes, and decoded where it parses. */
function ccidClassDescriptor(configuration: Uint8Array) {
  let raw: string | null = null;
  for (let offset = 0; offset + 2 <= configuration.length; ) {
    const length = configuration[offset]!;
    if (length < 2) break;
    if (configuration[offset + 1] === 0x21) {
      raw = toHex(configuration.subarray(offset, offset + length));
      break;
    }
    offset += length;
  }
  if (raw === null) return null;
  try {
    return { raw, decoded: findCcidInterfaces(configuration)[0]?.descriptor ?? null };
  } catch (error) {
    return { raw, decoded: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The ATR (contact, or the PC/SC one a contactless reader makes) and, contactless, the ATQB. */
function cardOf(driver: DriverReport | null, connection: ConnectionInfo | null) {
  const atr = connection?.atr ?? (driver && 'descriptor' in driver && driver.atr ? toHex(driver.atr.raw) : driver && 'atqb' in driver ? driver.atr : null);
  const known = atr ? knownAtr(fromHex(atr)) : null;
  return {
    atr,
    knownCard: known ? `${known.card} — ${known.note}` : null,
    atqb: driver && 'atqb' in driver ? { ...driver.atqb, pupi: WITHHELD_PUPI } : null,
  };
}

/** Protocol, rates and frame sizes in force after start-up, as the driver reported them. */
function negotiated(driver: DriverReport | null, extendedLength: boolean | null) {
  if (!driver) return null;
  if ('descriptor' in driver) {
    const a = driver.atr;
    return {
      protocol: driver.protocol,
      exchangeLevel: driver.exchangeLevel,
      slot: driver.slot,
      packetSize: driver.packetSize,
      interfaceNumber: driver.interfaceNumber,
      interfaceClass: hex8(driver.interfaceClass),
      voltage: driver.negotiation.voltage,
      pps: driver.negotiation.pps,
      fiDi: hex8(driver.negotiation.fiDi),
      setParameters: driver.negotiation.setParameters,
      specificMode: driver.negotiation.specificMode,
      atrOffers: a ? { protocols: a.protocols, fi: a.fi, di: a.di, t1: a.t1, specificMode: a.specificMode } : null,
      extendedLength,
    };
  }
  const { atqb: _atqb, atr: _atr, ...rest } = driver;
  return { ...rest, extendedLength };
}

/** Fallbacks the driver took inside its own start-up: a slower bit rate, another RC-S300 sequence. */
function driverFallbacks(driver: DriverReport | null) {
  if (!driver || !('atqb' in driver)) return [];
  const found = [];
  if (driver.fellBackFrom) {
    found.push({
      from: `${driver.fellBackFrom.toCard}/${driver.fellBackFrom.toReader} kbit/s`,
      to: `${driver.bitRates.toCard}/${driver.bitRates.toReader} kbit/s`,
      because: 'the card was not heard at the faster rate',
    });
  }
  if ('failedSequences' in driver) {
    for (const f of driver.failedSequences) found.push({ from: f.sequence, to: driver.sequence, because: `failed at ${f.step}` });
  }
  return found;
}
