import { X509Certificate, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { childrenOf, findTlv, parseTlvs } from '../../apdu';
import { asciiBytes, concatBytes, fromHex, hex16, toBase64Url, toHex } from '../../bytes';
import { loadPersonalisation } from '../personalisation';
import type { Personalisation } from '../personalisation/Personalisation';
import { SimulatedCard } from './SimulatedCard';
import { AID, selectAp, selectEf, send, sw, verifyPin } from './test-support/cardHarness';
import { verifyPkcs1Sha256, webSha256 } from './test-support/testKeys';

/**
 * The engine against the real generated holders (`loadPersonalisation`): what a client reads and
 * signs must be consistent with the certificates and public keys the same card carries.
 */
const adult = await loadPersonalisation('adult');
const child = await loadPersonalisation('child');
const DIGEST_INFO_PREFIX = fromHex('30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20');

/** The whole EF read with one extended READ BINARY by SFI (docs/card-reference.md §3). */
function readEf(card: SimulatedCard, sfi: number): Uint8Array {
  const answer = send(card, `00 B0 ${hex16(0x80 | sfi).slice(2)} 00 00 00 00`);
  expect(answer.sw).toBe('9000');
  return answer.data;
}

/** The DER certificate at the start of a JPKI EF (`30 82 LL LL`, docs/card-reference.md §6.4). */
function certificateIn(ef: Uint8Array): X509Certificate {
  expect(toHex(ef.slice(0, 2))).toBe('30 82');
  return new X509Certificate(ef.slice(0, 4 + ((ef[2]! << 8) | ef[3]!)));
}

/** A `90`/`91` RSA public key (docs/card-reference.md §11) as a JWK. */
function publicJwk(keyTlvs: Uint8Array): JsonWebKey {
  const tlvs = parseTlvs(keyTlvs, 'public key', { stopAtFiller: false });
  return { kty: 'RSA', e: toBase64Url(findTlv(tlvs, 0x90)!.value), n: toBase64Url(findTlv(tlvs, 0x91)!.value) };
}

function signCommand(p1: number, p2: number, data: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(0x80, 0x2a, p1, p2, data.length), data, Uint8Array.of(0x00));
}

async function jpkiSignatureVerifies(p: Personalisation, pinFid: number, pin: string, certSfi: number, keyP2: number): Promise<boolean> {
  const card = new SimulatedCard(p);
  selectAp(card, AID.jpki);
  selectEf(card, pinFid);
  expect(verifyPin(card, pin)).toBe('9000');
  // After the PIN: the sign certificate itself needs the sign password (§6.1).
  const certificate = certificateIn(readEf(card, certSfi));
  const message = asciiBytes(`signed by ${p.holder.id}`);
  const answer = send(card, signCommand(0x00, keyP2, concatBytes(DIGEST_INFO_PREFIX, await webSha256(message))));
  expect(answer.sw).toBe('9000');
  return nodeVerify('sha256', message, certificate.publicKey, answer.data);
}

