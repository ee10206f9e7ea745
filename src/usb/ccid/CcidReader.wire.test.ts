import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { CcidReader } from './CcidReader';
import { ScriptedUsbDevice } from './test-support/ScriptedUsbDevice';

/**
 * The driver on the wire, against byte sequences written by hand from CCID 1.1 §5.1, §6.1, §6.2
 * and ISO/IEC 7816-3 §11/§12 — not produced by our encoders. Each message: bMessageType,
 * dwLength (LE), bSlot, bSeq, three message-specific bytes, data.
 */

/** USB 2.0 §9.6 + CCID 1.1 Table 5.1-1: configuration, one class-0x0B interface, the CCID descriptor, bulk-IN 0x81, bulk-OUT 0x02. */
function configuration(features: string, protocols: string, maxMessageLength: string): string {
  return [
    '09 02 56 00 01 01 00 80 32',
    '09 04 00 00 02 0B 00 00 00',
    `36 21 10 01 00 07 ${protocols} A0 0F 00 00 A0 0F 00 00 00 80 25 00 00 00 B0 04 00 00`,
    `FE 00 00 00 00 00 00 00 00 00 00 00 ${features} ${maxMessageLength} FF FF 00 00 00 01`,
    '07 05 81 02 40 00 00',
    '07 05 02 02 40 00 00',
  ].join(' ');
}

const ATR_MY_NUMBER = '3B E0 00 FF 81 31 FE 45 14';

