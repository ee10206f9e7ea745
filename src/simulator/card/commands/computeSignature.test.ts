import { constants, createPublicKey, publicDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../../../bytes';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, selectEf, send, sw, verifyPin } from '../test-support/cardHarness';
import { verifyPkcs1Sha256, verifyPssSha256, webSha256 } from '../test-support/testKeys';
import { TEST_PINS, testPersonalisation } from '../test-support/testPersonalisation';

const { personalisation, keys } = await testPersonalisation();
const message = new TextEncoder().encode('MynaLens: sign me');
const hash = await webSha256(message);
const DIGEST_INFO_PREFIX = '30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20';
const digestInfo = concatBytes(fromHex(DIGEST_INFO_PREFIX), hash);

/** `80 2A P1 P2 Lc data 00`. */
function signCommand(p1: number, p2: number, data: Uint8Array, le = '00'): Uint8Array {
  return concatBytes(Uint8Array.of(0x80, 0x2a, p1, p2, data.length), data, fromHex(le));
}

function jpkiWith(pin: 'auth' | 'sign' | 'none'): SimulatedCard {
  const card = new SimulatedCard(personalisation);
  selectAp(card, AID.jpki);
  if (pin === 'auth') expect(sw(card, `00 20 00 98 04 ${toHex(new TextEncoder().encode(TEST_PINS.jpkiAuth))}`)).toBe('9000');
  if (pin === 'sign') {
    selectEf(card, 0x001b);
    expect(verifyPin(card, TEST_PINS.jpkiSign!)).toBe('9000');
  }
  return card;
}

describe('80 2A COMPUTE SIGNATURE with the JPKI keys (docs/card-reference.md §6.5, §13.4)', () => {
  it('signs a SHA-256 DigestInfo with the auth key after VERIFY of 0018 (canonical flow §13.4)', async () => {
    const card = jpkiWith('auth');
    expect(selectEf(card, 0x0017)).toBe('9000');
    const answer = send(card, signCommand(0x00, 0x80, digestInfo));
    expect(answer.sw).toBe('9000');
    expect(answer.data.length).toBe(256);
    expect(await verifyPkcs1Sha256(keys.jpkiAuth.publicJwk, message, answer.data)).toBe(true);
    expect(await verifyPkcs1Sha256(keys.jpkiSign.publicJwk, message, answer.data)).toBe(false);
  });

  it('signs with the sign key by SFI (P2 9A) after VERIFY of 001B', async () => {
    const card = jpkiWith('sign');
    const answer = send(card, signCommand(0x00, 0x9a, digestInfo));
    expect(await verifyPkcs1Sha256(keys.jpkiSign.publicJwk, message, answer.data)).toBe(true);
  });

  it('answers 6982 without the PIN of that key, in this DF session', () => {
    expect(sw(jpkiWith('none'), signCommand(0x00, 0x97, digestInfo))).toBe('6982');
    // The auth PIN does not open the sign key, nor the sign password the auth key.
    expect(sw(jpkiWith('auth'), signCommand(0x00, 0x9a, digestInfo))).toBe('6982');
    expect(sw(jpkiWith('sign'), signCommand(0x00, 0x97, digestInfo))).toBe('6982');
    // Re-selecting the AP (OpenSC's logout) and reset both end the session.
    const card = jpkiWith('auth');
    selectAp(card, AID.jpki);
    expect(sw(card, signCommand(0x00, 0x97, digestInfo))).toBe('6982');
    const reset = jpkiWith('auth');
    reset.reset();
    selectAp(reset, AID.jpki);
    expect(sw(reset, signCommand(0x00, 0x97, digestInfo))).toBe('6982');
  });

  it('signs every scheme P1 00–05 so that the right verifier accepts it', async () => {
    const card = jpkiWith('auth');
    const sign = (p1: number, data: Uint8Array) => {
      const answer = send(card, signCommand(p1, 0x97, data));
      expect(answer.sw).toBe('9000');
      return answer.data;
    };
    expect(await verifyPkcs1Sha256(keys.jpkiAuth.publicJwk, message, sign(0x00, digestInfo))).toBe(true);
    expect(await verifyPkcs1Sha256(keys.jpkiAuth.publicJwk, message, sign(0x02, hash))).toBe(true);
    expect(await verifyPkcs1Sha256(keys.jpkiAuth.publicJwk, message, sign(0x03, message))).toBe(true);
    expect(await verifyPssSha256(keys.jpkiAuth.publicJwk, message, sign(0x04, hash))).toBe(true);
    expect(await verifyPssSha256(keys.jpkiAuth.publicJwk, message, sign(0x05, message))).toBe(true);
    // P1 01: PKCS #1 v1.5 over the bare 32-byte hash, no DigestInfo — recovered with node's RSA.
    const publicKey = createPublicKey({ key: { kty: 'RSA', n: keys.jpkiAuth.publicJwk.n!, e: keys.jpkiAuth.publicJwk.e! }, format: 'jwk' });
    const recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, sign(0x01, message));
    expect(toHex(new Uint8Array(recovered))).toBe(toHex(hash));
  });

  it('uses a random salt for PSS: two signatures of the same hash differ', () => {
    const card = jpkiWith('auth');
    const first = send(card, signCommand(0x04, 0x97, hash)).data;
    const second = send(card, signCommand(0x04, 0x97, hash)).data;
    expect(toHex(first)).not.toBe(toHex(second));
  });

  it.each([
    [0x00, 0],
    [0x00, 246],
    [0x01, 256],
    [0x02, 31],
    [0x02, 33],
    [0x04, 1],
    [0x04, 33],
    [0x05, 256],
  ])('answers 6985 to scheme %i with %i bytes (outside its range)', (p1, length) => {
    const card = jpkiWith('auth');
    if (length === 0) {
      expect(sw(card, Uint8Array.of(0x80, 0x2a, p1, 0x97, 0x00))).toBe('6700');
      return;
    }
    const data = new Uint8Array(length).fill(0x11);
    const command = length > 255
      ? concatBytes(Uint8Array.of(0x80, 0x2a, p1, 0x97, 0x00, length >> 8, length & 0xff), data, fromHex('00 00'))
      : signCommand(p1, 0x97, data);
    expect(sw(card, command)).toBe('6985');
  });

  it('accepts the longest verbatim input, 245 bytes', () => {
    expect(sw(jpkiWith('auth'), signCommand(0x00, 0x97, new Uint8Array(245).fill(0x42)))).toBe('9000');
  });

  it('answers 6A86 to P1 above 05', () => {
    const card = jpkiWith('auth');
    for (const p1 of [0x06, 0x10, 0x80, 0xff]) expect(sw(card, signCommand(p1, 0x97, digestInfo))).toBe('6A86');
  });

  it('answers 6986 without a current EF, 6981 when the current EF is not a key, 6A82 / 6A86 / 6A88 for bad P2', () => {
    expect(sw(jpkiWith('none'), signCommand(0x00, 0x80, digestInfo))).toBe('6986');
    const card = jpkiWith('auth');
    // VERIFY by SFI made the PIN EF current: a PIN is not a key.
    expect(sw(card, signCommand(0x00, 0x80, digestInfo))).toBe('6981');
    selectEf(card, 0x000a);
    expect(sw(card, signCommand(0x00, 0x80, digestInfo))).toBe('6981');
    expect(sw(card, signCommand(0x00, 0x83, digestInfo))).toBe('6A82');
    expect(sw(card, signCommand(0x00, 0x17, digestInfo))).toBe('6A86');
    // P2 00 names the AP's default key; the JPKI AP has none.
    expect(sw(card, signCommand(0x00, 0x00, digestInfo))).toBe('6A88');
  });

  it('announces the signature with 6100 when Le is missing (T=0), and hands it out with GET RESPONSE', async () => {
    const card = jpkiWith('auth');
    const noLe = concatBytes(Uint8Array.of(0x80, 0x2a, 0x00, 0x97, digestInfo.length), digestInfo);
    expect(sw(card, noLe)).toBe('6100');
    const first = send(card, '00 C0 00 00 80');
    expect(first.sw).toBe('6180');
    const rest = send(card, '00 C0 00 00 80');
    expect(rest.sw).toBe('9000');
    expect(await verifyPkcs1Sha256(keys.jpkiAuth.publicJwk, message, concatBytes(first.data, rest.data))).toBe(true);
  });

  it('answers 6C00 to a short Le below 256 and signs with extended Le', () => {
    const card = jpkiWith('auth');
    expect(sw(card, signCommand(0x00, 0x97, digestInfo, '80'))).toBe('6C00');
    const extended = concatBytes(Uint8Array.of(0x80, 0x2a, 0x00, 0x97, 0x00, 0x00, digestInfo.length), digestInfo, fromHex('00 00'));
    expect(send(card, extended).data.length).toBe(256);
  });
});

