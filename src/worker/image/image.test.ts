import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { ImageDecodeError, decodeJp2 } from './decodeJp2';
import { crc32, encodePng } from './encodePng';

/**
 * A 4×2 greyscale JP2 made once with Debian's `opj_compress -n 1` (lossless, one resolution) from a PGM with the
 * samples 00 40 80 FF / FF 80 40 00, committed as bytes so the test needs no tool.
 */
const TINY_JP2 = fromHex(
  '0000000C6A5020200D0A870A00000014667479706A703220000000006A7032200000002D6A703268000000166968647200000002000000040001070700000000000F636F6C72010000000000110000008B6A703263FF4FFF510029000000000004000000020000000000000000000000040000000200000000000000000001070101FF52000C00000001000004040001FF5C00044040FF640025000143726561746564206279204F70656E4A5045472076657273696F6E20322E352E30FF90000A0000000000190001FF93DF80400798DB8B9FD9EE7AFFD9',
);

describe('decodeJp2 (OpenJPEG WebAssembly)', () => {
  it('decodes a JP2 container to its exact samples', async () => {
    const image = await decodeJp2(TINY_JP2);
    expect(image).toMatchObject({ width: 4, height: 2, components: 1 });
    expect(toHex(image.samples)).toBe('00 40 80 FF FF 80 40 00');
  });

  it('turns garbage into ImageDecodeError, not a crash', async () => {
    await expect(decodeJp2(fromHex('00 00 00 0C 6A 50 20 20 0D 0A 87 0A 00 00'))).rejects.toBeInstanceOf(ImageDecodeError);
    await expect(decodeJp2(new Uint8Array(0))).rejects.toBeInstanceOf(ImageDecodeError);
  });
});

describe('encodePng', () => {
  it('computes the CRC-32 check value of the standard test string', () => {
    // The CRC-32 "check" value for ASCII "123456789" is CBF43926 (ISO 3309 / PNG spec Annex D).
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });

  it('writes a PNG whose IHDR and zlib-inflated rows (node:zlib) give back the samples', async () => {
    const png = await encodePng({ width: 4, height: 2, components: 1, samples: fromHex('00 40 80 FF FF 80 40 00') });
    expect(toHex(png.subarray(0, 8))).toBe('89 50 4E 47 0D 0A 1A 0A');
    // IHDR: length 13, "IHDR", width 4, height 2, depth 8, colour type 0 (grey), 0, 0, 0.
    expect(toHex(png.subarray(8, 29))).toBe('00 00 00 0D 49 48 44 52 00 00 00 04 00 00 00 02 08 00 00 00 00');
    const idatLength = new DataView(png.buffer, png.byteOffset + 33).getUint32(0);
    expect(toHex(png.subarray(37, 41))).toBe('49 44 41 54');
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    expect(toHex(rows)).toBe('00 00 40 80 FF 00 FF 80 40 00'); // filter byte 0 before each row
    expect(toHex(png.subarray(png.length - 12))).toBe('00 00 00 00 49 45 4E 44 AE 42 60 82');
  });
});
