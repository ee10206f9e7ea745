/**
 * PC/SC constants as pcsc-lite (`pcsclite.h`), Windows (`winscard.h`, `winerror.h`) and macOS
 * (PCSC.framework, a pcsc-lite fork) define them: return codes, scopes, share modes, protocols,
 * dispositions and reader-state flags. The values are the same on the three systems except
 * `SCARD_PROTOCOL_RAW` and the size of an ATR buffer, which `koffiPcsc.ts` picks per platform.
 */

/** Return codes (LONG), as unsigned 32-bit numbers. */
export const SCARD = {
  S_SUCCESS: 0x00000000,
  F_INTERNAL_ERROR: 0x80100001,
  E_CANCELLED: 0x80100002,
  E_INVALID_HANDLE: 0x80100003,
  E_INVALID_PARAMETER: 0x80100004,
  E_NO_MEMORY: 0x80100006,
  E_INSUFFICIENT_BUFFER: 0x80100008,
  E_UNKNOWN_READER: 0x80100009,
  E_TIMEOUT: 0x8010000a,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  E_PROTO_MISMATCH: 0x8010000f,
  E_NOT_READY: 0x80100010,
  E_SYSTEM_CANCELLED: 0x80100012,
  F_COMM_ERROR: 0x80100013,
  F_UNKNOWN_ERROR: 0x80100014,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_UNEXPECTED: 0x8010001f,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  E_SERVER_TOO_BUSY: 0x80100031,
  W_UNSUPPORTED_CARD: 0x80100065,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;

export const SCARD_SCOPE_SYSTEM = 2;
export const SCARD_SHARE_EXCLUSIVE = 1;
export const SCARD_SHARE_SHARED = 2;
export const SCARD_PROTOCOL_T0 = 0x0001;
export const SCARD_PROTOCOL_T1 = 0x0002;
export const SCARD_LEAVE_CARD = 0;
export const SCARD_RESET_CARD = 1;
export const SCARD_UNPOWER_CARD = 2;
export const SCARD_EJECT_CARD = 3;
/** `dwTimeout` for "wait until something changes". */
export const SCARD_INFINITE = 0xffffffff;

/** `SCARD_READERSTATE.dwCurrentState` / `dwEventState` bits; the high 16 bits count events. */
export const SCARD_STATE = {
  UNAWARE: 0x0000,
  IGNORE: 0x0001,
  CHANGED: 0x0002,
  UNKNOWN: 0x0004,
  UNAVAILABLE: 0x0008,
  EMPTY: 0x0010,
  PRESENT: 0x0020,
  EXCLUSIVE: 0x0080,
  INUSE: 0x0100,
  MUTE: 0x0200,
  UNPOWERED: 0x0400,
} as const;

/** A PC/SC call that did not return SCARD_S_SUCCESS: which call, and its return code. */
export class PcscError extends Error {
  override readonly name = 'PcscError';
  constructor(
    readonly call: string,
    readonly rv: number,
  ) {
    super(`${call} failed: ${pcscCodeName(rv)} (0x${rv.toString(16).toUpperCase().padStart(8, '0')})`);
  }

  /** The Web Smart Card API's `SmartCardResponseCode` for this failure (what the page is told). */
  get responseCode(): string {
    return responseCodeOf(this.rv);
  }
}

/** The symbolic name of a return code, e.g. `SCARD_W_REMOVED_CARD`. */
export function pcscCodeName(rv: number): string {
  for (const [name, value] of Object.entries(SCARD)) if (value === rv) return `SCARD_${name}`;
  return 'unknown PC/SC error';
}

/**
 * PC/SC return code → WICG web-smart-card `SmartCardResponseCode` (or `timeout` / `cancelled`,
 * which the API raises as DOMExceptions), following Chrome's own mapping of the same codes.
 */
export function responseCodeOf(rv: number): string {
  switch (rv) {
    case SCARD.E_NO_SMARTCARD:
      return 'no-smartcard';
    case SCARD.W_REMOVED_CARD:
      return 'removed-card';
    case SCARD.W_RESET_CARD:
      return 'reset-card';
    case SCARD.E_SHARING_VIOLATION:
      return 'sharing-violation';
    case SCARD.E_TIMEOUT:
      return 'timeout';
    case SCARD.E_CANCELLED:
      return 'cancelled';
    case SCARD.E_UNKNOWN_READER:
      return 'unknown-reader';
    case SCARD.E_READER_UNAVAILABLE:
      return 'reader-unavailable';
    case SCARD.E_NO_READERS_AVAILABLE:
      return 'no-readers-available';
    case SCARD.E_NO_SERVICE:
    case SCARD.E_SERVICE_STOPPED:
      return 'no-service';
    case SCARD.E_PROTO_MISMATCH:
      return 'proto-mismatch';
    case SCARD.E_NOT_READY:
      return 'not-ready';
    case SCARD.E_NOT_TRANSACTED:
      return 'not-transacted';
    case SCARD.E_SERVER_TOO_BUSY:
      return 'server-too-busy';
    case SCARD.E_SYSTEM_CANCELLED:
      return 'system-cancelled';
    case SCARD.W_UNPOWERED_CARD:
      return 'unpowered-card';
    case SCARD.W_UNRESPONSIVE_CARD:
      return 'unresponsive-card';
    case SCARD.W_UNSUPPORTED_CARD:
      return 'unsupported-card';
    default:
      return 'unknown-error';
  }
}
