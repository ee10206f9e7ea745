import type { OpenJpegModule } from '@cornerstonejs/codec-openjpeg/decodewasmjs';

/** A decoded image: 8-bit samples, `components` per pixel (1 = grey, 3 = RGB), row by row. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly components: 1 | 3 | 4;
  readonly samples: Uint8Array;
}

/** The face photo could not be decoded; the raw bytes are still shown and exportable. */
export class ImageDecodeError extends Error {
  override readonly name = 'ImageDecodeError';
  readonly code = 'image/decode-failed';
}

let modulePromise: Promise<OpenJpegModule> | null = null;

/**
 * Loads OpenJPEG (WebAssembly) once, on first use, so the initial page never downloads it.
 * Its informational prints are silenced: nothing about card data goes to the console.
 */
function loadOpenJpeg(wasmUrl?: string): Promise<OpenJpegModule> {
  modulePromise ??= import('@cornerstonejs/codec-openjpeg/decodewasmjs').then(({ default: factory }) =>
    factory({
      ...(wasmUrl ? { locateFile: () => wasmUrl } : {}),
      print: () => {},
      printErr: () => {},
    }),
  );
  return modulePromise;
}

/**
 * Fetches and compiles OpenJPEG ahead of the first face photo (worker/warmUp.ts): its first decode
 * otherwise pays for the WebAssembly's download and compilation. A failed load is tried again on use.
 */
export function prepareOpenJpeg(wasmUrl?: string): Promise<void> {
  return loadOpenJpeg(wasmUrl).then(
    () => undefined,
    (error: unknown) => {
      modulePromise = null;
      throw error;
    },
  );
}

/**
 * Decodes the face photo of the visual AP (docs/card-reference.md §8.2, DF27: JPEG 2000 in a JP2
 * container, greyscale, low resolution). Browsers do not decode JPEG 2000, hence OpenJPEG.
 * `wasmUrl` is where the bundler put the `.wasm` (in Node the module finds it itself).
 */
export async function decodeJp2(bytes: Uint8Array, wasmUrl?: string): Promise<DecodedImage> {
  const openJpeg = await loadOpenJpeg(wasmUrl);
  const decoder = new openJpeg.J2KDecoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    if (info.bitsPerSample > 8 || info.isSigned) {
      throw new ImageDecodeError(`unsupported sample format: ${info.bitsPerSample}-bit${info.isSigned ? ' signed' : ''}`);
    }
    if (info.componentCount !== 1 && info.componentCount !== 3 && info.componentCount !== 4) {
      throw new ImageDecodeError(`unsupported component count ${info.componentCount}`);
    }
    const samples = decoder.getDecodedBuffer().slice();
    if (samples.length !== info.width * info.height * info.componentCount) {
      throw new ImageDecodeError('decoded size does not match the header');
    }
    return { width: info.width, height: info.height, components: info.componentCount, samples };
  } catch (error) {
    if (error instanceof ImageDecodeError) throw error;
    throw new ImageDecodeError(`not a decodable JPEG 2000 image (${typeof error === 'number' ? `OpenJPEG error ${error}` : String(error)})`);
  } finally {
    decoder.delete();
  }
}
