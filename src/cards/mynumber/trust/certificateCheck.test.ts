import { beforeAll, describe, expect, it } from 'vitest';
import { fromHex } from '../../../bytes';
import { AUTH_CERTIFICATE } from '../../../vectors/recorded/adult';
import { caName, issue } from '../test-support/softCertificates';
import { checkCertificate, type TrustAnchor } from './certificateCheck';
import { JLIS_ANCHORS } from './jlisAnchors';
import { loadPkijs } from '../pkijsModule';

// These call the certificate code directly; the engine loads pkijs before any request that parses one.
beforeAll(() => loadPkijs());

const NOW = new Date('2026-11-23T00:00:00Z');
const VALIDITY = [new Date('2025-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')] as const;

async function hierarchy() {
  const ca = await issue({ subject: caName('TEST-CA'), serial: 1, validity: VALIDITY });
  const holder = await issue({ subject: [['2.5.4.3', 'HOLDER1']], serial: 0x2c3b, validity: VALIDITY, issuer: { subject: caName('TEST-CA'), keys: ca.keys } });
  const anchors: TrustAnchor[] = [{ id: 'test-ca', label: 'test CA', der: ca.der }];
  return { ca, holder, anchors };
}

describe('checkCertificate (docs/card-reference.md §12; RFC 5280 §6.1, one link)', () => {
  it('verifies a certificate its CA signed, naming the CA and both validities', async () => {
    const { holder, anchors } = await hierarchy();
    const check = await checkCertificate(holder.der, anchors, NOW);
    expect(check).toMatchObject({ status: 'verified', validity: 'valid', anchor: { id: 'test-ca', validity: 'valid' } });
    expect(check.notAfter).toBe('2030-01-01T00:00:00.000Z');
  });

  it('a byte flipped in the signature fails with "signature does not match" and names the CA', async () => {
    const { holder, anchors } = await hierarchy();
    const tampered = holder.der.slice();
    tampered[tampered.length - 5] = tampered[tampered.length - 5]! ^ 0x01;
    const check = await checkCertificate(tampered, anchors, NOW);
    expect(check.status).toBe('signature-mismatch');
    expect(check.anchor?.id).toBe('test-ca');
    expect(check.reason).toMatch(/signature does not match the key of test CA/);
  });

  it('a byte flipped in the signed part (the subject) fails the same way', async () => {
    const { holder, anchors } = await hierarchy();
    const tampered = holder.der.slice();
    const at = new TextDecoder('latin1').decode(tampered).indexOf('HOLDER1');
    expect(at).toBeGreaterThan(0);
    tampered[at + 6] = '2'.charCodeAt(0);
    expect((await checkCertificate(tampered, anchors, NOW)).status).toBe('signature-mismatch');
  });

  it('a CA with the same name but another key (an unbundled generation) is "issuer not bundled", never forged', async () => {
    const { holder } = await hierarchy();
    const otherGeneration = await issue({ subject: caName('TEST-CA'), serial: 2, validity: VALIDITY });
    const check = await checkCertificate(holder.der, [{ id: 'other', label: 'other generation', der: otherGeneration.der }], NOW);
    expect(check).toMatchObject({ status: 'issuer-not-bundled', anchor: null });
  });

  it('reports expired and not yet valid against the given instant', async () => {
    const { holder, anchors } = await hierarchy();
    expect((await checkCertificate(holder.der, anchors, new Date('2031-01-01T00:00:00Z'))).validity).toBe('expired');
    expect((await checkCertificate(holder.der, anchors, new Date('2024-01-01T00:00:00Z'))).validity).toBe('not-yet-valid');
  });

  it('says malformed for bytes that are not a certificate', async () => {
    expect((await checkCertificate(fromHex('04 02 00 00'), [], NOW)).status).toBe('malformed');
  });
});

describe('the bundled J-LIS CA certificates (shared/data/jpki-ca)', () => {
  it('are the 2015 and 2023 generations and each verifies itself', async () => {
    for (const anchor of [...JLIS_ANCHORS.auth, ...JLIS_ANCHORS.sign]) {
      const check = await checkCertificate(anchor.der, [anchor], NOW);
      expect(check.status, anchor.id).toBe('verified');
    }
    expect(JLIS_ANCHORS.auth.map((a) => a.id)).toEqual(['jlis-auth-2015', 'jlis-auth-2023']);
    expect((await checkCertificate(JLIS_ANCHORS.auth[1]!.der, JLIS_ANCHORS.auth, NOW)).anchor?.notAfter).toBe('2033-07-15T14:59:59.000Z');
  });

  it('the 2015 CA is expired by now and the 2023 CA is valid', async () => {
    const [a2015, a2023] = JLIS_ANCHORS.auth;
    expect((await checkCertificate(a2015!.der, [a2015!], NOW)).validity).toBe('expired');
    expect((await checkCertificate(a2023!.der, [a2023!], NOW)).validity).toBe('valid');
  });

  it('the 2023 CA against only the 2015 one (same name, other key) is "issuer not bundled"', async () => {
    expect((await checkCertificate(JLIS_ANCHORS.auth[1]!.der, [JLIS_ANCHORS.auth[0]!], NOW)).status).toBe('issuer-not-bundled');
  });

  it('a tampered J-LIS CA certificate fails against itself with "signature does not match"', async () => {
    const tampered = JLIS_ANCHORS.sign[1]!.der.slice();
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 0x80;
    expect((await checkCertificate(tampered, JLIS_ANCHORS.sign, NOW)).status).toBe('signature-mismatch');
  });

  it('a simulator certificate is "issuer not bundled" against J-LIS, never passed or called forged', async () => {
    const check = await checkCertificate(fromHex(AUTH_CERTIFICATE), JLIS_ANCHORS.auth, NOW);
    expect(check.status).toBe('issuer-not-bundled');
  });
});
