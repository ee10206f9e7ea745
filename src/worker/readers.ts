import { fromHex, toHex } from '../bytes';
import { TransportError } from '../transport';
import { CcidReader, type CcidReaderReport } from '../usb/ccid/CcidReader';
import { Rcs300Reader, type Rcs300ReaderReport } from '../usb/rcs300/Rcs300Reader';
import { Rcs380Reader, type Rcs380ReaderReport } from '../usb/rcs380/Rcs380Reader';
import { grantedReaders } from '../usb/discovery';
import { readerView } from './readerList';
import { knownAtr } from '../usb/knownAtrs';
import { hostOsFromUserAgent, UsbAccessError, type HostOs } from '../usb/host/UsbAccessError';
import type { ReaderRoute } from '../usb/knownReaders';
import type { UsbLike } from '../usb/host/UsbLike';
import type { UsbDeviceLike } from '../usb/UsbDeviceLike';
import type { CcidCheckView, CcidFeatureKey, ContactlessCheckView, ReaderCheckView, ReaderFact, ReaderView } from '../protocol';
import type { ReaderAttempt } from './readerReport/ReaderAttempt';

/** How long one bulk-IN reply may take before the reader counts as mute (the card's BWT is far below). */
const REPLY_TIMEOUT_MS = 5_000;
/** The RC-S380's USB margin on top of each frame waiting time the card announces (ISO/IEC 14443-4 FWT). */
const RF_MARGIN_MS = 1_000;

/** A CCID interface we could not use but the vendor route may: claimed by the OS, or not presented at all. */
function vendorRouteMayStillWork(error: unknown): boolean {
  if (error instanceof UsbAccessError) return error.code !== 'usb/no-card';
  return error instanceof TransportError && error.code !== 'transport/device-lost';
}

/** A reader opened for the engine, with what it needs to recognise its device later. */
export interface OpenedReader {
  readonly reader: CcidReader | Rcs380Reader | Rcs300Reader;
  readonly device: UsbDeviceLike;
  readonly view: ReaderView;
  /** The reader check of this driver, from its own report. */
  readonly check: () => ReaderCheckView;
}

/** A driver opened on a device, with how its reader check reads its report. */
interface DriverOpened {
  readonly reader: OpenedReader['reader'];
  readonly check: (view: ReaderView) => ReaderCheckView;
}

/**
 * Reader discovery's one registry on the engine side: for every route `usb/discovery.ts` can give a
 * device, how to open its driver and what its reader check reports. A new route is one entry here
 * (and its identities in `usb/knownReaders.ts`); the compiler asks for it once `ReaderRoute` grows.
 */
const READER_DRIVERS: Readonly<Record<Exclude<ReaderRoute, 'unsupported'>, (device: UsbDeviceLike, os: HostOs) => Promise<DriverOpened>>> = {
  'ccid-vendor': openCcid,
  'ccid-class': openCcid,
  port100: async (device, os) => {
    const reader = await Rcs380Reader.open(device, { timeoutMs: RF_MARGIN_MS, os });
    return { reader, check: (view) => contactlessCheckView(view, reader.report()) };
  },
  rcs300: async (device, os) => {
    const reader = await Rcs300Reader.open(device, { timeoutMs: RF_MARGIN_MS, os });
    return { reader, check: (view) => contactlessCheckView(view, reader.report()) };
  },
};

async function openCcid(device: UsbDeviceLike, os: HostOs): Promise<DriverOpened> {
  const reader = await CcidReader.open(device, { timeoutMs: REPLY_TIMEOUT_MS, os });
  return { reader, check: (view) => readerCheckView(view, reader.report(), reader.extendedLength) };
}

/**
 * Finds the granted reader by id and opens it. A smart-card-class reader in a page that may not
 * claim it is refused before any claim (`usb/protected-class`), so the person sees our guidance
 * instead of Chrome's console warning; a reader of another protocol is `usb/not-a-reader`.
 */
