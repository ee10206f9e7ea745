import { encodeTlv } from '../../../apdu';
import { asciiBytes, concatBytes, fromHex, u16be, utf8Bytes } from '../../../bytes';
import type { Personalisation, PinValues } from '../../personalisation/Personalisation';
import { testKey, type TestKey } from './testKeys';

/**
 * A hand-made personalisation for the card engine's tests, until (and besides) the generated
 * holders: every EF shaped as the card reference describes it (§6–§9) with recognisable filler
 * content, real RSA-2048 keys from WebCrypto, and PINs that differ from each other so a
 * cross-wired key EF shows up. Test support only.
 */
export interface TestCard {
  readonly personalisation: Personalisation;
  /** The public halves, to verify signatures with WebCrypto. */
  readonly keys: {
    readonly jpkiAuth: TestKey;
    readonly jpkiSign: TestKey;
    readonly textAp: TestKey;
    readonly visualAp: TestKey;
    readonly commonInternalAuth: TestKey;
  };
}

/** The test holder's My Number: 11 digits plus the §7.2 check digit. */
const TEST_MY_NUMBER = withCheckDigit('12345678901');

/** The test PINs (docs/card-reference.md §10 formats). */
export const TEST_PINS: PinValues = {
  jpkiAuth: '1357',
  jpkiSign: 'SIGN2025',
  textPin: '2468',
  pinA: TEST_MY_NUMBER,
  pinB: '55021720357531',
  birthKey: '550217',
  commonPin: '9753',
  jukiPin: '8642',
};

function withCheckDigit(first11: string): string {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const r = weights.reduce((sum, w, i) => sum + w * Number(first11[i]), 0) % 11;
  return first11 + String(r <= 1 ? 0 : 11 - r);
}

/** `length` bytes counting up from `seed`, so every offset of a file has a known, distinct-ish value. */
export function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (seed + i * 7 + (i >> 8)) & 0xff);
}

function padded(data: Uint8Array, size: number, filler: number): Uint8Array {
  const out = new Uint8Array(size).fill(filler);
  out.set(data);
  return out;
}

/** A DER-shaped certificate `30 82 LL LL …` of `body` bytes, zero-filled to `size` (§6.4). */
function certificateEf(body: number, size: number, seed: number): Uint8Array {
  return padded(concatBytes(Uint8Array.of(0x30, 0x82), u16be(body), pattern(body, seed)), size, 0x00);
}

/** A 券面 AP object: tag, `82 HH LL` length, `body` pattern bytes, FF filler to `size` (§11). */
function cardObject(tag: number, body: number, size: number, seed: number): Uint8Array {
  return padded(encodeTlv(tag, pattern(body, seed), 'card'), size, 0xff);
}

function basicFour(): Uint8Array {
  const name = encodeTlv(0xdf22, utf8Bytes('見本　花子'));
  const address = encodeTlv(0xdf23, utf8Bytes('東京都千代田区見本町一丁目２番３号'));
  const birth = encodeTlv(0xdf24, asciiBytes('19800217'));
  const sex = encodeTlv(0xdf25, asciiBytes('2'));
  const first = 3 + 11; // outer header (short length) + the DF21 table
  const offsets = [first, first + name.length, first + name.length + address.length, first + name.length + address.length + birth.length];
  const table = encodeTlv(0xdf21, concatBytes(...offsets.map(u16be)));
  return padded(encodeTlv(0xff20, concatBytes(table, name, address, birth, sex)), 256, 0xff);
}

function tokenInfo(): Uint8Array {
  const label = asciiBytes('JPKIAPICCTOKEN2'.padEnd(32, ' '));
  return concatBytes(label, asciiBytes('MynaLens simulator'.padEnd(32, ' ')), pattern(96, 0x60));
}

