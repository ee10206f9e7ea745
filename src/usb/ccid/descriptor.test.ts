import { describe, expect, it } from 'vitest';
import { fromHex, MalformedDataError } from '../../bytes';
import { findCcidInterfaces } from './descriptor';

/** docs/test-rigs.md §B.5: QEMU's usb-ccid configuration descriptor as Chromium read it over WebUSB. */
const QEMU = fromHex(`
  09 02 5d 00 01 01 00 e0 32 09 04 00 00 03 0b 00 00 04 36 21 10 01 00 07 01 00 00 00 a0 0f 00 00 00 00 01 00 00 80 25 00 00
  00 c2 01 00 00 fe 00 00 00 00 00 00 00 00 00 00 00 fe 04 01 00 12 00 01 00 ff ff 00 00 01 01 07 05 81 03 40 00 ff 07 05 82 02
  40 00 00 07 05 03 02 40 00 00`);

/**
 * Hand-written from CCID 1.1 Table 5.1-1: a vendor-class (0xFF) interface in the manner of the
 * SCR3310-NTTCom, TPDU level, T=0 and T=1, class descriptor placed AFTER the endpoints.
 * wTotalLength = 9 + 9 + 3×7 + 54 = 93 = 0x5D.
 */
const VENDOR_TPDU = fromHex(`
  09 02 5d 00 01 01 00 80 32
  09 04 00 00 03 ff 00 00 00
  07 05 81 02 40 00 00
  07 05 02 02 40 00 00
  07 05 83 03 10 00 10
  36 21 10 01 00 07
  03 00 00 00  a0 0f 00 00  a0 0f 00 00  00
  80 25 00 00  00 b0 04 00  00
  fe 00 00 00  00 00 00 00  00 00 00 00
  ba 00 01 00
  0f 01 00 00
  00 00  00 00  00 01`);

/**
 * Hand-written: interface 0 is vendor class with a 9-byte type-0x21 descriptor (a HID descriptor,
 * not CCID: ignored); interface 1 is class 0x0B at short+extended APDU level (dwFeatures 0x000404FE,
 * dwMaxCCIDMessageLength 522), no interrupt endpoint, 2-line × 16-char LCD, PIN verify + modify.
 * wTotalLength = 9 + (9 + 9 + 7) + (9 + 54 + 7 + 7) = 111 = 0x6F.
 */
const EXTENDED = fromHex(`
  09 02 6f 00 02 01 00 80 32
  09 04 00 00 01 ff 00 00 00
  09 21 11 01 00 01 22 20 00
  07 05 84 03 08 00 0a
  09 04 01 00 02 0b 00 00 00
  36 21 10 01 00 01
  02 00 00 00  c0 12 00 00  c0 12 00 00  00
  80 25 00 00  00 10 0e 00  00
  fe 00 00 00  00 00 00 00  00 00 00 00
  fe 04 04 00
  0a 02 00 00
  ff ff  10 02  03 01
  07 05 81 02 00 02 00
  07 05 01 02 00 02 00`);

