import { fromHex, toHex } from '../bytes';
import { TransportError } from '../transport';
import type { CcidReaderReport } from '../usb/ccid/CcidReader';
import { grantedReaders } from '../usb/discovery';
import { readerView } from './readerList';
import { knownAtr } from '../usb/knownAtrs';
import { hostOsFromUserAgent, UsbAccessError, type HostOs } from '../usb/host/UsbAccessError';
import type { DriverReport, OpenedDriver, ReaderDriver, ReaderTransport } from '../usb/readerDriver';
import { READER_DRIVERS, routesHere } from '../usb/readerRegistry';
import type { UsbLike } from '../usb/host/UsbLike';
import type { UsbDeviceLike } from '../usb/UsbDeviceLike';
import type { CcidCheckView, CcidFeatureKey, ContactlessCheckView, ReaderCheckView, ReaderFact, ReaderView } from '../protocol';
import type { ReaderAttempt } from './readerReport/ReaderAttempt';

/*
 * The engine side of reader discovery, loaded when a reader is opened: every reader-specific fact
 * (identities, routes, how a driver opens, which reader check it makes) comes from the drivers'
 * descriptors in usb/readerRegistry.ts; this file knows only the two kinds of reader check.
 */

/** An interface we could not use but the reader's next route may: claimed by the OS, or not presented at all. */
function nextRouteMayWork(error: unknown): boolean {
  if (error instanceof UsbAccessError) return error.code !== 'usb/no-card';
  return error instanceof TransportError && error.code !== 'transport/device-lost';
}

/** A reader opened for the engine, with what it needs to recognise its device later. */
export interface OpenedReader {
  readonly reader: ReaderTransport;
  readonly device: UsbDeviceLike;
  readonly view: ReaderView;
  /** The reader check of this driver, from its own report. */
  readonly check: () => ReaderCheckView;
}

/**
 * Finds the granted reader by id and opens it on the first route this page may claim, then on the
 * next when an interface could not be used (the RC-S300's vendor interface after its CCID one). A
 * smart-card-class reader in a page that may not claim it is refused before any claim
 * (`usb/protected-class`), so the person sees our guidance instead of Chrome's console warning; a
 * device no driver takes is `usb/not-a-reader`.
 */
export async function openReader(
  usb: UsbLike | null,
  readerId: string,
  unrestricted: boolean,
  attempt?: ReaderAttempt,
  drivers: readonly ReaderDriver[] = READER_DRIVERS,
): Promise<OpenedReader> {
  if (!usb) throw new UsbAccessError('usb/unavailable', 'this browser has no WebUSB in workers');
  const found = (await grantedReaders(usb, drivers)).find(({ description }) => description.id === readerId);
  if (!found) throw new UsbAccessError('usb/reader-not-found', `the reader ${readerId} is not plugged in`, { readerId });
  const view = readerView(found, unrestricted);
  if (attempt) attempt.view = view;
  if (view.blockedBy) throw new UsbAccessError(view.blockedBy, `${view.name} cannot be used here`, { reader: view.name });
  const os = hostOsFromUserAgent(globalThis.navigator?.userAgent ?? '');
  // The driver gets the device through the report's recorder (start-up only); `device` stays the real one.
  const device = attempt ? attempt.wrap(found.device) : found.device;
  let opened: OpenedOnRoute;
  try {
    opened = await openOnFirstRoute(routesHere(found.routes, unrestricted), device, os, (from, to, error) => {
      const because = error instanceof Error ? error.message : String(error);
      attempt?.fallbacks.push({ from: from.interfaceName(found.device), to: to.interfaceName(found.device), because });
    });
  } finally {
    attempt?.endStartUp();
  }
  const { driver, reader } = opened;
  const openedView: ReaderView = { ...view, route: driver.route, experimental: driver.experimental };
  if (attempt) {
    attempt.view = openedView;
    attempt.driver = opened.report();
    attempt.extendedLength = reader.extendedLength;
  }
  return { reader, device: found.device, view: openedView, check: () => checkView(openedView, opened.report(), reader.extendedLength) };
}

/** A driver started, and the route it was started on. */
type OpenedOnRoute = OpenedDriver & { readonly driver: ReaderDriver };

/** Opens the device on each route in turn until one starts; moves on only when the next route may still work. */
async function openOnFirstRoute(
  routes: readonly ReaderDriver[],
  device: UsbDeviceLike,
  os: HostOs,
  fellBack: (from: ReaderDriver, to: ReaderDriver, error: unknown) => void,
): Promise<OpenedOnRoute> {
  for (const [index, driver] of routes.entries()) {
    try {
      return { driver, ...(await start(driver, device, os)) };
    } catch (error) {
      const next = routes[index + 1];
      if (!next || !nextRouteMayWork(error)) throw error;
      fellBack(driver, next, error);
    }
  }
  throw new UsbAccessError('usb/not-a-reader', 'no driver can open this device');
}

/** Loads the route's driver (its own chunk) and starts it; its report is of the reader check the route makes. */
async function start(driver: ReaderDriver, device: UsbDeviceLike, os: HostOs): Promise<OpenedDriver> {
  const options = { timeoutMs: driver.timeoutMs, os };
  if (driver.check === 'ccid') {
    const reader = await (await driver.load()).open(device, options);
    return { reader, report: () => ({ kind: 'ccid', report: reader.report() }) };
  }
  const reader = await (await driver.load()).open(device, options);
  return { reader, report: () => ({ kind: 'contactless', report: reader.report() }) };
}

/** The reader check of the kind the driver reports: contact (CCID) or contactless (Type B, ISO-DEP). */
function checkView(view: ReaderView, driver: DriverReport, extendedLength: boolean): ReaderCheckView {
  return driver.kind === 'ccid' ? readerCheckView(view, driver.report, extendedLength) : contactlessCheckView(view, driver.report);
}

/** The dwFeatures bits the reader check names, in CCID 1.1 Table 5.1-1 order. */
const FEATURE_KEYS: readonly CcidFeatureKey[] = [
  'autoParametersFromAtr', 'autoActivation', 'autoVoltage', 'autoClock', 'autoBaudRate',
  'autoParameterNegotiation', 'autoPps', 'clockStop', 'nadOtherThanZero', 'autoIfsd', 'usbWakeUp',
];

/** ISO/IEC 14443-3 §7.9 (ATQB), §7.10 (ATTRIB) and the chip, as the reader check shows them. */
function contactlessCheckView(view: ReaderView, report: Extract<DriverReport, { kind: 'contactless' }>['report']): ContactlessCheckView {
  const a = report.atqb;
  return {
    kind: 'contactless',
    reader: view,
    firmwareVersion: report.firmwareVersion,
    experimental: view.experimental,
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