export async function openReader(usb: UsbLike | null, readerId: string, unrestricted: boolean, attempt?: ReaderAttempt): Promise<OpenedReader> {
  if (!usb) throw new UsbAccessError('usb/unavailable', 'this browser has no WebUSB in workers');
  const found = (await grantedReaders(usb)).find(({ description }) => description.id === readerId);
  if (!found) throw new UsbAccessError('usb/reader-not-found', `the reader ${readerId} is not plugged in`, { readerId });
  const view = readerView(found.description, unrestricted);
  if (attempt) attempt.view = view;
  if (view.blockedBy) throw new UsbAccessError(view.blockedBy, `${view.name} cannot be used here`, { reader: view.name });
  if (view.route === 'unsupported') throw new UsbAccessError('usb/not-a-reader', `${view.name} cannot be used here`, { reader: view.name });
  const os = hostOsFromUserAgent(globalThis.navigator?.userAgent ?? '');
  // The driver gets the device through the report's recorder (start-up only); `device` stays the real one.
  const device = attempt ? attempt.wrap(found.device) : found.device;
  let opened: DriverOpened;
  try {
    opened = await READER_DRIVERS[view.route](device, os).catch(async (error: unknown) => {
      // An RC-S300 whose CCID interface the OS holds (or does not show): its vendor interface instead.
      if (found.description.route !== 'rcs300' || view.route === 'rcs300' || !vendorRouteMayStillWork(error)) throw error;
      attempt?.fallbacks.push({ from: 'the CCID interface (0)', to: 'the vendor interface (experimental)', because: error instanceof Error ? error.message : String(error) });
      return READER_DRIVERS.rcs300(device, os);
    });
  } finally {
    attempt?.endStartUp();
  }
  const route = opened.reader instanceof Rcs300Reader ? 'rcs300' : view.route;
  const openedView: ReaderView = { ...view, route, experimental: route === 'rcs300' };
  if (attempt) {
    attempt.view = openedView;
    attempt.driver = opened.reader.report();
    attempt.extendedLength = opened.reader.extendedLength;
  }
  return { reader: opened.reader, device: found.device, view: openedView, check: () => opened.check(openedView) };
}

/** The dwFeatures bits the reader check names, in CCID 1.1 Table 5.1-1 order. */
const FEATURE_KEYS: readonly CcidFeatureKey[] = [
  'autoParametersFromAtr', 'autoActivation', 'autoVoltage', 'autoClock', 'autoBaudRate',
  'autoParameterNegotiation', 'autoPps', 'clockStop', 'nadOtherThanZero', 'autoIfsd', 'usbWakeUp',
];

/** The reader check view of whichever driver is in use. */
export function readerCheckOf(opened: OpenedReader): ReaderCheckView {
  return opened.check();
}

/** ISO/IEC 14443-3 §7.9 (ATQB), §7.10 (ATTRIB) and the chip, as the reader check shows them. */
function contactlessCheckView(view: ReaderView, report: Rcs380ReaderReport | Rcs300ReaderReport): ContactlessCheckView {
  const a = report.atqb;
  return {
    kind: 'contactless',
    reader: view,
    firmwareVersion: report.firmwareVersion,
    experimental: report.reader === 'RC-S300',
    interfaceClass: report.interfaceClass.toString(16).toUpperCase().padStart(2, '0'),
    packetSize: report.packetSize,
    atr: report.atr,
    cardFacts: [
      { key: 'pupi', value: a.pupi },
      { key: 'applicationData', value: a.applicationData },
      { key: 'protocolInfo', value: a.protocolInfo },
      { key: 'fscFsc', fsci: a.fsci, fsc: report.fsc },
      { key: 'fwiFwt', fwi: a.fwi, fwtMs: a.fwtMs },
      // The ATR a PC/SC reader makes from the ATQB: the known-ATR list names the card, never refuses one.
      knownCardFact(fromHex(report.atr)),
      { key: 'iso14443_4', compliant: (a.protocolType & 0x01) === 1 },
      { key: 'cidNad', cid: a.cidSupported, nad: a.nadSupported },
      { key: 'mbli', value: String(report.mbli) },
      { key: 'wupbPolls', value: String(report.pollAttempts) },
      { key: 'bitRate', toCard: report.bitRates.toCard, toReader: report.bitRates.toReader, fellBackFrom: report.fellBackFrom },
      ...('sequence' in report
        ? [{ key: 'startUpSequence', sequence: report.sequence, failed: report.failedSequences.map((f) => ({ sequence: f.sequence, step: f.step })) } as const]
        : []),
    ],
    fsc: report.fsc,
    fsd: report.fsd,
    bitRateKbps: report.bitRateKbps,
    extendedLength: report.extendedLength,
  };
}

