import { beforeAll, describe, expect, it } from 'vitest';
import { copyBytes, toHex, utf8Bytes } from '../../../bytes';
import { issue } from '../test-support/softCertificates';
import { softRsaKey } from '../test-support/softRsa';
import { buildDetachedSignature, parseDetachedSignature } from './cms';
import { loadPkijs } from '../pkijsModule';

// These call the certificate code directly; the engine loads pkijs before any request that parses one.
beforeAll(() => loadPkijs());

const VALIDITY = [new Date('2025-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')] as const;

async function signer() {
  const card = await softRsaKey();
  const ca = await issue({ subject: [['2.5.4.3', 'SIGN CA']], serial: 1, validity: VALIDITY });
  const certificate = await issue({
    subject: [['2.5.4.3', 'SIGNER']],
    serial: 0x0102,
    validity: VALIDITY,
    issuer: { subject: [['2.5.4.3', 'SIGN CA']], keys: ca.keys },
    keys: { publicKey: card.publicKey, privateKey: ca.keys.privateKey },
  });
  return { card, certificate };
}

describe('buildDetachedSignature (RFC 5652 §5; docs/card-reference.md §6.5)', () => {
  it('parses back as detached signedData with the content digest, signing time, certificate and a signature WebCrypto verifies', async () => {
    const { card, certificate } = await signer();
    const content = utf8Bytes('契約書 — contract text\n');
    const seen: Uint8Array[] = [];
    const time = new Date('2026-11-23T10:20:30.456Z');
    const result = await buildDetachedSignature(content, certificate.der, async (digestInfo) => {
      seen.push(digestInfo);
      return card.signDigestInfo(digestInfo);
    }, time);
    const parsed = parseDetachedSignature(result.cms);
    expect(parsed.contentType).toBe('1.2.840.113549.1.7.1');
    expect(parsed.detached).toBe(true);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', copyBytes(content)));
    expect(toHex(parsed.messageDigest)).toBe(toHex(digest));
    expect(toHex(result.contentDigest)).toBe(toHex(digest));
    expect(parsed.signingTime?.toISOString()).toBe('2026-11-23T10:20:30.000Z');
    expect(parsed.certificates.map((c) => toHex(c))).toEqual([toHex(certificate.der)]);
    expect(parsed.signerSerialHex).toBe('0102');
    // The card was asked to sign a 51-byte SHA-256 DigestInfo (Lc = 33, §6.5).
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(51);
    const ok = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', card.publicKey, copyBytes(parsed.signature), copyBytes(parsed.signedAttributes));
    expect(ok).toBe(true);
  });

  it('puts the signed attributes in DER SET OF order, so a re-encoding verifier sees the signed bytes', async () => {
    const { card, certificate } = await signer();
    const parsed = parseDetachedSignature((await buildDetachedSignature(utf8Bytes('x'), certificate.der, async (d) => card.signDigestInfo(d), new Date())).cms);
    // contentType (30 18), signingTime (30 1C), messageDigest (30 2F): sorted by encoding.
    const body = parsed.signedAttributes;
    const lengths: number[] = [];
    for (let at = 2; at < body.length; at += 2 + body[at + 1]!) lengths.push(body[at + 1]!);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(lengths).toHaveLength(3);
  });
});
