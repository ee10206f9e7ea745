import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex } from '../../../bytes';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, selectEf, send, sw, verifyPin } from '../test-support/cardHarness';
import { verifyPkcs1Sha256 } from '../test-support/testKeys';
import { TEST_PINS, testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation, keys } = await testPersonalisation();

/** `00 88 00 P2 Lc challenge 00`. */
function internalAuth(p2: number, challenge: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(0x00, 0x88, 0x00, p2, challenge.length), challenge, Uint8Array.of(0x00));
}

function cardIn(aid: string): SimulatedCard {
  const card = new SimulatedCard(personalisation);
  selectAp(card, aid);
  return card;
}

describe('INTERNAL AUTHENTICATE (docs/card-reference.md §2)', () => {
  it('共通AP key 0019 signs DigestInfo(SHA-256(challenge)) with no PIN', async () => {
    const card = cardIn(AID.common);
    for (const length of [1, 16, 255]) {
      const challenge = Uint8Array.from({ length }, (_, i) => i);
      const answer = send(card, internalAuth(0x99, challenge));
      expect(answer.sw).toBe('9000');
      expect(answer.data.length).toBe(256);
      expect(await verifyPkcs1Sha256(keys.commonInternalAuth.publicJwk, challenge, answer.data)).toBe(true);
    }
  });

  it('is deterministic (PKCS #1 v1.5) and also answers with the key EF selected (P2 80)', () => {
    const card = cardIn(AID.common);
    const challenge = fromHex('01 02 03 04 05 06 07 08');
    const bySfi = send(card, internalAuth(0x99, challenge)).hex;
    selectEf(card, 0x0019);
    expect(send(card, internalAuth(0x80, challenge)).hex).toBe(bySfi);
  });

  it('refuses the JPKI keys with 6982 (PIN-protected), and still 6985 once the PIN is verified', () => {
    const card = cardIn(AID.jpki);
    const challenge = fromHex('00 11 22 33');
    expect(sw(card, internalAuth(0x97, challenge))).toBe('6982');
    expect(sw(card, internalAuth(0x9a, challenge))).toBe('6982');
    selectEf(card, 0x0018);
    expect(verifyPin(card, TEST_PINS.jpkiAuth)).toBe('9000');
    expect(sw(card, internalAuth(0x97, challenge))).toBe('6985');
  });

  it('refuses the 券面 AP signing keys with 6985', () => {
    expect(sw(cardIn(AID.text), internalAuth(0x93, fromHex('AA BB')))).toBe('6985');
    expect(sw(cardIn(AID.visual), internalAuth(0x9a, fromHex('AA BB')))).toBe('6985');
  });

  it('answers 6700 to an empty challenge, 6985 above 255 bytes, 6A86 to P1 ≠ 00 or P2 00, 6A82 / 6981 / 6986 by reference', () => {
    const card = cardIn(AID.common);
    expect(sw(card, '00 88 00 80 02 AA BB 00')).toBe('6986');
    expect(sw(card, '00 88 00 99 00')).toBe('6700');
    const long = new Uint8Array(256);
    expect(sw(card, concatBytes(fromHex('00 88 00 99 00 01 00'), long, fromHex('00 00')))).toBe('6985');
    expect(sw(card, concatBytes(fromHex('00 88 01 99 02 AA BB 00')))).toBe('6A86');
    expect(sw(card, '00 88 00 00 02 AA BB 00')).toBe('6A86');
    expect(sw(card, '00 88 00 98 02 AA BB 00')).toBe('6A82');
    // The SFI form made 0001 (a record EF) current.
    expect(sw(card, '00 88 00 81 02 AA BB 00')).toBe('6981');
    expect(sw(card, '00 88 00 80 02 AA BB 00')).toBe('6981');
  });
});

describe('GET CHALLENGE (docs/card-reference.md §2)', () => {
  it('returns exactly Le random bytes for 1–256, at the ISD and inside an AP', () => {
    const card = new SimulatedCard(personalisation);
    expect(send(card, '00 84 00 00 08').data.length).toBe(8);
    selectAp(card, AID.visual);
    expect(send(card, '00 84 00 00 01').data.length).toBe(1);
    expect(send(card, '00 84 00 00 00').data.length).toBe(256);
    const a = send(card, '00 84 00 00 10').hex;
    const b = send(card, '00 84 00 00 10').hex;
    expect(a).not.toBe(b);
  });

  it('uses the injected random source', () => {
    const card = new SimulatedCard(personalisation, { random: (n) => new Uint8Array(n).fill(0xab) });
    expect(send(card, '00 84 00 00 04').hex).toBe('AB AB AB AB 90 00');
  });

  it('refuses extended Le with 6985, P1-P2 ≠ 0000 with 6A86, no Le with 6700', () => {
    const card = new SimulatedCard(personalisation);
    expect(sw(card, '00 84 00 00 00 01 01')).toBe('6985');
    expect(sw(card, '00 84 00 00 00 00 08')).toBe('6985');
    expect(sw(card, '00 84 01 00 08')).toBe('6A86');
    expect(sw(card, '00 84 00 00')).toBe('6700');
  });
});
