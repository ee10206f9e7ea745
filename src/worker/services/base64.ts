import { fromBase64 } from '../../bytes/base64';
import { EngineFailure } from '../../protocol';

/** Standard base64 (RFC 4648 §4) from a request to bytes; what is not base64 is `engine/bad-request`. */
export function requestBase64(text: unknown): Uint8Array {
  if (typeof text !== 'string') throw new EngineFailure('engine/bad-request', 'expected base64 data');
  try {
    return fromBase64(text);
  } catch {
    throw new EngineFailure('engine/bad-request', 'expected base64 data');
  }
}
