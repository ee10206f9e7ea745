import { EngineFailure } from '../engineErrors';

/** Standard base64 (RFC 4648 §4) to bytes; what is not base64 is `engine/bad-request`. */
export function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new EngineFailure('engine/bad-request', 'expected base64 data');
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
