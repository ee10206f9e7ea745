import type { Atr } from '../atr';
import { DI_TABLE, FI_TABLE } from '../atrTables';
import { UsbAccessError } from '../host/UsbAccessError';
import type { CcidClassDescriptor } from './classDescriptor';
import type { CcidVoltage } from './messages';
import { encodePpsRequest } from './pps';
import type { ProtocolParameters } from './parameters';

/**
 * What the host does between the ATR and the first APDU, decided from the ATR and the reader's
 * class descriptor the way libccid's `IFDHSetProtocolParameters` does (docs/browser-platform.md §4.11):
 * the protocol both sides speak, a PPS request when the host must send one, and whether the host
 * sends SetParameters at all.
 */
export interface NegotiationPlan {
  readonly protocol: 0 | 1;
  /** ISO/IEC 7816-3 §9.2 request bytes to send in an XfrBlock before anything else; null: no PPS. */
  readonly pps: Uint8Array | null;
  /** Fi/Di (TA1 coding) for SetParameters when no PPS changes it. */
  readonly fiDi: number;
  /** False when the reader negotiates by itself (dwFeatures 0x40): no PPS, no SetParameters. */
  readonly setParameters: boolean;
  /** The card announced specific mode (TA2, ISO/IEC 7816-3 §6.3.1): it runs one protocol, no PPS. */
  readonly specificMode: boolean;
}

/** ISO/IEC 7816-3 §8.3: Fi 372, Di 1 — the values in force after every ATR. */
const DEFAULT_FI_DI = 0x11;

const name = (t: number): string => `T=${t}`;

/**
 * ISO/IEC 7816-3 §6.3.1 and §9 with CCID 1.1 §5.1: picks the protocol and the steps.
 *
 * - The protocol is one the card offers and the reader lists in dwProtocols: TA2's in specific mode,
 *   otherwise the card's first offered (its default) when the reader speaks it, else the next the
 *   card offers that the reader speaks (which takes a PPS). None in common is refused at once
 *   (`usb/card-protocol-unsupported`): sending T=1 blocks to a T=0-only reader turns them into garbage APDUs.
 * - PPS (host side) only at TPDU level when the reader does neither negotiation (0x40) nor PPS (0x80)
 *   itself and the card is in negotiable mode, and only when it changes something: another protocol
 *   than the default, or TA1's faster rate the reader can reach (dwDefaultClock × Di / Fi ≤ dwMaxDataRate).
 * - Specific mode with implicit parameters (TA2 bit 5), or at a rate the reader cannot reach, cannot be
 *   driven: refused like libccid does.
 */
export function planNegotiation(atr: Atr, descriptor: CcidClassDescriptor): NegotiationPlan {
  const features = descriptor.features;
  const readerSpeaks = (t: number): boolean => (t === 0 && descriptor.protocols.t0) || (t === 1 && descriptor.protocols.t1);
  const refuse = (why: string): never => {
    throw new UsbAccessError('usb/card-protocol-unsupported', why, {
      card: atr.protocols.map(name).join(', '),
      reader: [descriptor.protocols.t0 ? 'T=0' : null, descriptor.protocols.t1 ? 'T=1' : null].filter(Boolean).join(', ') || 'none',
    });
  };
  const specific = atr.specificMode;
  const offered = specific ? [specific.protocol] : atr.protocols;
  const protocol = offered.find((t) => (t === 0 || t === 1) && readerSpeaks(t));
  if (protocol !== 0 && protocol !== 1) {
    return refuse(`the card speaks ${offered.map(name).join(', ')} and the reader only ${descriptor.protocols.t0 ? 'T=0' : ''}${descriptor.protocols.t1 ? 'T=1' : ''}`);
  }
  const fasterRate = ta1RateWithinReader(atr, descriptor);
  if (specific?.implicitParameters) refuse('the card is in specific mode with implicit parameters (TA2 bit 5)');
  if (specific && atr.groups[0]?.ta != null && fasterRate === 'too-fast') refuse('the card is fixed at a rate the reader cannot reach');
  const setParameters = !features.autoParameterNegotiation;
  // In specific mode the card already runs at TA1 (§6.3.1); in negotiable mode TA1 holds only once agreed.
  const fiDi = specific || fasterRate === 'use' ? atr.fiDi : DEFAULT_FI_DI;
  const hostDoesPps = setParameters && !features.autoPps && !specific && features.exchangeLevel === 'tpdu';
  const wantsPps = protocol !== atr.protocols[0] || fasterRate === 'use';
  const pps = hostDoesPps && wantsPps ? encodePpsRequest(protocol, fasterRate === 'use' ? atr.fiDi : null) : null;
  return { protocol, pps, fiDi, setParameters, specificMode: specific !== null };
}

