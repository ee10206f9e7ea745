/**
 * The wire protocol between the page and the MynaLens bridge (`npm run bridge`, bridge/): JSON
 * text frames over a WebSocket on 127.0.0.1. Its operations are the Web Smart Card API's
 * (WICG web-smart-card: `listReaders`, `getStatusChange`, `connect`, `transmit`, `status`,
 * `disconnect`), so the page's `WebSmartCardAccess` drives a bridge exactly as it drives
 * `navigator.smartCard`; errors carry the same `SmartCardResponseCode` names.
 *
 * Pure data and checks, shared by the page (src/platform/bridgeSmartCard.ts) and the bridge.
 * Bytes travel as upper-case hex without spaces. Every message from the other side is parsed
 * with `parseBridgeMessage`, which refuses anything over the caps below.
 */

/** The bridge's default port on 127.0.0.1; the app's Content-Security-Policy allows exactly this one. */
export const BRIDGE_DEFAULT_PORT = 27436;

/** Largest text frame either side accepts (an extended APDU of 65 544 bytes as hex, with room). */
export const BRIDGE_MAX_MESSAGE_BYTES = 140_000;

/** Largest command APDU the bridge passes on: ISO 7816-4 extended, 4 + 3 + 65 535 + 2 bytes. */
export const BRIDGE_MAX_APDU_BYTES = 65_544;

/** Largest response: 65 536 data bytes + SW1 SW2 (ISO 7816-4 extended Le). */
export const BRIDGE_MAX_RESPONSE_BYTES = 65_538;

/** At most this many readers in one `getStatusChange` (PC/SC's own limit is the reader count). */
export const BRIDGE_MAX_READER_STATES = 16;

/** The WebSocket close codes the bridge uses, each with the page's error code. */
export const BRIDGE_CLOSE = {
  /** The page's Origin is not on the bridge's allowlist (refused at the handshake: HTTP 403). */
  originRefused: 4003,
  /** The first message was neither a valid pairing nor the token issued to this origin. */
  notPaired: 4001,
  /** The token was not the one this bridge issued for this origin. */
  wrongToken: 4002,
  /** Another page is already connected: one client at a time. */
  busy: 4009,
  /** A pairing code was wrong too often; the bridge printed a new one. */
  pairingLocked: 4029,
} as const;

/** Reader-state flags, as in the Web Smart Card API's `SmartCardReaderStateFlags`. */
export interface BridgeStateFlags {
  unaware?: boolean;
  ignore?: boolean;
  changed?: boolean;
  unknown?: boolean;
  unavailable?: boolean;
  empty?: boolean;
  present?: boolean;
  exclusive?: boolean;
  inuse?: boolean;
  mute?: boolean;
  unpowered?: boolean;
}

export const BRIDGE_FLAG_NAMES = [
  'unaware', 'ignore', 'changed', 'unknown', 'unavailable', 'empty', 'present', 'exclusive', 'inuse', 'mute', 'unpowered',
] as const satisfies readonly (keyof BridgeStateFlags)[];

export type BridgeProtocolName = 'raw' | 't0' | 't1';

/** What the page asks. `id` pairs a request with its answer. */
export type BridgeRequest =
  | { id: number; op: 'pair'; code: string }
  | { id: number; op: 'hello'; token: string }
  | { id: number; op: 'listReaders' }
  | {
      id: number;
      op: 'getStatusChange';
      readerStates: { readerName: string; currentState: BridgeStateFlags; currentCount?: number }[];
      /** Milliseconds; absent = wait until something changes or `cancel`. */
      timeout?: number;
    }
  | { id: number; op: 'cancel' }
  | { id: number; op: 'connect'; readerName: string; preferredProtocols: BridgeProtocolName[] }
  | { id: number; op: 'transmit'; handle: number; apdu: string; protocol?: BridgeProtocolName }
  | { id: number; op: 'status'; handle: number }
  | { id: number; op: 'disconnect'; handle: number; disposition: 'leave' | 'reset' | 'unpower' | 'eject' };

/** The bridge's answers. */
export type BridgeResponse =
  | { id: number; ok: true; token?: string; origin?: string }
  | { id: number; ok: true; readers: string[] }
  | { id: number; ok: true; states: { readerName: string; eventState: BridgeStateFlags; eventCount: number; atr?: string }[] }
  | { id: number; ok: true; handle: number; activeProtocol: BridgeProtocolName | null }
  | { id: number; ok: true; response: string }
  | { id: number; ok: true; readerName: string; state: string; atr: string }
  | { id: number; ok: false; error: { responseCode: string; message: string } };

/** A frame that broke the protocol; `responseCode` is what the other side is told. */
export class BridgeProtocolError extends Error {
  override readonly name = 'BridgeProtocolError';
  constructor(
    message: string,
    readonly responseCode: 'message-too-large' | 'invalid-message' = 'invalid-message',
  ) {
    super(message);
  }
}

/** Bytes as upper-case hex, no spaces. */
export function bytesToBridgeHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

/** Hex from the other side, checked: even length, hex digits only, at most `maxBytes`. */
export function bridgeHexToBytes(hex: unknown, maxBytes: number, what: string): Uint8Array {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(hex)) {
    throw new BridgeProtocolError(`${what} is not hex`);
  }
  if (hex.length / 2 > maxBytes) throw new BridgeProtocolError(`${what} of ${hex.length / 2} bytes is over the ${maxBytes}-byte cap`, 'message-too-large');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Parses one text frame into an object with a numeric `id`, refusing frames over the cap, JSON
 * that is not an object, and ids that are not small non-negative integers. Field checks are the
 * receiver's (it knows which operation it expects).
 */
export function parseBridgeMessage(text: string, maxBytes = BRIDGE_MAX_MESSAGE_BYTES): Record<string, unknown> & { id: number } {
  // Two bytes per UTF-16 unit at most would be over-strict; JSON from us is ASCII, so length is bytes.
  if (text.length > maxBytes) throw new BridgeProtocolError(`a message of ${text.length} bytes is over the ${maxBytes}-byte cap`, 'message-too-large');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BridgeProtocolError('a message is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BridgeProtocolError('a message is not a JSON object');
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) throw new BridgeProtocolError('a message has no valid id');
  return value as Record<string, unknown> & { id: number };
}

/** Only the known flag names, as booleans; anything else in `flags` is dropped. */
export function cleanFlags(flags: unknown): BridgeStateFlags {
  const out: BridgeStateFlags = {};
  if (typeof flags !== 'object' || flags === null) return out;
  for (const name of BRIDGE_FLAG_NAMES) if ((flags as Record<string, unknown>)[name] === true) out[name] = true;
  return out;
}