describe('findCcidInterfaces (CCID 1.1 §5.1)', () => {
  it('decodes QEMU usb-ccid as lsusb -v printed it (docs/test-rigs.md §B.5)', () => {
    const [ccid, ...others] = findCcidInterfaces(QEMU);
    expect(others).toEqual([]);
    expect(ccid).toMatchObject({
      interfaceNumber: 0,
      interfaceClass: 0x0b,
      interruptIn: { address: 0x81, number: 1, packetSize: 64 },
      bulkIn: { address: 0x82, number: 2, packetSize: 64 },
      bulkOut: { address: 0x03, number: 3, packetSize: 64 },
    });
    const d = ccid!.descriptor;
    expect(d).toMatchObject({
      bcdCcid: 0x0110,
      maxSlotIndex: 0,
      voltages: { v5: true, v3: true, v1_8: true },
      protocols: { t0: true, t1: false },
      defaultClock: 4000,
      maximumClock: 65536,
      dataRate: 9600,
      maxDataRate: 115200,
      maxIfsd: 254,
      maxMessageLength: 65554,
      classGetResponse: 'echo',
      classEnvelope: 'echo',
      lcdLayout: null,
      pinSupport: { verification: true, modification: false },
      maxBusySlots: 1,
    });
    expect(d.features).toEqual({
      raw: 0x000104fe,
      autoParametersFromAtr: true,
      autoActivation: true,
      autoVoltage: true,
      autoClock: true,
      autoBaudRate: true,
      autoParameterNegotiation: true,
      autoPps: true,
      clockStop: false,
      nadOtherThanZero: false,
      autoIfsd: true,
      usbWakeUp: false,
      exchangeLevel: 'tpdu',
    });
  });

  it('finds a vendor-class TPDU reader with T=1 whose class descriptor follows the endpoints', () => {
    const [ccid] = findCcidInterfaces(VENDOR_TPDU);
    expect(ccid).toMatchObject({
      interfaceClass: 0xff,
      bulkIn: { number: 1, packetSize: 64 },
      bulkOut: { number: 2, packetSize: 64 },
      interruptIn: { address: 0x83, number: 3, packetSize: 16 },
    });
    expect(ccid!.descriptor).toMatchObject({
      protocols: { t0: true, t1: true, raw: 3 },
      maxDataRate: 307200,
      maxMessageLength: 271,
      classGetResponse: 0,
      classEnvelope: 0,
      pinSupport: { verification: false, modification: false },
    });
    expect(ccid!.descriptor.features).toMatchObject({
      exchangeLevel: 'tpdu',
      autoActivation: false,
      autoParameterNegotiation: false,
      autoPps: true,
      autoIfsd: false,
    });
  });

  it('skips a vendor interface whose type-0x21 descriptor is not 54 bytes, and reads an extended-APDU reader', () => {
    const found = findCcidInterfaces(EXTENDED);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ interfaceNumber: 1, interfaceClass: 0x0b, interruptIn: null, bulkIn: { address: 0x81, packetSize: 512 } });
    expect(found[0]!.descriptor).toMatchObject({
      voltages: { v5: true, v3: false, v1_8: false },
      protocols: { t0: false, t1: true },
      defaultClock: 4800,
      maxDataRate: 921600,
      maxMessageLength: 522,
      lcdLayout: { lines: 2, charactersPerLine: 16 },
      pinSupport: { verification: true, modification: true },
    });
    expect(found[0]!.descriptor.features.exchangeLevel).toBe('extended-apdu');
  });

  const failure = (bytes: Uint8Array): MalformedDataError => {
    try {
      findCcidInterfaces(bytes);
    } catch (e) {
      if (e instanceof MalformedDataError) return e;
      throw e;
    }
    throw new Error('expected MalformedDataError');
  };

  it('refuses a configuration shorter than its wTotalLength, pointing at wTotalLength', () => {
    expect(failure(QEMU.subarray(0, 80))).toMatchObject({ offset: 2 });
  });

  it('refuses a descriptor that runs past the end, at its first byte', () => {
    const bytes = QEMU.slice();
    bytes[2] = 0x5c; // wTotalLength 92 cuts the last endpoint descriptor (offset 86) short
    expect(failure(bytes.subarray(0, 92)).offset).toBeGreaterThanOrEqual(86);
  });

  it('refuses bLength 0, which would never advance', () => {
    const bytes = QEMU.slice();
    bytes[72] = 0x00; // first endpoint descriptor (offset 72)
    expect(failure(bytes)).toMatchObject({ offset: 72 });
  });

  it('refuses a class-0x0B interface whose class descriptor is not 54 bytes', () => {
    const bytes = QEMU.slice();
    bytes[18] = 0x35;
    expect(failure(bytes)).toMatchObject({ offset: 18 });
  });

  it('refuses a class-0x0B interface without a class descriptor or without bulk pipes', () => {
    const noClass = fromHex('09 02 12 00 01 01 00 80 32 09 04 00 00 00 0b 00 00 00');
    expect(failure(noClass)).toMatchObject({ offset: 9 });
    const noBulk = QEMU.slice(0, 86);
    noBulk[2] = 86;
    expect(failure(noBulk)).toMatchObject({ offset: 9 });
  });

  it('refuses a dwFeatures naming two exchange levels, at dwFeatures', () => {
    const bytes = QEMU.slice();
    bytes[18 + 42] = 0x03; // TPDU | short APDU
    expect(failure(bytes)).toMatchObject({ offset: 58 });
  });

  it('refuses bytes that are not a configuration descriptor', () => {
    expect(failure(fromHex('12 01 10 01 00 00 00 40 e6 08'))).toMatchObject({ offset: 1 });
    expect(failure(fromHex('09 02 09'))).toMatchObject({ offset: 0 });
  });
});
