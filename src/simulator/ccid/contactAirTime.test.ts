import { describe, expect, it } from 'vitest';
import { fromHex } from '../../bytes';
import { CcidReader } from '../../usb/ccid/CcidReader';
import { SimulatedCard } from '../card/SimulatedCard';
import { CARD_PERSONALITIES } from '../cardPersonalities';
import { FakeCcidDevice } from '../FakeCcidDevice';
import { loadPersonalisation } from '../personalisation';
import {
  ContactLink,
  characterEtu,
  contactPayloadBitsMicros,
  contactPayloadCharactersMicros,
  etuMicros,
  runsEtu,
  t0Runs,
  t1BlocksOfApdu,
  type ContactReader,
} from './contactAirTime';

/** Figures worked out by hand from ISO/IEC 7816-3:2006 timing (etu = F/(D·f), §7.1–§7.2, §8.3, §9, §11.2). */

/** The SCR3310-NTTCom as libccid's dump publishes it: 4.8 MHz default, 8 MHz maximum, 412 903 bit/s, automatic PPS (0x80). */
const SCR3310: ContactReader = { defaultClockKHz: 4800, maximumClockKHz: 8000, maxDataRate: 412903, maxIfsd: 252, features: 0x000101ba };
const TA1_13 = CARD_PERSONALITIES['my-number-ta1-13'].atr;
const MY_NUMBER = CARD_PERSONALITIES['my-number'].atr;

