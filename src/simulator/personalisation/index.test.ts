import { describe, expect, it } from 'vitest';
import { HOLDERS, HOLDER_IDS, loadPersonalisation, type HolderId } from './index';

describe('loadPersonalisation', () => {
  it.each(HOLDER_IDS)('loads %s with its holder data and decoded EFs', async (id) => {
    const p = await loadPersonalisation(id);
    expect(p.holder).toBe(HOLDERS[id].profile);
    expect(p.pins).toBe(HOLDERS[id].pins);
    expect(p.text.myNumberEf).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(p.text.myNumberEf.subarray(3, 15))).toBe(HOLDERS[id].profile.myNumber);
    expect(p.jpki.authKey.kty).toBe('RSA');
    expect(p.cardLevel.get(0x5f51)).toEqual(Uint8Array.of(0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14));
    expect('sessionKey' in p.text).toBe(false);
  });

  it('returns fresh bytes on every call, so one card cannot change another', async () => {
    const first = await loadPersonalisation('adult');
    first.text.myNumberEf.fill(0);
    const second = await loadPersonalisation('adult');
    expect(second.text.myNumberEf[0]).toBe(0xff);
  });

  it('rejects an unknown holder', async () => {
    await expect(loadPersonalisation('nobody' as HolderId)).rejects.toThrow(RangeError);
  });
});
