import { describe, expect, it } from 'vitest';
import { fromHex } from '../../bytes';
import { photoOrNote, pngImage } from './images';

describe('card images (docs/card-reference.md §8.2)', () => {
  it('reads a PNG’s size from its IHDR and refuses one too short', () => {
    const ihdr = fromHex('89 50 4E 47 0D 0A 1A 0A 00 00 00 0D 49 48 44 52 00 00 00 48 00 00 00 0C 01 00 00 00 00');
    expect(pngImage('name', ihdr, 'test')).toMatchObject({ width: 72, height: 12, dataUrl: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/) });
    expect(() => pngImage('name', ihdr.subarray(0, 20), 'test')).toThrow(/too short/);
  });

  it('turns an undecodable face photo into a field instead of failing the card face', async () => {
    const result = await photoOrNote('facePhoto', fromHex('00 00 00 0C 6A 50 20 20'), 'visual AP EF 0002 DF27', {});
    expect(result.image).toBeUndefined();
    expect(result.field).toMatchObject({ key: 'facePhoto', kind: 'text', value: 'image/decode-failed', valueKey: 'photoNotDecodable', valueValues: { code: 'image/decode-failed', count: 8 } });
  });
});
