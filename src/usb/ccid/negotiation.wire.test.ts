import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { CcidReader } from './CcidReader';
import { ScriptedUsbDevice } from './test-support/ScriptedUsbDevice';

/**
 * The start-up negotiation and the exchange quirks on the wire, against bytes written by hand from
 * CCID 1.1 §6.1/§6.2 and ISO/IEC 7816-3 §9 (PPS) and §11 (T=1) — not produced by our encoders.
 */

/** USB 2.0 §9.6 + CCID 1.1 Table 5.1-1: one class-0x0B interface; 4 MHz, 10 752..307 200 bit/s, IFSD 254. */
function configuration(features: string, protocols: string): string {
  return [
    '09 02 56 00 01 01 00 80 32',
    '09 04 00 00 02 0B 00 00 00',
    `36 21 10 01 00 07 ${protocols} A0 0F 00 00 A0 0F 00 00 00 00 2A 00 00 00 B0 04 00 00`,
    `FE 00 00 00 00 00 00 00 00 00 00 00 ${features} 0F 01 00 00 FF FF 00 00 00 01`,
    '07 05 81 02 40 00 00',
    '07 05 02 02 40 00 00',
  ].join(' ');
}

const TA1_13 = '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B';
const MY_NUMBER = '3B E0 00 FF 81 31 FE 45 14';

