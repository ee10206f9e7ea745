import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { SimulatedCard } from '../card/SimulatedCard';
import { testPersonalisation } from '../card/test-support/testPersonalisation';
import { FakeRcs300Device } from '../FakeRcs300Device';
import { escapeReply, readHostMessage } from './escapeWire';
import { parseCommand } from './pseudoApduCommand';

const { personalisation } = await testPersonalisation();
const bytes = (hex: string): number[] => Array.from(fromHex(hex));
const hex = (b: readonly number[]): string => toHex(Uint8Array.from(b));

describe('the reader side of the escape framing (CCID 1.1 §6.1.8, §6.2.4)', () => {
  it('reads a whole PC_to_RDR_Escape and waits for a partial one', () => {
    const message = bytes('6B 08 00 00 00 00 01 00 00 00 FF 50 00 00 02 81 00 00');
    expect(readHostMessage(message)).toEqual({ type: 'message', size: 18, messageType: 0x6b, slot: 0, seq: 1, data: bytes('FF 50 00 00 02 81 00 00') });
    expect(readHostMessage(message.slice(0, 12))).toEqual({ type: 'incomplete' });
  });

  it('answers RDR_to_PC_Escape with bStatus 02, as captured from a real RC-S300', () => {
    expect(hex(escapeReply(0, 6, bytes('C0 03 00 90 00 90 00')))).toBe('83 07 00 00 00 00 06 02 00 00 C0 03 00 90 00 90 00');
  });
});

describe('the reader side of the pseudo-APDUs', () => {
  it('reads the short and the extended (three trailing zeros) forms of the public code', () => {
    expect(parseCommand(bytes('FF 50 00 00 02 81 00 00'))).toEqual({ kind: 'session', p2: 0, objects: [{ tag: 0x81, value: [] }] });
    const polling = parseCommand(bytes('FF 50 00 01 00 00 11 5F 46 04 A0 86 01 00 95 82 00 06 06 00 FF FF 01 00 00 00 00'));
    expect(polling).toEqual({
      kind: 'session',
      p2: 1,
      objects: [
        { tag: 0x5f46, value: bytes('A0 86 01 00') },
        { tag: 0x95, value: bytes('06 00 FF FF 01 00') },
      ],
    });
    expect(parseCommand(bytes('FF 56 00 00'))).toEqual({ kind: 'firmware' });
  });

  it("refuses PC/SC Part 3's own INS C2 (only FF 50 is known to work on this interface) and objects that overrun", () => {
    expect(parseCommand(bytes('FF C2 00 00 02 81 00 00'))).toEqual({ kind: 'refused', sw: 0x6d00 });
    expect(parseCommand(bytes('FF 50 00 01 04 95 05 01 02 00'))).toEqual({ kind: 'bad-length', objectNumber: 1 });
  });
});

describe('the transparent session as the emulator plays it', () => {
  const reader = () => new FakeRcs300Device(new SimulatedCard(personalisation)).reader;
  const run = (model: ReturnType<typeof reader>, apdu: string): string => {
    const reply = model.handle(bytes(apdu));
    return 'data' in reply ? hex(reply.data) : 'silent';
  };

  it('RF on outside a session: C0 03 01 63 01 (the refusal the ESP32 probe recorded)', () => {
    expect(run(reader(), 'FF 50 00 00 02 84 00 00')).toBe('C0 03 01 63 01 90 00');
  });

  it('a one-byte switch object is refused 67 00; FeliCa 03 00 is answered 8F 01 08', () => {
    const model = reader();
    expect(run(model, 'FF 50 00 00 02 81 00 00')).toBe('C0 03 00 90 00 90 00');
    expect(run(model, 'FF 50 00 02 03 8F 01 03 00')).toBe('C0 03 01 67 00 90 00');
    expect(run(model, 'FF 50 00 02 04 8F 02 03 00 00')).toBe('C0 03 00 90 00 8F 01 08 90 00');
  });

  it('an exchange nobody answers fails at object 2, the transceive: C0 03 02 64 01', () => {
    const model = reader();
    run(model, 'FF 50 00 00 02 81 00 00');
    run(model, 'FF 50 00 02 04 8F 02 03 00 00');
    expect(run(model, 'FF 50 00 01 00 00 11 5F 46 04 A0 86 01 00 95 82 00 06 06 00 FF FF 01 00 00 00 00')).toBe('C0 03 02 64 01 90 00');
  });

  it('Type B layer 3: the reader wakes the card itself; the host WUPB is then answered with ATQB (CRC_B stripped)', () => {
    const device = new FakeRcs300Device(new SimulatedCard(personalisation));
    run(device.reader, 'FF 50 00 00 02 81 00 00');
    expect(run(device.reader, 'FF 50 00 02 04 8F 02 01 03 00')).toBe('C0 03 00 90 00 90 00');
    const pupi = hex(device.card.pupi);
    expect(run(device.reader, 'FF 50 00 01 00 00 0E 5F 46 04 30 75 00 00 95 82 00 03 05 00 08 00 00 00')).toBe(
      `C0 03 00 90 00 92 01 00 96 02 00 00 97 0C 50 ${pupi} 00 00 05 E0 B3 81 A1 90 00`,
    );
  });
});