describe('80 2A with the 券面 AP default keys, no credential (docs/card-reference.md §7.7, §8.1)', () => {
  it.each([
    ['text AP key 0013', AID.text, 0x93, 'textAp'],
    ['visual AP key 001A', AID.visual, 0x9a, 'visualAp'],
  ] as const)('%s signs a challenge DigestInfo with P2 00, and by SFI', async (_name, aid, sfiP2, keyName) => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, aid);
    const challenge = send(card, '00 84 00 00 10').data;
    const info = concatBytes(fromHex(DIGEST_INFO_PREFIX), await webSha256(challenge));
    const byDefault = send(card, signCommand(0x00, 0x00, info));
    expect(byDefault.sw).toBe('9000');
    expect(await verifyPkcs1Sha256(keys[keyName].publicJwk, challenge, byDefault.data)).toBe(true);
    const bySfi = send(card, signCommand(0x00, sfiP2, info));
    expect(await verifyPkcs1Sha256(keys[keyName].publicJwk, challenge, bySfi.data)).toBe(true);
  });

  it('refuses the 共通AP INTERNAL AUTHENTICATE key with 6985 and P2 00 there with 6A88', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.common);
    expect(sw(card, signCommand(0x00, 0x99, digestInfo))).toBe('6985');
    expect(sw(card, signCommand(0x00, 0x00, digestInfo))).toBe('6A88');
  });

  it('answers 6D00 to the ISO PSO form 00 2A 9E 9A (docs/card-reference.md §2: not on this card)', () => {
    const card = jpkiWith('auth');
    expect(sw(card, concatBytes(fromHex('00 2A 9E 9A 33'), digestInfo, fromHex('00')))).toBe('6D00');
  });
});

describe('80 2A on a card without a signature key (under 15, docs/card-reference.md §12)', async () => {
  const child = await testPersonalisation({ underFifteen: true });
  it('keeps the sign password blocked and the sign key unusable', () => {
    const card = new SimulatedCard(child.personalisation);
    selectAp(card, AID.jpki);
    expect(sw(card, '00 20 00 9B')).toBe('63C0');
    expect(sw(card, '00 20 00 9B 06 41 42 43 31 32 33')).toBe('6984');
    expect(sw(card, signCommand(0x00, 0x9a, digestInfo))).toBe('6982');
    expect(sw(card, '00 B0 81 00 04')).toBe('6982');
    expect(send(card, '00 B0 88 00 00').hex).toBe('00 8F 00 90 00');
  });
});
