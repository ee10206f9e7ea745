import { MalformedDataError } from '../../bytes';
import { decodeJp2 } from '../image/decodeJp2';
import { encodePng } from '../image/encodePng';
import type { FieldView, ImageView } from '../../protocol';
import { toBase64 } from '../../bytes/base64';
import { textField, type Label } from './fields';

/** Where the engine finds the OpenJPEG `.wasm` (from Vite in the worker; Node finds it itself). */
export interface ImageOptions {
  readonly jp2WasmUrl?: string;
}

/**
 * A PNG stored on the card (docs/card-reference.md §8.2 name/address/security code, §8.1 EF 0005) as a
 * data URL; width and height come from its IHDR (PNG spec §11.2.2), bounds-checked.
 */
export function pngImage([label, labelJa]: Label, png: Uint8Array, source: string): ImageView {
  if (png.length < 24) throw new MalformedDataError(source, png.length, 'PNG too short for its IHDR');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { label, labelJa, dataUrl: `data:image/png;base64,${toBase64(png)}`, width: view.getUint32(16), height: view.getUint32(20) };
}

/** Marks the picture of the My Number (visual EF 0005, docs/card-reference.md §8.1, §17): the UI shows it only after Reveal. */
export function myNumberPicture(image: ImageView): ImageView {
  return { ...image, myNumber: true };
}

/**
 * The face photo (docs/card-reference.md §8.2, JPEG 2000 in JP2): decoded with OpenJPEG and re-encoded
 * as PNG, because browsers do not show JPEG 2000.
 */
async function jp2Image(label: Label, jp2: Uint8Array, source: string, options: ImageOptions): Promise<ImageView> {
  const decoded = await decodeJp2(jp2, options.jp2WasmUrl);
  return pngImage(label, await encodePng(decoded), source);
}

/**
 * The face photo, or — when OpenJPEG cannot decode it — a field saying so, so the rest of the
 * card face (§8.2) is still shown and the raw bytes stay exportable.
 */
export async function photoOrNote(label: Label, jp2: Uint8Array, source: string, options: ImageOptions): Promise<{ image?: ImageView; field?: FieldView }> {
  try {
    return { image: await jp2Image(label, jp2, source, options) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { field: textField(label, `not decodable (${typeof code === 'string' ? code : 'image/decode-failed'}); ${jp2.length} bytes of JPEG 2000`) };
  }
}
