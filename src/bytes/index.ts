export { ByteReader } from './ByteReader';
export { MalformedDataError } from './MalformedDataError';
export { fromHex, toHex, hex16 } from './hex';
export { fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64';
export {
  asciiBytes,
  asciiString,
  bytesEqual,
  concatBytes,
  copyBytes,
  startsWith,
  u16be,
  u32be,
  u32le,
  utf8Bytes,
  utf8String,
  wipe,
} from './bytes';
