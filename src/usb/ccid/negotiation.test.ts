import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { parseAtr } from '../atr';
import { UsbAccessError } from '../host/UsbAccessError';
import { decodeCcidFeatures, type CcidClassDescriptor } from './classDescriptor';
import { encodeSetParameters } from './messages';
import { parametersFor, planNegotiation, powerOnVoltages } from './negotiation';

/** A class descriptor with the fields negotiation reads (CCID 1.1 Table 5.1-1); 4 MHz, up to 307 200 bit/s. */
function reader(features: number, protocols: { t0: boolean; t1: boolean }, voltages = { v5: true, v3: true, v1_8: true }): CcidClassDescriptor {
  return {
    bcdCcid: 0x0110, maxSlotIndex: 0, voltages, protocols: { ...protocols, raw: (protocols.t0 ? 1 : 0) | (protocols.t1 ? 2 : 0) },
    defaultClock: 4000, maximumClock: 4000, numClockSupported: 0, dataRate: 10752, maxDataRate: 307200, numDataRatesSupported: 0,
    maxIfsd: 254, synchProtocols: 0, mechanical: 0, features: decodeCcidFeatures(features), maxMessageLength: 271,
    classGetResponse: 'echo', classEnvelope: 'echo', lcdLayout: null, pinSupport: { verification: false, modification: false }, maxBusySlots: 1,
  };
}

const BOTH = { t0: true, t1: true };
/** TPDU level, automatic clock and baud rate only: the host does PPS and SetParameters. */
const HOST_NEGOTIATES = 0x00010030;
const MY_NUMBER = parseAtr(fromHex('3B E0 00 FF 81 31 FE 45 14'));
const TA1_13 = parseAtr(fromHex('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B'));
const SPECIFIC_T1 = parseAtr(fromHex('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6'));
const T0_ONLY = parseAtr(fromHex('3B 60 00 00'));

describe('planNegotiation (libccid IFDHSetProtocolParameters, ISO/IEC 7816-3 §6.3.1, §9)', () => {
  it('the My Number Card on a T=0 and T=1 reader: T=1, no PPS (default protocol, no TA1), SetParameters', () => {
    expect(planNegotiation(MY_NUMBER, reader(HOST_NEGOTIATES, BOTH))).toEqual({ protocol: 1, pps: null, fiDi: 0x11, setParameters: true, specificMode: false });
  });

  it('a T=1-only card on a T=0-only reader (QEMU) is refused at once with usb/card-protocol-unsupported', () => {
    const t0Only = () => planNegotiation(MY_NUMBER, reader(0x000104fe, { t0: true, t1: false }));
    expect(t0Only).toThrow(expect.objectContaining({ code: 'usb/card-protocol-unsupported', details: { card: 'T=1', reader: 'T=0' } }));
  });

  it('a T=0 card on a T=0-only reader: T=0', () => {
    expect(planNegotiation(T0_ONLY, reader(0x000104fe, { t0: true, t1: false })).protocol).toBe(0);
  });

  it('TA1 13 in negotiable mode: the host sends PPS FF 11 13 FD when the reader leaves PPS to it', () => {
    // 4 MHz × Di 4 / Fi 372 = 43 010 bit/s: faster than 10 752 and within dwMaxDataRate.
    const plan = planNegotiation(TA1_13, reader(HOST_NEGOTIATES, BOTH));
    expect(toHex(plan.pps!)).toBe('FF 11 13 FD');
    expect(plan.fiDi).toBe(0x13); // what the PPS asks for; the card's answer decides
  });

  it('TA1 13 on a reader that does PPS itself (0x80): no PPS from us, SetParameters carries TA1', () => {
    expect(planNegotiation(TA1_13, reader(HOST_NEGOTIATES | 0x80, BOTH))).toMatchObject({ pps: null, fiDi: 0x13, setParameters: true });
  });

  it('a reader that negotiates by itself (0x40): neither PPS nor SetParameters', () => {
    expect(planNegotiation(TA1_13, reader(HOST_NEGOTIATES | 0x40, BOTH))).toMatchObject({ pps: null, setParameters: false });
  });

  it('TA1 13 beyond the reader: no PPS1, Fi/Di stays 11', () => {
    const slow = { ...reader(HOST_NEGOTIATES, BOTH), maxDataRate: 20000 };
    expect(planNegotiation(TA1_13, slow)).toMatchObject({ pps: null, fiDi: 0x11 });
  });

  it('TA2 81 (specific mode, T=1): no PPS, the card runs at TA1 already', () => {
    expect(planNegotiation(SPECIFIC_T1, reader(HOST_NEGOTIATES, BOTH))).toEqual({ protocol: 1, pps: null, fiDi: 0x91, setParameters: true, specificMode: true });
  });

  it('specific mode in a protocol the reader lacks is refused', () => {
    expect(() => planNegotiation(SPECIFIC_T1, reader(HOST_NEGOTIATES, { t0: true, t1: false }))).toThrow(UsbAccessError);
  });

  it('specific mode with implicit parameters (TA2 bit 5) is refused', () => {
    // T0 = 90: TA1 and TD1; TD1 = 10: TA2 follows, T=0 (so no TCK); TA2 = 91: T=1 with bit 5 set.
    const implicit = parseAtr(fromHex('3B 90 11 10 91'));
    expect(() => planNegotiation(implicit, reader(HOST_NEGOTIATES, BOTH))).toThrow(UsbAccessError);
  });

  it('an APDU-level reader never gets a PPS from us', () => {
    expect(planNegotiation(TA1_13, reader(0x00040030, BOTH)).pps).toBeNull();
  });
});

describe('parametersFor (CCID 1.1 Tables 6.1-8 / 6.1-9)', () => {
  it('the My Number Card, T=1: 11 10 FF 45 00 FE 00', () => {
    expect(toHex(encodeSetParameters({ slot: 0, seq: 6 }, parametersFor(MY_NUMBER, 1, 0x11)))).toBe('61 07 00 00 00 00 06 01 00 00 11 10 FF 45 00 FE 00');
  });

  it('TA1 13 card after PPS, T=1: 13 10 FF 46 00 FB 00 (TB3 46, IFSC FB)', () => {
    expect(toHex(encodeSetParameters({ slot: 0, seq: 2 }, parametersFor(TA1_13, 1, 0x13)))).toBe('61 07 00 00 00 00 02 01 00 00 13 10 FF 46 00 FB 00');
  });

  it('a T=0 card: Fi/Di 11, TCCKS 00, guard 00, WI 0A (default), clock stop 00', () => {
    expect(toHex(encodeSetParameters({ slot: 0, seq: 1 }, parametersFor(T0_ONLY, 0, 0x11)))).toBe('61 05 00 00 00 00 01 00 00 00 11 00 00 0A 00');
  });
});

describe('powerOnVoltages (CCID 1.1 §6.1.1 bPowerSelect)', () => {
  it('automatic when the reader chooses the voltage (0x08)', () => {
    expect(powerOnVoltages(reader(0x000100ba, BOTH))).toEqual(['auto']);
  });

  it('5 V, 3 V, 1.8 V in turn otherwise (ACR39U, dwFeatures 0x000100B2)', () => {
    expect(powerOnVoltages(reader(0x000100b2, BOTH))).toEqual(['5V', '3V', '1.8V']);
  });

  it('only the classes bVoltageSupport lists', () => {
    expect(powerOnVoltages(reader(0x000100b2, BOTH, { v5: false, v3: true, v1_8: true }))).toEqual(['3V', '1.8V']);
  });
});
