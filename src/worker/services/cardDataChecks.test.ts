import { afterEach, describe, expect, it } from 'vitest';
import { pinsOf, startEngine, type Tamper } from '../test-support/engineHarness';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function connected(tamper?: Tamper) {
  const h = startEngine(tamper ? { tamper } : undefined);
  close = h.close;
  await h.client.call('connectSimulator', { holder: 'adult' });
  return h;
}

describe('checkCardData (docs/card-reference.md §7.4, §8.2)', () => {
  it('before any PIN both checks say which PINs open their files', async () => {
    const h = await connected();
    const { checks } = await h.client.call('checkCardData', {});
    expect(checks).toEqual([
      { which: 'textIntegrity', state: 'needs-pin', needs: ['textPin'] },
      { which: 'cardFace', state: 'needs-pin', needs: ['visualPinA', 'visualPinB'] },
    ]);
  });

  it('after the text PIN and PIN-B both verify up to the simulator CV issuer key', async () => {
    const h = await connected();
    const pins = await pinsOf('adult');
    await h.verifyPin({ pinId: 'textPin', pin: pins.textPin });
    await h.verifyPin({ pinId: 'visualPinB', pin: pins.pinB });
    const { checks } = await h.client.call('checkCardData', {});
    expect(checks[0]).toMatchObject({
      which: 'textIntegrity',
      state: 'checked',
      status: 'verified',
      issuerKey: 'simulator',
      issuerKeyId: '9000033/001',
      steps: [
        { id: 'myNumberDigest', outcome: 'pass' },
        { id: 'basicFourDigest', outcome: 'pass' },
        { id: 'recordSignature', outcome: 'pass' },
        { id: 'cvCertificate', outcome: 'pass' },
      ],
    });
    expect(checks[1]).toMatchObject({
      which: 'cardFace',
      status: 'verified',
      issuerKeyId: '9000023/001',
      steps: [
        { id: 'faceSignature', outcome: 'pass' },
        { id: 'cvCertificate', outcome: 'pass' },
      ],
    });
  });

  it('a changed name in the basic four fails its digest; the record signature itself still holds', async () => {
    // 花 (E8 8A B1) → 芲 (E8 8A B2) in the answer to READ BINARY of text EF 0002.
    const h = await connected((command, response) => {
      const at = Buffer.from(response).indexOf(Buffer.from('花子', 'utf8'));
      if (command[1] !== 0xb0 || at < 0) return null;
      const copy = response.slice();
      copy[at + 2] = 0xb2;
      return copy;
    });
    await h.verifyPin({ pinId: 'textPin', pin: (await pinsOf('adult')).textPin });
    const { checks } = await h.client.call('checkCardData', {});
    expect(checks[0]).toMatchObject({ status: 'failed' });
    expect(checks[0]!.steps!.find((s) => s.id === 'basicFourDigest')!.outcome).toBe('fail');
    expect(checks[0]!.steps!.find((s) => s.id === 'recordSignature')!.outcome).toBe('pass');
  });

  it('a changed birth date on the card face fails its signature', async () => {
    // Any READ BINARY in the visual AP (by SFI or after SELECT EF) whose answer holds the date of birth.
    let inFace = false;
    const h = await connected((command, response) => {
      if (command[1] === 0xa4 && command[2] === 0x04) inFace = command[4] === 0x0a && command[14] === 0x02;
      const at = Buffer.from(response).indexOf(Buffer.from('19850612', 'ascii'));
      if (!inFace || command[1] !== 0xb0 || at < 0) return null;
      const copy = response.slice();
      copy[at + 7] = 0x33;
      return copy;
    });
    await h.verifyPin({ pinId: 'visualPinB', pin: (await pinsOf('adult')).pinB });
    const { checks } = await h.client.call('checkCardData', {});
    expect(checks[1]).toMatchObject({ which: 'cardFace', status: 'failed', steps: [{ id: 'faceSignature', outcome: 'fail' }, { id: 'cvCertificate', outcome: 'pass' }] });
  });
});
