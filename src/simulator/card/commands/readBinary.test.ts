import { describe, expect, it } from 'vitest';
import { hex16, toHex } from '../../../bytes';
import { SimulatedCard } from '../SimulatedCard';
import { AID, readAll, selectAp, selectEf, send, sw, verifyPin } from '../test-support/cardHarness';
import { TEST_PINS, testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();
const { jpki, text, visual } = personalisation;

function cardInJpki(): SimulatedCard {
  const card = new SimulatedCard(personalisation);
  selectAp(card, AID.jpki);
  return card;
}

describe('READ BINARY of the current EF (docs/card-reference.md §2, §3)', () => {
  it('reads exactly Le bytes at a 15-bit offset', () => {
    const card = cardInJpki();
    selectEf(card, 0x000a);
    expect(send(card, '00 B0 00 00 04').data).toEqual(jpki.authCertificateEf.slice(0, 4));
    expect(send(card, '00 B0 01 23 53').data).toEqual(jpki.authCertificateEf.slice(0x123, 0x123 + 0x53));
  });

  it('reads 256 bytes for short Le 00', () => {
    const card = cardInJpki();
    selectEf(card, 0x000a);
    const answer = send(card, '00 B0 00 04 00');
    expect(answer.sw).toBe('9000');
    expect(answer.data).toEqual(jpki.authCertificateEf.slice(4, 260));
  });

  it('returns the short tail with 9000 at the end of the file, then 6B00 at or past the end', () => {
    const card = cardInJpki();
    selectEf(card, 0x0008);
    expect(send(card, '00 B0 00 01 00').hex).toBe('8F 00 90 00');
    expect(sw(card, '00 B0 00 03 01')).toBe('6B00');
    expect(sw(card, '00 B0 7F FF 01')).toBe('6B00');
  });

  it('reads a whole file in one APDU with extended Le 65536 (00 00 00) or an exact extended Le', () => {
    const card = cardInJpki();
    selectEf(card, 0x000a);
    expect(send(card, '00 B0 00 00 00 00 00').data).toEqual(jpki.authCertificateEf);
    expect(send(card, '00 B0 00 00 00 02 E8').data).toEqual(jpki.authCertificateEf.slice(0, 0x2e8));
    expect(send(card, '00 B0 00 10 00 10 00').data).toEqual(jpki.authCertificateEf.slice(0x10));
  });

  it('reads a several-KB file in 256-byte chunks with offsets above 0x0FFF (§13.7)', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.visual);
    selectEf(card, 0x0013);
    expect(verifyPin(card, TEST_PINS.pinA)).toBe('9000');
    selectEf(card, 0x0002);
    expect(visual.cardFaceEf.length).toBeGreaterThan(0x1000);
    expect(readAll(card)).toEqual(visual.cardFaceEf);
    expect(send(card, `00 B0 ${hex16(0x1234)} 10`).data).toEqual(visual.cardFaceEf.slice(0x1234, 0x1244));
  });

  it('answers 6986 with no current EF, in the ISD and right after a DF selection', () => {
    const card = new SimulatedCard(personalisation);
    expect(sw(card, '00 B0 00 00 00')).toBe('6986');
    selectAp(card, AID.jpki);
    expect(sw(card, '00 B0 00 00 00')).toBe('6986');
    selectEf(card, 0x000a);
    selectAp(card, AID.jpki);
    expect(sw(card, '00 B0 00 00 00')).toBe('6986');
  });

  it('keeps the current EF when SELECT of another EF fails', () => {
    const card = cardInJpki();
    selectEf(card, 0x0008);
    expect(selectEf(card, 0x0003)).toBe('6A82');
    expect(send(card, '00 B0 00 00 03').hex).toBe('8F 8F 00 90 00');
  });

  it.each([
    [0x0017, 'the auth private key'],
    [0x0018, 'the auth PIN'],
    [0x001a, 'the sign private key'],
    [0x001b, 'the sign password'],
    [0x0016, 'the terminal-CA key reference'],
    [0x001e, 'an internal EF'],
  ])('answers 6981 on key/internal EF %s (%s)', (fid) => {
    const card = cardInJpki();
    selectEf(card, fid);
    expect(sw(card, '00 B0 00 00 00')).toBe('6981');
  });

  it('answers 6981 on a record EF', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.common);
    selectEf(card, 0x0001);
    expect(sw(card, '00 B0 00 00 00')).toBe('6981');
  });

  it('answers 6982 on a protected EF and 6982 forever on JPKI 0009', () => {
    const card = cardInJpki();
    selectEf(card, 0x0001);
    expect(sw(card, '00 B0 00 00 04')).toBe('6982');
    selectEf(card, 0x001b);
    expect(verifyPin(card, TEST_PINS.jpkiSign!)).toBe('9000');
    selectEf(card, 0x0018);
    expect(verifyPin(card, TEST_PINS.jpkiAuth)).toBe('9000');
    selectEf(card, 0x0009);
    expect(sw(card, '00 B0 00 00 00')).toBe('6982');
  });

  it.each([
    ['no Le (case 1)', '00 B0 00 00'],
    ['a data field (case 3)', '00 B0 00 00 01 00'],
    ['a data field and Le (case 4)', '00 B0 00 00 01 00 00'],
  ])('answers 6700 to a READ BINARY with %s', (_name, command) => {
    const card = cardInJpki();
    selectEf(card, 0x000a);
    expect(sw(card, command)).toBe('6700');
  });
});

describe('READ BINARY by short EF identifier (docs/card-reference.md §0, §2)', () => {
  it('selects the EF and reads from an 8-bit offset', () => {
    const card = cardInJpki();
    expect(send(card, '00 B0 8A 00 04').data).toEqual(jpki.authCertificateEf.slice(0, 4));
    expect(send(card, '00 B0 8A FF 02').data).toEqual(jpki.authCertificateEf.slice(0xff, 0x101));
    // The EF is now current.
    expect(send(card, '00 B0 00 04 04').data).toEqual(jpki.authCertificateEf.slice(4, 8));
  });

  it('reads a whole EF with an SFI and extended Le, as jsapdu does (§3)', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.text);
    expect(send(card, '00 B0 84 00 00 00 00').data).toEqual(text.cvCertificateEf);
  });

  it('answers 6A82 for an SFI with no EF, 6A86 for SFI 0, 31 or bits 7–6 set', () => {
    const card = cardInJpki();
    expect(sw(card, '00 B0 83 00 00')).toBe('6A82');
    expect(sw(card, '00 B0 80 00 00')).toBe('6A86');
    expect(sw(card, '00 B0 9F 00 00')).toBe('6A86');
    expect(sw(card, '00 B0 CA 00 00')).toBe('6A86');
  });

  it('checks access after selecting: 6982 on text 0001 without the PIN, and the EF stays current', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.text);
    expect(sw(card, '00 B0 81 00 00')).toBe('6982');
    selectEf(card, 0x0011);
    verifyPin(card, TEST_PINS.textPin);
    // myna-browser-extension's exact read: 00 B0 81 03 0C → the 12 digits.
    expect(new TextDecoder().decode(send(card, '00 B0 81 03 0C').data)).toBe(TEST_PINS.pinA);
    expect(toHex(send(card, '00 B0 00 0F 02').data)).toBe('FF FF');
  });
});