/** Builds the test card; `underFifteen` leaves out the signature certificate, key and password (§12). */
export async function testPersonalisation(options: { readonly underFifteen?: boolean } = {}): Promise<TestCard> {
  const underFifteen = options.underFifteen ?? false;
  const [jpkiAuth, jpkiSign, textAp, visualAp, commonInternalAuth] = await Promise.all(
    ['jpkiAuth', 'jpkiSign', 'textAp', 'visualAp', 'commonInternalAuth'].map((name) => testKey(name)),
  ) as [TestKey, TestKey, TestKey, TestKey, TestKey];
  const myNumberEf = concatBytes(fromHex('FF 10 0C'), asciiBytes(TEST_MY_NUMBER), fromHex('FF FF'));
  const personalisation: Personalisation = {
    holder: {
      id: underFifteen ? 'test-child' : 'test-adult',
      name: '見本　花子',
      address: '東京都千代田区見本町一丁目２番３号',
      birthDate: '19800217',
      sex: '2',
      myNumber: TEST_MY_NUMBER,
      cardExpiry: '20350217',
      securityCode: '7531',
      municipalityCode: '13101',
      underFifteen,
    },
    pins: { ...TEST_PINS, jpkiSign: underFifteen ? null : TEST_PINS.jpkiSign },
    jpki: {
      authCertificateEf: certificateEf(0x2e4, 0x800, 0x0a),
      authCaCertificateEf: certificateEf(0x3a0, 0x800, 0x0b),
      signCertificateEf: underFifteen ? null : certificateEf(0x514, 0x800, 0x01),
      signCaCertificateEf: certificateEf(0x3a8, 0x800, 0x02),
      tokenInfoEf: tokenInfo(),
      certificateFlagsEf: underFifteen ? fromHex('00 8F 00') : fromHex('8F 8F 00'),
      authKey: jpkiAuth.jwk,
      signKey: underFifteen ? null : jpkiSign.jwk,
    },
    text: {
      myNumberEf,
      basicFourEf: basicFour(),
      integrityEf: cardObject(0xff30, 0x14b, 336, 0x30),
      cvCertificateEf: cardObject(0x7f21, 0x233, 568, 0x21),
      basicInfoEf: cardObject(0xff40, 0x9f, 164, 0x40),
      sessionKeyPublicEf: cardObject(0xa1, 0x10e, 0x120, 0xa1),
      signedPublicKeyEf: cardObject(0xff50, 0x213, 0x220, 0x50),
      unknown0008Ef: new Uint8Array(16).fill(0xff),
      apKey: textAp.jwk,
    },
    visual: {
      ageVerificationEf: cardObject(0xff10, 0x21e, 0x230, 0x10),
      // Several KB, so reads chunk past offset 0x0FFF and extended Le has something to do (§13.7).
      cardFaceEf: cardObject(0xff20, 0x1300, 0x1400, 0x20),
      basicDataEf: cardObject(0xff30, 0x140, 0x150, 0x33),
      cvCertificateEf: cardObject(0x7f21, 0x233, 568, 0x23),
      myNumberImageEf: cardObject(0xff40, 0x2a0, 0x2b0, 0x45),
      unknown0006Ef: new Uint8Array(16).fill(0xff),
      apKey: visualAp.jwk,
    },
    common: {
      cardInfoRecord: concatBytes(fromHex('01 1C'), asciiBytes('400000012719843' + '13101' + '20350217')),
      keyReferenceRecord: pattern(16, 0xc0),
      internalAuthKey: commonInternalAuth.jwk,
    },
    juki: { keyReferenceRecord: pattern(16, 0xc0) },
    cardLevel: new Map([
      [0x0042, pattern(16, 0x42)],
      [0x0045, asciiBytes('0123456789ABCDEF')],
      [0x00f0, asciiBytes('13101')],
      [0x00f2, asciiBytes('20350217')],
      [0x00f8, pattern(0x135, 0xf8)],
      [0x7f21, pattern(0x135, 0x21)],
      [0x5f51, fromHex('E0 00 FF 81 31 FE 45 14')],
    ]),
  };
  return { personalisation, keys: { jpkiAuth, jpkiSign, textAp, visualAp, commonInternalAuth } };
}