describe.each([
  ['adult', adult],
  ['child', child],
] as const)('the generated %s card', (_id, p) => {
  it('answers the §13.1 detection with the JPKIAPICCTOKEN2 label', () => {
    const card = new SimulatedCard(p);
    selectAp(card, AID.jpki);
    selectEf(card, 0x0006);
    expect(new TextDecoder().decode(send(card, '00 B0 00 00 20').data)).toBe('JPKIAPICCTOKEN2'.padEnd(32, ' '));
  });

  it('signs with the auth key so that the auth certificate in EF 000A verifies it', async () => {
    expect(await jpkiSignatureVerifies(p, 0x0018, p.pins.jpkiAuth, 0x0a, 0x97)).toBe(true);
  });

  it('accepts every issued PIN on its key EF and shows the full counters', () => {
    const card = new SimulatedCard(p);
    const pins: [string, number, string | null, string][] = [
      [AID.jpki, 0x0018, p.pins.jpkiAuth, '63C3'],
      [AID.text, 0x0011, p.pins.textPin, '63C3'],
      [AID.text, 0x0014, p.pins.pinA, '63CA'],
      [AID.text, 0x0015, p.pins.pinB, '63CA'],
      [AID.visual, 0x0011, p.pins.birthKey, '63CA'],
      [AID.visual, 0x0012, p.pins.pinB, '63CA'],
      [AID.visual, 0x0013, p.pins.pinA, '63CA'],
      [AID.common, 0x001c, p.pins.commonPin, '63C3'],
      [AID.juki, 0x001c, p.pins.jukiPin, '63C3'],
    ];
    for (const [aid, fid, value, probe] of pins) {
      selectAp(card, aid);
      selectEf(card, fid);
      expect(sw(card, '00 20 00 80')).toBe(probe);
      expect(verifyPin(card, value!)).toBe('9000');
    }
  });

  it('shows the My Number after the text PIN, exactly as §7.2 lays it out', () => {
    const card = new SimulatedCard(p);
    selectAp(card, AID.text);
    selectEf(card, 0x0011);
    verifyPin(card, p.pins.textPin);
    expect(send(card, '00 B0 81 00 11').hex).toBe(`FF 10 0C ${toHex(asciiBytes(p.holder.myNumber))} FF FF 90 00`);
  });

  it('signs challenges with the text AP key (P2 00) verifiable with the DF51 key of EF 0007 (§7.7)', async () => {
    const card = new SimulatedCard(p);
    selectAp(card, AID.text);
    selectEf(card, 0x0011);
    verifyPin(card, p.pins.textPin);
    const outer = parseTlvs(readEf(card, 0x07), 'text 0007')[0]!;
    const key = publicJwk(findTlv(childrenOf(outer, 'text 0007'), 0xdf51)!.value);
    const challenge = send(card, '00 84 00 00 10').data;
    const signature = send(card, signCommand(0x00, 0x00, concatBytes(DIGEST_INFO_PREFIX, await webSha256(challenge)))).data;
    expect(await verifyPkcs1Sha256(key, challenge, signature)).toBe(true);
  });

  it('signs challenges with the visual AP key (P2 00) verifiable with the DF24 key of the card face (§8.2)', async () => {
    const card = new SimulatedCard(p);
    selectAp(card, AID.visual);
    selectEf(card, 0x0013);
    verifyPin(card, p.pins.pinA);
    const outer = parseTlvs(readEf(card, 0x02), 'visual 0002')[0]!;
    const key = publicJwk(findTlv(childrenOf(outer, 'visual 0002'), 0xdf24)!.value);
    const challenge = send(card, '00 84 00 00 10').data;
    const signature = send(card, signCommand(0x00, 0x00, concatBytes(DIGEST_INFO_PREFIX, await webSha256(challenge)))).data;
    expect(await verifyPkcs1Sha256(key, challenge, signature)).toBe(true);
  });

  it('answers INTERNAL AUTHENTICATE with the 共通AP key, verifiable with its public half', async () => {
    const card = new SimulatedCard(p);
    selectAp(card, AID.common);
    expect(send(card, '00 B2 01 0C 00').data).toEqual(p.common.cardInfoRecord);
    const challenge = fromHex('01 23 45 67 89 AB CD EF');
    const answer = send(card, concatBytes(fromHex('00 88 00 99 08'), challenge, fromHex('00')));
    const { n, e } = p.common.internalAuthKey;
    expect(await verifyPkcs1Sha256({ kty: 'RSA', n, e }, challenge, answer.data)).toBe(true);
  });

  it('hands out every card-level object with GET DATA at the ISD', () => {
    const card = new SimulatedCard(p);
    expect(p.cardLevel.size).toBeGreaterThan(0);
    for (const [tag, value] of p.cardLevel) {
      expect(send(card, `00 CA ${hex16(tag)} 00 00 00`).data).toEqual(value);
    }
  });
});

describe('adult and child differ as §12 says', () => {
  it('the adult signs with the sign key so that the sign certificate in EF 0001 verifies it', async () => {
    expect(await jpkiSignatureVerifies(adult, 0x001b, adult.pins.jpkiSign!, 0x01, 0x9a)).toBe(true);
  });

  it('the child has no sign certificate: EF 0008 = 00 8F 00, the password blocked, EF 0001 unreadable', () => {
    const card = new SimulatedCard(child);
    selectAp(card, AID.jpki);
    expect(send(card, '00 B0 88 00 00').hex).toBe('00 8F 00 90 00');
    expect(sw(card, '00 20 00 9B')).toBe('63C0');
    expect(sw(card, '00 B0 81 00 04')).toBe('6982');
    expect(sw(card, '80 2A 00 9A 01 00 00')).toBe('6982');
  });
});
