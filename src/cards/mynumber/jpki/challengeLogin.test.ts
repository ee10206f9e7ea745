import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ReplayTransport } from '../../../transport';
import { ApduChannel } from '../../../apdu';
import { concatBytes, copyBytes, fromHex, toHex } from '../../../bytes';
import { softRsaKey } from '../test-support/softRsa';
import { issue } from '../test-support/softCertificates';
import { CHALLENGE_BYTES, makeChallenge, signChallenge, verifyChallengeSignature } from './challengeLogin';
import { SHA256_DIGEST_INFO_PREFIX } from './digestInfo';
import { JpkiApplet } from './JpkiApplet';
import { loadPkijs } from '../pkijsModule';

// These call the certificate code directly; the engine loads pkijs before any request that parses one.
beforeAll(() => loadPkijs());

const YEAR = [new Date('2025-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')] as const;

describe('a service login challenge (docs/card-reference.md §6.5, §13.4)', () => {
  it('is 32 fresh random bytes each time', () => {
    const a = makeChallenge();
    const b = makeChallenge();
    expect(a).toHaveLength(CHALLENGE_BYTES);
    expect(toHex(a)).not.toBe(toHex(b));
  });

  it('is signed as DigestInfo(SHA-256(challenge)) with 80 2A 00 80 after selecting the auth key EF 0017', async () => {
    const challenge = fromHex('00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF');
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', copyBytes(challenge)));
    const digestInfo = concatBytes(SHA256_DIGEST_INFO_PREFIX, hash);
    const signature = new Uint8Array(256).fill(0x5a);
    const transport = new ReplayTransport(
      [
        '=> 00 A4 02 0C 02 00 17',
        '<= 90 00',
        `=> ${toHex(concatBytes(fromHex('80 2A 00 80 33'), digestInfo, fromHex('00')))}`,
        `<= ${toHex(concatBytes(signature, fromHex('90 00')))}`,
      ].join('\n'),
    );
    const result = await signChallenge(new JpkiApplet(new ApduChannel(transport)), challenge);
    expect(toHex(result)).toBe(toHex(signature));
  });

  it('verifies with WebCrypto against the certificate key, and fails for another challenge or a flipped bit', async () => {
    const card = await softRsaKey();
    const ca = await issue({ subject: [['2.5.4.3', 'CA']], serial: 1, validity: YEAR });
    const keys = { publicKey: card.publicKey, privateKey: ca.keys.privateKey };
    const certificate = await issue({ subject: [['2.5.4.3', 'holder']], serial: 7, validity: YEAR, issuer: { subject: [['2.5.4.3', 'CA']], keys: ca.keys }, keys });
    const challenge = makeChallenge();
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', challenge.slice()));
    const signature = card.signDigestInfo(concatBytes(SHA256_DIGEST_INFO_PREFIX, hash));
    expect(await verifyChallengeSignature(certificate.der, challenge, signature)).toBe(true);
    expect(await verifyChallengeSignature(certificate.der, makeChallenge(), signature)).toBe(false);
    const flipped = signature.slice();
    flipped[100] = flipped[100]! ^ 0x01;
    expect(await verifyChallengeSignature(certificate.der, challenge, flipped)).toBe(false);
    expect(await verifyChallengeSignature(ca.der, challenge, signature)).toBe(false);
  });

  it('says false for bytes that are not a certificate, without calling WebCrypto verify', async () => {
    const spy = vi.spyOn(crypto.subtle, 'verify');
    expect(await verifyChallengeSignature(fromHex('30 03 02 01 00'), makeChallenge(), new Uint8Array(256))).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
