import { asciiBytes, concatBytes, u32be } from '../../bytes';
import type { DecodedImage } from './decodeJp2';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** PNG colour types (PNG spec §11.2.2): 0 greyscale, 2 truecolour, 6 truecolour with alpha. */
const COLOUR_TYPE = { 1: 0, 3: 2, 4: 6 } as const;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG uses it (PNG spec §5.5, ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concatBytes(asciiBytes(type), data);
  return concatBytes(u32be(data.length), typeAndData, u32be(crc32(typeAndData)));
}

/** zlib-wrapped deflate (RFC 1950), as PNG's IDAT requires; `CompressionStream` is in browsers and Node. */
async function zlibDeflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Encodes 8-bit samples as a PNG (PNG spec, filter type 0 on every row) so the decoded face
 * photo can be shown with a plain `<img>` and exported.
 */
export async function encodePng(image: DecodedImage): Promise<Uint8Array> {
  const { width, height, components, samples } = image;
  const rowLength = width * components;
  const raw = new Uint8Array((rowLength + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (rowLength + 1)] = 0; // filter: none
    raw.set(samples.subarray(y * rowLength, (y + 1) * rowLength), y * (rowLength + 1) + 1);
  }
  const header = concatBytes(u32be(width), u32be(height), Uint8Array.of(8, COLOUR_TYPE[components], 0, 0, 0));
  return concatBytes(SIGNATURE, chunk('IHDR', header), chunk('IDAT', await zlibDeflate(raw)), chunk('IEND', new Uint8Array(0)));
}