/**
 * libccid's rate test for TA1 (baud rate = dwDefaultClock × Di / Fi): 'use' when TA1 is present,
 * faster than the default rate and within dwMaxDataRate; 'too-fast' when the reader cannot reach it;
 * 'default' otherwise (absent, RFU, or not faster).
 */
function ta1RateWithinReader(atr: Atr, descriptor: CcidClassDescriptor): 'use' | 'too-fast' | 'default' {
  if (atr.groups[0]?.ta == null || atr.fi === null || atr.di === null) return 'default';
  const clockHz = descriptor.defaultClock * 1000;
  const cardRate = Math.floor((clockHz * atr.di) / atr.fi);
  const defaultRate = Math.floor(clockHz / 372);
  if (cardRate > descriptor.maxDataRate) return 'too-fast';
  return cardRate > defaultRate ? 'use' : 'default';
}

/**
 * CCID 1.1 §6.1.7 Tables 6.1-8 / 6.1-9 from the ATR (ISO/IEC 7816-3 §8.3, §10.2, §11.4), with the
 * Fi/Di the negotiation left in force: T=0 takes TC1 and WI (TC2); T=1 takes TC1, the first TB and
 * TA for T=1 (BWI/CWI, IFSC) and the EDC from the first TC for T=1. NAD is 0: one card.
 */
export function parametersFor(atr: Atr, protocol: 0 | 1, fiDi: number): ProtocolParameters {
  const inverseConvention = atr.convention === 'inverse';
  if (protocol === 0) {
    return { protocol: 0, fiDi, inverseConvention, guardTime: atr.extraGuardTime, waitingInteger: atr.t0WaitingInteger, clockStop: atr.clockStop };
  }
  const t1 = atr.t1 ?? { ifsc: 32, bwi: 4, cwi: 13, edc: 'lrc' as const };
  return { protocol: 1, fiDi, inverseConvention, edc: t1.edc, guardTime: atr.extraGuardTime, bwi: t1.bwi, cwi: t1.cwi, clockStop: atr.clockStop, ifsc: t1.ifsc, nad: 0 };
}

/**
 * CCID 1.1 §6.1.1 bPowerSelect: "automatic" (00) only when the reader chooses the voltage itself
 * (dwFeatures 0x08) or activates the card itself (0x04, as libccid reads it); otherwise the host
 * tries the classes the reader supports (bVoltageSupport) one after another, 5 V, 3 V, 1.8 V, until
 * the card answers.
 */
export function powerOnVoltages(descriptor: CcidClassDescriptor): readonly CcidVoltage[] {
  const { features, voltages } = descriptor;
  if (features.autoVoltage || features.autoActivation) return ['auto'];
  const tried: CcidVoltage[] = [];
  if (voltages.v5) tried.push('5V');
  if (voltages.v3) tried.push('3V');
  if (voltages.v1_8) tried.push('1.8V');
  return tried.length > 0 ? tried : ['5V'];
}

/** For the reader check: the Fi/Di index pair's rate on this reader's default clock (ISO/IEC 7816-3 §7.1). */
export function rateOf(fiDi: number, descriptor: CcidClassDescriptor): number | null {
  const fi = FI_TABLE[fiDi >> 4]?.fi;
  const di = DI_TABLE[fiDi & 0x0f];
  if (!fi || !di) return null;
  return Math.floor((descriptor.defaultClock * 1000 * di) / fi);
}