describe('CcidReader at extended-APDU level with 26-byte messages (CCID 1.1 §6.1.4 chaining)', () => {
  // dwFeatures 0x000404FE (extended APDU level), dwMaxCCIDMessageLength 26: 16 data bytes per message.
  const descriptor = configuration('FE 04 04 00', '03 00 00 00', '1A 00 00 00');
  const powerOn = { out: '62 00 00 00 00 00 00 00 00 00', in: `80 09 00 00 00 00 00 00 00 00 ${ATR_MY_NUMBER}` };
  const data = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0')).join(' ');

  it('gathers an answer sent in three pieces: bChainParameter 01, 03, 02, each next piece asked for with wLevelParameter 0010', async () => {
    const device = new ScriptedUsbDevice(descriptor, [
      powerOn,
      { out: '6F 07 00 00 00 00 01 00 00 00 00 B0 00 00 00 00 20', in: `80 10 00 00 00 00 01 00 00 01 ${data.slice(0, 47)}` },
      { out: '6F 00 00 00 00 00 02 00 10 00', in: `80 10 00 00 00 00 02 00 00 03 ${data.slice(48)}` },
      { out: '6F 00 00 00 00 00 03 00 10 00', in: '80 02 00 00 00 00 03 00 00 02 90 00' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(toHex(reader.atr)).toBe(ATR_MY_NUMBER);
    const response = await reader.transmit(fromHex('00 B0 00 00 00 00 20'));
    expect(toHex(response)).toBe(toHex(fromHex(`${data} 90 00`)));
    expect(device.finished).toBe(true);
  });

  it('sends a command longer than one message in pieces: wLevelParameter 0001 then 0002, the reader asking for more with bChainParameter 10', async () => {
    const device = new ScriptedUsbDevice(descriptor, [
      powerOn,
      { out: '6F 10 00 00 00 00 01 00 01 00 00 A4 04 0C 0F D3 92 F0 00 26 01 00 00 00 01 01', in: '80 00 00 00 00 00 01 00 00 10' },
      { out: '6F 04 00 00 00 00 02 00 02 00 02 03 04 05', in: '80 02 00 00 00 00 02 00 00 00 6A 82' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    const response = await reader.transmit(fromHex('00 A4 04 0C 0F D3 92 F0 00 26 01 00 00 00 01 01 02 03 04 05'));
    expect(toHex(response)).toBe('6A 82');
    expect(device.finished).toBe(true);
  });
});

describe('CcidReader at TPDU level with a T=0 card (ISO 7816-3 §12.2)', () => {
  // dwFeatures 0x00010038: automatic voltage, clock and baud rate only, so the host sends SetParameters; T=0 only.
  const descriptor = configuration('38 00 01 00', '01 00 00 00', '0F 01 00 00');

  it('sets T=0 parameters from the ATR (Fi/Di 11, WI 0A), sends case 4 without Le and case 1 with P3 = 00', async () => {
    const device = new ScriptedUsbDevice(descriptor, [
      { out: '62 00 00 00 00 00 00 00 00 00', in: '80 04 00 00 00 00 00 00 00 00 3B 60 00 00' },
      { out: '61 05 00 00 00 00 01 00 00 00 11 00 00 0A 00', in: '82 05 00 00 00 00 01 00 00 00 11 00 00 0A 00' },
      { out: '6F 07 00 00 00 00 02 00 00 00 00 88 00 00 02 01 02', in: '80 02 00 00 00 00 02 00 00 00 61 04' },
      { out: '6F 05 00 00 00 00 03 00 00 00 00 20 00 80 00', in: '80 02 00 00 00 00 03 00 00 00 63 C3' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(reader.extendedLength).toBe(false);
    expect(toHex(await reader.transmit(fromHex('00 88 00 00 02 01 02 00')))).toBe('61 04');
    expect(toHex(await reader.transmit(fromHex('00 20 00 80')))).toBe('63 C3');
    expect(device.finished).toBe(true);
  });

  it('a message of exactly one 64-byte packet goes without a zero-length packet after it: dwLength says where it ends', async () => {
    // UPDATE BINARY with 49 (0x31) data bytes: a 54-byte TPDU in a 64-byte XfrBlock, wMaxPacketSize 64.
    const data = Array.from({ length: 49 }, (_, i) => i.toString(16).padStart(2, '0')).join(' ');
    const device = new ScriptedUsbDevice(descriptor, [
      { out: '62 00 00 00 00 00 00 00 00 00', in: '80 04 00 00 00 00 00 00 00 00 3B 60 00 00' },
      { out: '61 05 00 00 00 00 01 00 00 00 11 00 00 0A 00', in: '82 05 00 00 00 00 01 00 00 00 11 00 00 0A 00' },
      { out: `6F 36 00 00 00 00 02 00 00 00 00 D6 00 00 31 ${data}`, in: '80 02 00 00 00 00 02 00 00 00 90 00' },
      // The next thing on the bulk-OUT pipe is the next message, not an empty transfer.
      { out: '6F 05 00 00 00 00 03 00 00 00 00 20 00 80 00', in: '80 02 00 00 00 00 03 00 00 00 63 C3' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(toHex(await reader.transmit(fromHex(`00 D6 00 00 31 ${data}`)))).toBe('90 00');
    expect(toHex(await reader.transmit(fromHex('00 20 00 80')))).toBe('63 C3');
    expect(device.finished).toBe(true);
  });
});

describe('CcidReader at TPDU level with T=1 (ISO 7816-3 §11)', () => {
  // dwFeatures 0x000100BA: parameters from the ATR and PPS by the reader, but no automatic parameter
  // negotiation (0x40) — so SetParameters still goes, as libccid sends it — and no automatic IFSD exchange.
  const descriptor = configuration('BA 00 01 00', '03 00 00 00', '0F 01 00 00');

  it('sets T=1 parameters (11, TCCKS 10, TC1 FF, TB3 45, IFSC FE), asks for IFSD 254 with S(IFS request) 00 C1 01 FE 3E, then sends I(0) with LRC A5', async () => {
    const device = new ScriptedUsbDevice(descriptor, [
      { out: '62 00 00 00 00 00 00 00 00 00', in: `80 09 00 00 00 00 00 00 00 00 ${ATR_MY_NUMBER}` },
      { out: '61 07 00 00 00 00 01 01 00 00 11 10 FF 45 00 FE 00', in: '82 07 00 00 00 00 01 00 00 01 11 10 FF 45 00 FE 00' },
      { out: '6F 05 00 00 00 00 02 00 00 00 00 C1 01 FE 3E', in: '80 05 00 00 00 00 02 00 00 00 00 E1 01 FE 1E' },
      { out: '6F 0B 00 00 00 00 03 00 00 00 00 00 07 00 A4 02 0C 02 00 0A A5', in: '80 06 00 00 00 00 03 00 00 00 00 00 02 90 00 92' },
    ]);
    const reader = await CcidReader.open(device, { timeoutMs: 500 });
    expect(toHex(await reader.transmit(fromHex('00 A4 02 0C 02 00 0A')))).toBe('90 00');
    expect(device.finished).toBe(true);
  });
});
