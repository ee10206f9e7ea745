import { MalformedDataError, startsWith } from '../../../bytes';
import type { Tlv } from '../../../apdu';

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JP2_SIGNATURE = Uint8Array.of(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a);

/**
 * The value of an image TLV (docs/card-reference.md §8.1 DF41, §8.2 DF25–DF27, DF2A), which must start
 * with the PNG or the JP2 signature (§8.2: `00 00 00 0C 6A 50 20 20 0D 0A 87 0A`).
 */
export function imageField(tlv: Tlv, source: string, kind: 'PNG' | 'JP2'): Uint8Array {
  if (!startsWith(tlv.value, kind === 'PNG' ? PNG_SIGNATURE : JP2_SIGNATURE)) {
    throw new MalformedDataError(source, tlv.valueOffset, `tag ${tlv.tag.toString(16).toUpperCase()} is not a ${kind} image`);
  }
  // A copy, so the view does not keep the whole file's buffer alive or expose it to changes.
  return tlv.value.slice();
}

