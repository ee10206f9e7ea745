import { TransportError } from '../../transport';
import { parseAtr, type Atr } from '../atr';
import { UsbAccessError } from '../host/UsbAccessError';
import { startUpStep } from '../host/usbSteps';
import type { UsbDeviceLike, UsbInTransferResultLike } from '../UsbDeviceLike';
import type { CcidClassDescriptor } from './classDescriptor';
import type { CcidLink } from './CcidLink';
import { findCcidInterfaces, type CcidInterface } from './descriptor';
import { encodeGetSlotStatus, encodeIccPowerOn, encodeSetParameters, encodeXfrBlock, type CcidVoltage } from './messages';
import { parametersFor, planNegotiation, powerOnVoltages } from './negotiation';
import type { ProtocolParameters } from './parameters';
import { checkPpsResponse } from './pps';
import type { CcidReply } from './replies';

/** What the driver did between power-on and the first APDU. */
export interface CcidNegotiationReport {
  /** bPowerSelect of the power-on the card answered. */
  readonly voltage: CcidVoltage;
  /** The PPS request sent, or null when the reader or the card's mode made it needless. */
  readonly pps: Uint8Array | null;
  /** Fi/Di (TA1 coding) in force after the negotiation. */
  readonly fiDi: number;
  /** False when the reader negotiates by itself (dwFeatures 0x40). */
  readonly setParameters: boolean;
  readonly specificMode: boolean;
}

/** USB 2.0 §9.4.3: GET_DESCRIPTOR, descriptor type CONFIGURATION in the high byte of wValue. */
const GET_DESCRIPTOR = 0x06;
const CONFIGURATION_DESCRIPTOR = 0x0200;

function bytesOf(result: UsbInTransferResultLike): Uint8Array {
  const view = result.data;
  if (!view) return new Uint8Array(0);
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

/**
 * The configuration descriptor as the device sends it (its 9-byte header first, for wTotalLength),
 * and the first CCID interface in it (CCID 1.1 §5.1), with the configuration it belongs to.
 */
export async function readCcidInterface(device: UsbDeviceLike): Promise<{ ccid: CcidInterface; configurationValue: number }> {
  const setup = { requestType: 'standard', recipient: 'device', request: GET_DESCRIPTOR, value: CONFIGURATION_DESCRIPTOR, index: 0 } as const;
  const head = bytesOf(await startUpStep('GET_DESCRIPTOR', () => device.controlTransferIn(setup, 9)));
  if (head.length < 9) throw new TransportError('transport/protocol', `configuration descriptor header is ${head.length} bytes`);
  const total = head[2]! | (head[3]! << 8);
  const configuration = bytesOf(await startUpStep('GET_DESCRIPTOR', () => device.controlTransferIn(setup, total)));
  const ccid = await startUpStep('reading the CCID descriptor', async () => findCcidInterfaces(configuration)[0]);
  if (!ccid) throw new UsbAccessError('usb/not-a-reader', 'the device has no CCID interface');
  // USB 2.0 §9.6.3: bConfigurationValue is byte 5 of the configuration descriptor.
  return { ccid, configurationValue: configuration[5]! };
}

/** CCID 1.1 §6.1.3 GetSlotStatus on each slot in turn; the first with a card, else slot 0. */
export async function firstOccupiedSlot(link: CcidLink, maxSlotIndex: number): Promise<number> {
  for (let slot = 0; slot <= maxSlotIndex; slot++) {
    link.slot = slot;
    const status = await link.command((at) => encodeGetSlotStatus(at), { powerOn: true }).catch(() => null);
    if (status && status.iccStatus !== 'absent') return slot;
  }
  return 0;
}

/**
 * IccPowerOn (CCID 1.1 §6.1.1) at each voltage `powerOnVoltages` allows until the card answers,
 * with the slot's answer in the person's terms: an empty slot (bmICCStatus 2) is "no card",
 * ICC_MUTE at every voltage is a card that does not answer. Returns the parsed ATR.
 */
export async function powerOn(link: CcidLink, descriptor: CcidClassDescriptor): Promise<{ atr: Atr; voltage: CcidVoltage }> {
  let refused: CcidReply | null = null;
  for (const voltage of powerOnVoltages(descriptor)) {
    let reply: CcidReply;
    try {
      reply = await link.command((at) => encodeIccPowerOn(at, voltage), { acceptFailed: true, powerOn: true });
    } catch (error) {
      if (error instanceof TransportError && error.code === 'transport/card-removed') throw new UsbAccessError('usb/no-card', 'there is no card in the reader');
      throw error;
    }
    if (reply.commandStatus === 'failed') {
      refused = reply;
      continue;
    }
    if (reply.type !== 'data-block') throw new TransportError('transport/protocol', 'IccPowerOn did not answer with a DataBlock');
    try {
      return { atr: parseAtr(reply.data), voltage };
    } catch (error) {
      throw new TransportError('transport/protocol', `the card's ATR is malformed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (refused?.errorName === 'ICC_MUTE') throw new UsbAccessError('usb/card-mute', 'the card did not answer the power-on');
  throw new TransportError('transport/protocol', `the reader refused the power-on: ${refused?.errorName ?? 'unknown'}`, { bError: refused?.bError ?? 0 });
}

/**
 * What libccid's `IFDHSetProtocolParameters` does after the power-on (docs/browser-platform.md
 * §4.11): a protocol both card and reader speak, PPS when the host must send it, SetParameters
 * unless the reader negotiates by itself (dwFeatures 0x40). Returns the parameters in force.
 */
export async function negotiate(
  link: CcidLink,
  atr: Atr,
  descriptor: CcidClassDescriptor,
  voltage: CcidVoltage,
): Promise<{ parameters: ProtocolParameters; protocol: 0 | 1; report: CcidNegotiationReport }> {
  const plan = planNegotiation(atr, descriptor);
  let fiDi = plan.fiDi;
  if (plan.pps) {
    // ISO/IEC 7816-3 §9: the request goes to the card as it is; the reader passes the answer back.
    const pps = plan.pps;
    const confirm = await link.command((at) => encodeXfrBlock(at, pps), { acceptFailed: true });
    if (confirm.commandStatus === 'failed') {
      throw new TransportError('transport/protocol', `PPS failed: the card did not take the request (${confirm.errorName ?? 'unknown'})`, { bError: confirm.bError });
    }
    if (confirm.type !== 'data-block') throw new TransportError('transport/protocol', 'the PPS exchange did not answer with a DataBlock');
    fiDi = checkPpsResponse(pps, confirm.data).fiDi;
  }
  const parameters = parametersFor(atr, plan.protocol, fiDi);
  if (plan.setParameters) await setParameters(link, parameters);
  const report = { voltage, pps: plan.pps, fiDi, setParameters: plan.setParameters, specificMode: plan.specificMode };
  return { parameters, protocol: plan.protocol, report };
}

/**
 * CCID 1.1 §6.1.7 SetParameters. A bError of 1..127 says a field is not changeable and 00 that
 * the command is not supported: the reader keeps its own values, which libccid takes as success.
 */
async function setParameters(link: CcidLink, parameters: ProtocolParameters): Promise<void> {
  const reply = await link.command((at) => encodeSetParameters(at, parameters), { acceptFailed: true });
  if (reply.commandStatus !== 'failed' || reply.errorName === 'BAD_PARAMETER' || reply.errorName === 'CMD_NOT_SUPPORTED') return;
  throw new TransportError('transport/protocol', `the reader refused SetParameters: ${reply.errorName ?? 'unknown'}`, { bError: reply.bError });
}