describe('the contact link-time model', () => {
  it('one etu is F/(D·f): 77.5 µs at Fd/Dd on 4.8 MHz, 19.375 µs at TA1 = 13 (Fi 372, Di 4), 93 µs at Fd/Dd on 4 MHz', () => {
    expect(etuMicros({ fiDi: 0x11, clockHz: 4_800_000 })).toBeCloseTo(77.5, 6);
    expect(etuMicros({ fiDi: 0x13, clockHz: 4_800_000 })).toBeCloseTo(19.375, 6);
    expect(etuMicros({ fiDi: 0x11, clockHz: 4_000_000 })).toBeCloseTo(93, 6);
    // TA1 = 91 (the specific-mode card): Fi 512, Di 1 — slower than the default at the same clock.
    expect(etuMicros({ fiDi: 0x91, clockHz: 4_800_000 })).toBeCloseTo(106.667, 3);
  });

  it('the guard time: 12 + N etu; N = 255 is the minimum, 11 etu (CGT) for T=1 and 12 etu for T=0', () => {
    expect(characterEtu(1, 255)).toBe(11);
    expect(characterEtu(0, 255)).toBe(12);
    expect(characterEtu(1, 0)).toBe(12);
    expect(characterEtu(0, 2)).toBe(14);
  });

  it('a T=1 SELECT and its 90 00: a 19-character block and a 6-character block, each followed by BGT — 297 etu', () => {
    // (19 − 1) × 11 + 22 for the reader's block, (6 − 1) × 11 + 22 for the card's.
    expect(runsEtu([{ toCard: true, characters: 19 }, { toCard: false, characters: 6 }], 11, 22)).toBe(297);
  });

  it('an APDU-level reader chains by IFSC and IFSD with an R-block after every piece but the last', () => {
    // 300 command bytes at IFSC 254 (LRC): I(254) 258, R 4, I(46) 50; 600 answer bytes at IFSD 254: I 258, R 4, I 258, R 4, I(92) 96.
    expect(t1BlocksOfApdu(300, 600, 254, 254, 1).map((r) => `${r.toCard ? '>' : '<'}${r.characters}`)).toEqual([
      '>258', '<4', '>50', '<258', '>4', '<258', '>4', '<96',
    ]);
    // With a CRC the epilogue is two bytes: a 5-byte APDU in a 10-character block.
    expect(t1BlocksOfApdu(5, 2, 254, 254, 2).map((r) => r.characters)).toEqual([10, 7]);
  });

  it('T=0: header, procedure byte, data and SW1 SW2 with 12 etu between characters and 16 at each turn', () => {
    // READ BINARY with Le 16: 5 out; ACK, 16 data, SW1 SW2 back = (4 × 12 + 16) + (18 × 12 + 16) = 296 etu.
    expect(runsEtu(t0Runs(5, 18), 12, 16)).toBe(296);
    // VERIFY with 4 data bytes: 5 out, ACK, 4 out, SW1 SW2 back = 64 + 16 + 52 + 28 = 160 etu.
    expect(runsEtu(t0Runs(9, 2), 12, 16)).toBe(160);
  });

  it('the ATR of the TA1 = 13 card at 4.8 MHz: 800 clocks of activation and 19 characters at 12 etu, 226 etu ≈ 17.68 ms', () => {
    const link = new ContactLink(SCR3310);
    link.powerOn(TA1_13, false);
    expect(link.air.micros).toBeCloseTo((800 / 4.8e6) * 1e6 + 226 * 77.5, 3);
    expect(link.air.bytesToReader).toBe(19);
    expect(link.rate.fiDi).toBe(0x11);
  });

  it('a reader that makes PPS itself (0x80) does it when SetParameters asks for TA1: FF 11 13 FD both ways at Fd/Dd, then 4× faster', () => {
    const link = new ContactLink(SCR3310);
    link.powerOn(TA1_13, false);
    const afterAtr = link.air.micros;
    link.setParameters(1, 0x13);
    // 4 characters each way: (3 × 12 + 16) × 2 = 104 etu of 77.5 µs.
    expect(link.air.micros - afterAtr).toBeCloseTo(104 * 77.5, 3);
    expect(link.rate.fiDi).toBe(0x13);
    // The same SELECT exchange now costs 297 etu of 19.375 µs; held at the start rate, 297 of 77.5 µs.
    const [negotiated, held] = [link.air.micros, link.airAtStartRate.micros];
    link.t1Exchange(new Uint8Array(19), new Uint8Array(6));
    expect(link.air.micros - negotiated).toBeCloseTo(297 * 19.375, 3);
    expect(link.airAtStartRate.micros - held).toBeCloseTo(297 * 77.5, 3);
    expect(link.air.bytesToCard).toBe(4 + 19);
    expect(link.airAtStartRate.bytesToCard).toBe(19);
  });

  it('a PPS the card does not answer leaves the default rate', () => {
    const link = new ContactLink({ ...SCR3310, features: 0x000100b2 & ~0x80 });
    link.powerOn(TA1_13, false);
    link.pps(fromHex('FF 11 13 FD'), false);
    expect(link.rate.fiDi).toBe(0x11);
    expect(link.air.bytesToReader).toBe(19);
  });

  it('an APDU-level reader with automatic IFSD exchange (0x400) sends one S(IFS) pair before its first block', () => {
    const link = new ContactLink({ defaultClockKHz: 4000, maximumClockKHz: 4000, maxDataRate: 250000, maxIfsd: 254, features: 0x000404ba });
    link.powerOn(MY_NUMBER, true);
    const before = { ...link.air };
    link.apduExchange(new Uint8Array(5), new Uint8Array(2));
    // S(IFS) 5 + 5, then I(5) 9 and I(2) 6: (4 × 11 + 22) × 2 + (8 × 11 + 22) + (5 × 11 + 22) = 132 + 110 + 77 = 319 etu of 93 µs.
    expect(link.air.micros - before.micros).toBeCloseTo(319 * 93, 3);
    expect(link.air.bytesToCard - before.bytesToCard).toBe(14);
    link.apduExchange(new Uint8Array(5), new Uint8Array(2));
    expect(link.air.bytesToCard - before.bytesToCard).toBe(23);
  });

  it('the payload-only limit at the TA1 = 13 card\'s fastest rate on the SCR3310 (5 MHz, f(max) of Fi 372): 1 000 bytes as characters 204.6 ms, as bits 148.8 ms', () => {
    const link = new ContactLink(SCR3310);
    link.powerOn(TA1_13, false);
    const fastest = link.fastestRate();
    expect(fastest).toEqual({ fiDi: 0x13, clockHz: 5_000_000, characterEtu: 11 });
    // etu = 372 / (4 × 5 MHz) = 18.6 µs: 11 etu a character, 8 a byte as bits; the two differ by 11/8 = 1.375.
    expect(contactPayloadCharactersMicros(1000, fastest)).toBeCloseTo(204_600, 3);
    expect(contactPayloadBitsMicros(1000, fastest)).toBeCloseTo(148_800, 3);
  });

  it.each([
    ['scr3310', undefined, 19.375, 'the reader makes PPS itself (0x80)'],
    ['scr3310', 0x0001013a, 19.375, 'without 0x80 the host sends PPS'],
    ['extended-apdu', undefined, 23.25, 'an APDU-level reader makes PPS itself'],
  ] as const)('through the CCID emulator (%s, dwFeatures %s, TA1 = 13 card) an etu is %s µs: %s', async (personality, features, etu, _why) => {
    const options = { personality, card: 'my-number-ta1-13', ...(features === undefined ? {} : { features }) } as const;
    const device = new FakeCcidDevice(new SimulatedCard(await loadPersonalisation('adult')), options);
    const reader = await CcidReader.open(device, { timeoutMs: 1000 });
    const link = device.contactLink!;
    expect(link.rate.fiDi).toBe(0x13);
    expect(device.ppsRequests.length).toBe(features === undefined ? 0 : 1);
    const select = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    // The first exchange carries S(IFS) as well (ours at TPDU level, the reader's at APDU level); time the second.
    await reader.transmit(select);
    const before = { ...link.air };
    await reader.transmit(select);
    // The SELECT's 15 bytes in one I-block (19 characters) and 90 00 in another (6): 297 etu at Fi 372 / Di 4 on 4.8 or 4 MHz.
    expect(link.air.bytesToCard - before.bytesToCard).toBe(19);
    expect(link.air.micros - before.micros).toBeCloseTo(297 * etu, 3);
    await reader.close();
  });
});