/**
 * The card the known-ATR list (usb/knownAtrs.ts, pcsc-tools' smartcard_list.txt) files this ATR
 * under, null when it is not there. Named only: an ATR missing from the list never stops the card
 * being tried — selecting the JPKI AID decides, as OpenSC's `jpki` driver does (docs/card-reference.md §1).
 */
function knownCardFact(atr: Uint8Array): ReaderFact {
  return { key: 'knownCard', card: knownAtr(atr)?.key ?? null };
}

/** CCID 1.1 §5.1 and ISO 7816-3 §8: the reader check view from the driver's report. */
function readerCheckView(view: ReaderView, report: CcidReaderReport, extendedLength: boolean): CcidCheckView {
  const d = report.descriptor;
  const atr = report.atr;
  const atrFacts: ReaderFact[] = [];
  if (atr) {
    atrFacts.push({ key: 'protocolsOffered', value: atr.protocols.map((t) => `T=${t}`).join(', ') });
    atrFacts.push({ key: 'fiDi', value: `${atr.fi ?? 'RFU'} / ${atr.di ?? 'RFU'}` });
    if (atr.t1) {
      atrFacts.push({ key: 'ifsc', value: String(atr.t1.ifsc) });
      atrFacts.push({ key: 'bwiCwi', value: `${atr.t1.bwi} / ${atr.t1.cwi}` });
      atrFacts.push({ key: 'edc', value: atr.t1.edc.toUpperCase() });
    }
    atrFacts.push({ key: 'historicalBytes', value: atr.historical.length > 0 ? toHex(atr.historical) : '—' });
    atrFacts.push(knownCardFact(atr.raw));
    const n = report.negotiation;
    atrFacts.push({
      key: 'negotiated',
      protocol: report.protocol,
      fiDi: n.fiDi.toString(16).toUpperCase().padStart(2, '0'),
      pps: n.specificMode ? { mode: 'specific' } : n.pps ? { mode: 'sent', bytes: toHex(n.pps) } : { mode: 'none' },
      setParameters: n.setParameters,
      voltage: n.voltage,
    });
  }
  return {
    kind: 'ccid',
    reader: view,
    interfaceNumber: report.interfaceNumber,
    interfaceClass: report.interfaceClass.toString(16).toUpperCase().padStart(2, '0'),
    bcdCcid: `${d.bcdCcid >> 8}.${(d.bcdCcid & 0xff).toString(16).padStart(2, '0')}`,
    maxSlotIndex: d.maxSlotIndex,
    slot: report.slot,
    voltages: [d.voltages.v5 ? '5 V' : null, d.voltages.v3 ? '3 V' : null, d.voltages.v1_8 ? '1.8 V' : null].filter((v): v is string => v !== null),
    protocols: [d.protocols.t0 ? 'T=0' : null, d.protocols.t1 ? 'T=1' : null].filter((v): v is string => v !== null),
    features: d.features.raw.toString(16).toUpperCase().padStart(8, '0'),
    featureKeys: FEATURE_KEYS.filter((key) => d.features[key] === true),
    exchangeLevel: d.features.exchangeLevel,
    maxMessageLength: d.maxMessageLength,
    maxIfsd: d.maxIfsd,
    packetSize: report.packetSize,
    atr: atr ? toHex(atr.raw) : '',
    atrFacts,
    protocolInUse: report.protocol,
    extendedLength,
  };
}