describe('start-up negotiation on a TPDU reader that leaves voltage, PPS and parameters to the host', () => {
  // dwFeatures 0x00010030: automatic clock and baud rate only; T=0 and T=1.
  const descriptor = configuration('30 00 01 00', '03 00 00 00');

  it('powers on at 5 V (bPowerSelect 01), sends PPS FF 11 13 FD for TA1 13, then SetParameters with Fi/Di 13', async () => {
    const device = new ScriptedUsbDevice(descriptor, [
      { out: '62 00 00 00 00 00 00 01 00 00', in: `80 13 00 00 00 00 00 00 00 00 ${TA1_13}` },
      // The PPS request inside an XfrBlock; the card echoes it (§9.3: success).
      { out: '6F 04 00 00 00 00 01 00 00 00 FF 11 13 FD', in: '80 04 00 00 00 00 01 00 00 00 FF 11 13 FD' },
      { out: '61 07 00 00 00 00 02 01 00 00 13 10 FF 46 00 FB 00', in: '82 07 00 00 00 00 02 00 00 01 13 10 FF 46 00 FB 00' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(reader.report().negotiation).toMatchObject({ voltage: '5V', fiDi: 0x13, setParameters: true });
    expect(toHex(reader.report().negotiation.pps!)).toBe('FF 11 13 FD');
    expect(device.finished).toBe(true);
  });

  it('ends with a PPS failure when the card does not answer the request (the reader reports ICC_MUTE)', async () => {
    const device = new ScriptedUsbDevice(descriptor, [
      { out: '62 00 00 00 00 00 00 01 00 00', in: `80 13 00 00 00 00 00 00 00 00 ${TA1_13}` },
      { out: '6F 04 00 00 00 00 01 00 00 00 FF 11 13 FD', in: '80 00 00 00 00 00 01 40 FE 00' },
    ]);
    await expect(CcidReader.open(device, { timeoutMs: 500 })).rejects.toMatchObject({ code: 'transport/protocol', message: expect.stringMatching(/^PPS failed/) });
  });

  it('tries 3 V when the card stays mute at 5 V (bError FE), as libccid walks the classes', async () => {
    const device = new ScriptedUsbDevice(descriptor, [
      // bStatus 41: command failed, card present and inactive; bError FE: ICC_MUTE.
      { out: '62 00 00 00 00 00 00 01 00 00', in: '80 00 00 00 00 00 00 41 FE 00' },
      { out: '62 00 00 00 00 00 01 02 00 00', in: `80 09 00 00 00 00 01 00 00 00 ${MY_NUMBER}` },
      { out: '61 07 00 00 00 00 02 01 00 00 11 10 FF 45 00 FE 00', in: '82 07 00 00 00 00 02 00 00 01 11 10 FF 45 00 FE 00' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(reader.report().negotiation.voltage).toBe('3V');
    expect(device.finished).toBe(true);
  });

  it('answers XFR_PARITY_ERROR (bError FD) on a T=1 exchange with R(EDC error) 00 81 00 81 and goes on', async () => {
    const device = new ScriptedUsbDevice(configuration('30 04 01 00', '03 00 00 00'), [
      { out: '62 00 00 00 00 00 00 01 00 00', in: `80 09 00 00 00 00 00 00 00 00 ${MY_NUMBER}` },
      { out: '61 07 00 00 00 00 01 01 00 00 11 10 FF 45 00 FE 00', in: '82 07 00 00 00 00 01 00 00 01 11 10 FF 45 00 FE 00' },
      // I(0) SELECT; the reader reports a parity error on the card's answer: bStatus 40, bError FD.
      { out: '6F 0B 00 00 00 00 02 00 00 00 00 00 07 00 A4 02 0C 02 00 0A A5', in: '80 00 00 00 00 00 02 40 FD 00' },
      // ISO 7816-3 §11.6.3.2 rule 7.2: R-block N(R) 0 with the EDC error bit: PCB 81, LRC 81.
      { out: '6F 04 00 00 00 00 03 00 00 00 00 81 00 81', in: '80 06 00 00 00 00 03 00 00 00 00 00 02 90 00 92' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    expect(device.finished).toBe(true);
  });
});

describe("QEMU's reader (hw/usb/dev-smartcard-reader.c): T=0 only, TPDU level", () => {
  // dwFeatures 0x000104FE (negotiates itself), dwProtocols 0x0001: T=0 only.
  const qemu = configuration('FE 04 01 00', '01 00 00 00');

  it('refuses a T=1-only card at once, before any XfrBlock: usb/card-protocol-unsupported', async () => {
    const device = new ScriptedUsbDevice(qemu, [{ out: '62 00 00 00 00 00 00 00 00 00', in: `80 09 00 00 00 00 00 00 00 00 ${MY_NUMBER}` }]);
    await expect(CcidReader.open(device, { timeoutMs: 500 })).rejects.toMatchObject({ code: 'usb/card-protocol-unsupported' });
    expect(device.finished).toBe(true);
  });

  it('ignores a stale bChainParameter (01) on a T=0 TPDU answer', async () => {
    const device = new ScriptedUsbDevice(qemu, [
      { out: '62 00 00 00 00 00 00 00 00 00', in: '80 04 00 00 00 00 00 00 00 00 3B 60 00 00' },
      { out: '6F 05 00 00 00 00 01 00 00 00 00 20 00 80 00', in: '80 02 00 00 00 00 01 00 00 01 63 C3' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(toHex(await reader.transmit(fromHex('00 20 00 80')))).toBe('63 C3');
    expect(device.finished).toBe(true);
  });

  it('takes a Parameters reply that declares dwLength 0 but carries the 5-byte T=0 structure (QEMU 7.2)', async () => {
    // The same reader without 0x40, so SetParameters goes: dwFeatures 0x000104BE.
    const device = new ScriptedUsbDevice(configuration('BE 04 01 00', '01 00 00 00'), [
      { out: '62 00 00 00 00 00 00 00 00 00', in: '80 04 00 00 00 00 00 00 00 00 3B 60 00 00' },
      { out: '61 05 00 00 00 00 01 00 00 00 11 00 00 0A 00', in: '82 00 00 00 00 00 01 00 00 00 11 00 00 0A 00' },
      { out: '6F 05 00 00 00 00 02 00 00 00 00 20 00 80 00', in: '80 02 00 00 00 00 02 00 00 00 63 C3' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(toHex(await reader.transmit(fromHex('00 20 00 80')))).toBe('63 C3');
    expect(device.finished).toBe(true);
  });
});

describe('APDU level: empty chained DataBlocks are capped', () => {
  it('refuses an answer whose pieces stay empty while saying "more" (bChainParameter 03)', async () => {
    const empty = (seq: number) => `80 00 00 00 00 00 ${seq.toString(16).padStart(2, '0')} 00 00 03`;
    const more = (seq: number) => `6F 00 00 00 00 00 ${seq.toString(16).padStart(2, '0')} 00 10 00`;
    const device = new ScriptedUsbDevice(configuration('FE 04 04 00', '03 00 00 00'), [
      { out: '62 00 00 00 00 00 00 00 00 00', in: `80 09 00 00 00 00 00 00 00 00 ${MY_NUMBER}` },
      { out: '6F 04 00 00 00 00 01 00 00 00 00 B0 00 00', in: empty(1).replace(/03$/, '01') },
      // More rounds scripted than the driver may ask for: it must stop on its own, not run out of script.
      ...Array.from({ length: 20 }, (_, i) => ({ out: more(i + 2), in: empty(i + 2) })),
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    await expect(reader.transmit(fromHex('00 B0 00 00'))).rejects.toMatchObject({ code: 'transport/protocol', message: expect.stringMatching(/empty pieces/) });
    expect(device.finished).toBe(false);
  });
});
