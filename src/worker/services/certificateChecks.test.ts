import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { checkCertificate } from '../../cards/mynumber/trust/certificateCheck';
import { JLIS_ANCHORS } from '../../cards/mynumber/trust/jlisAnchors';
import { loadPersonalisation, simulatorTrust } from '../../simulator';
import { pinsOf, startEngine } from '../test-support/engineHarness';
import { loadPkijs } from '../../cards/mynumber/pkijsModule';

// These call the certificate code directly; the engine loads pkijs before any request that parses one.
beforeAll(() => loadPkijs());

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const NOW = new Date('2026-11-23T00:00:00Z');

/** The certificate DER inside a JPKI EF (`30 82 LL LL`, zero filler after it; docs/card-reference.md §6.4). */
function certificateOf(ef: Uint8Array): Uint8Array {
  return ef.subarray(0, ((ef[2]! << 8) | ef[3]!) + 4);
}

describe('the simulator certificates against the simulator test CAs (docs/card-reference.md §12, §14)', () => {
  it('the authentication and signature certificates verify; against J-LIS they are "issuer not bundled"', async () => {
    const card = await loadPersonalisation('adult');
    const auth = certificateOf(card.jpki.authCertificateEf);
    const sign = certificateOf(card.jpki.signCertificateEf!);
    expect((await checkCertificate(auth, [{ id: 's', label: 'sim auth CA', der: simulatorTrust.authCa }], NOW)).status).toBe('verified');
    expect((await checkCertificate(sign, [{ id: 's', label: 'sim sign CA', der: simulatorTrust.signCa }], NOW)).status).toBe('verified');
    expect((await checkCertificate(auth, JLIS_ANCHORS.auth, NOW)).status).toBe('issuer-not-bundled');
  });

  it('a tampered authentication certificate fails with "signature does not match", naming the test CA', async () => {
    const card = await loadPersonalisation('adult');
    const auth = certificateOf(card.jpki.authCertificateEf).slice();
    // A byte of the subject CN inside the signed part.
    const at = new TextDecoder('latin1').decode(auth).indexOf('13101001A');
    expect(at).toBeGreaterThan(0);
    auth[at] = auth[at]! ^ 0x01;
    const check = await checkCertificate(auth, [{ id: 's', label: 'sim auth CA', der: simulatorTrust.authCa }], NOW);
    expect(check.status).toBe('signature-mismatch');
    expect(check.reason).toContain('sim auth CA');
  });
});

describe('checkCertificates over the engine', () => {
  it('checks the auth certificate against the simulator test CA and the CA on the card; the sign certificate needs its password', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    const before = await h.client.call('checkCertificates', {});
    const [auth, sign] = before.certificates;
    expect(auth).toMatchObject({
      which: 'auth',
      state: 'checked',
      trustStore: 'simulator',
      validity: 'valid',
      bundled: { status: 'verified', anchorId: 'simulator-auth', anchorValidity: 'valid' },
      onCard: { status: 'verified', caIsBundled: true },
    });
    expect(sign).toEqual({ which: 'sign', state: 'needs-pin' });
    await h.verifyPin({ pinId: 'jpkiSign', pin: (await pinsOf('adult')).jpkiSign! });
    const after = await h.client.call('checkCertificates', {});
    expect(after.certificates[1]).toMatchObject({ which: 'sign', state: 'checked', bundled: { status: 'verified' }, onCard: { status: 'verified' } });
    expect(after.certificates[1]!.record!.serialNumberHex).not.toBe(after.certificates[0]!.record!.serialNumberHex);
  });

  it('an under-15 card has no signature certificate to check', async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'child' });
    const result = await h.client.call('checkCertificates', {});
    expect(result.certificates[1]).toEqual({ which: 'sign', state: 'absent' });
  });

  it('a certificate changed on its way from the card is reported "signature does not match"', async () => {
    let flipped = false;
    let in000A = false;
    const h = startEngine({
      tamper: (command, response) => {
        if (command[1] === 0xa4) in000A = command.length === 7 && command[5] === 0x00 && command[6] === 0x0a;
        // The READ BINARY of EF 000A after its 4-byte header: change one byte of the subject's CN.
        if (!flipped && in000A && command[1] === 0xb0 && response.length > 200) {
          flipped = true;
          const copy = response.slice();
          const at = new TextDecoder('latin1').decode(copy).indexOf('13101001A');
          copy[at] = copy[at]! ^ 0x01;
          return copy;
        }
        return null;
      },
    });
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    const result = await h.client.call('checkCertificates', {});
    expect(flipped).toBe(true);
    expect(result.certificates[0]).toMatchObject({ bundled: { status: 'signature-mismatch' }, onCard: { status: 'signature-mismatch' } });
  });
});
