import { MalformedDataError, toHex } from '../../bytes';
import { DECODERS, prepareDecoder, type DecodedView, type DecoderId } from '../../cards/mynumber/decoders';
import { malformedFile } from '../../cards/mynumber/errors';
import type { ExposureEntry } from '../../cards/mynumber/exposure';
import { fileLabel } from '../../cards/mynumber/identifiers';
import { myNumberBearer, myNumberSpans } from '../../cards/mynumber/myNumberBytes';
import type { FileContentView } from '../../protocol';
import { serializeError } from '../serializeError';
import { toBase64 } from '../../bytes/base64';
import { VIEW_BUILDERS, type DecodedParts } from './decoderViews';
import type { ImageOptions } from './images';

/**
 * A file's bytes as the exposure matrix shows them (docs/card-reference.md §6–§9): raw hex always, the
 * decoder's fields and images when it succeeds. Bad bytes never throw: they become
 * `decodeError` (`card/malformed-file` with file and offset, house rule 3) beside the raw hex.
 * In a file that carries the My Number, the raw bytes that do are marked (§17).
 */
export async function buildContent(entry: ExposureEntry, bytes: Uint8Array, options: ImageOptions = {}): Promise<FileContentView> {
  const bearer = myNumberBearer(entry.applet, entry.fileId);
  const spans = bearer ? myNumberSpans(bearer, bytes) : [];
  const base = {
    rawHex: toHex(bytes),
    byteLength: bytes.length,
    ...(spans.length > 0 ? { myNumberSpans: spans } : {}),
    title: entry.name,
    titleJa: entry.nameJa,
  };
  const source = fileLabel(entry.applet, entry.fileId);
  const certificate = entry.decoder === 'x509Certificate' ? { certificateDerBase64: toBase64(bytes) } : {};
  if (!entry.decoder) return { ...base, fields: [], images: [], ...certificate };
  try {
    const parts = await decodeParts(entry.decoder, bytes, source, options);
    return { ...base, fields: parts.fields, images: parts.images ?? [], ...certificate };
  } catch (error) {
    const decodeError = serializeError(error instanceof MalformedDataError ? malformedFile(error) : error);
    return { ...base, fields: [], images: [], ...certificate, decodeError };
  }
}

async function decodeParts<D extends DecoderId>(decoder: D, bytes: Uint8Array, source: string, options: ImageOptions): Promise<DecodedParts> {
  await prepareDecoder(decoder);
  const view = (DECODERS[decoder] as (b: Uint8Array, s: string) => DecodedView<D>)(bytes, source);
  return VIEW_BUILDERS[decoder](view, source, options);
}
