/**
 * The bridge's view of PC/SC: the C calls of `PcscLibrary` turned into the Web Smart Card API's
 * operations, every return code checked (a failure is a `PcscError` naming the call and code),
 * every size the library reports capped before a buffer is made.
 *
 * Two kinds of PC/SC context, because pcsc-lite serialises the calls of one context and
 * `SCardGetStatusChange` can block for as long as nothing changes: one context for listing,
 * connecting and transmitting, and a fresh one per status wait, which `cancelWaits()` ends with
 * `SCardCancel`.
 */

import type { BridgeProtocolName, BridgeStateFlags } from '../../src/platform/bridgeProtocol';
import { BRIDGE_FLAG_NAMES, BRIDGE_MAX_READER_STATES, BRIDGE_MAX_RESPONSE_BYTES } from '../../src/platform/bridgeProtocol';
import {
  PcscError,
  SCARD,
  SCARD_EJECT_CARD,
  SCARD_LEAVE_CARD,
  SCARD_PROTOCOL_T0,
  SCARD_PROTOCOL_T1,
  SCARD_RESET_CARD,
  SCARD_SCOPE_SYSTEM,
  SCARD_SHARE_EXCLUSIVE,
  SCARD_STATE,
  SCARD_UNPOWER_CARD,
} from './pcscConstants';
import type { PcscHandleValue, PcscLibrary, PcscReaderState } from './PcscLibrary';

/** The longest reader list (in chars) we accept from the library: room for ~100 readers. */
const MAX_READER_LIST_CHARS = 16_384;
/** Longest single SCardGetStatusChange call; longer waits are a loop of these (see getStatusChange). */
const WAIT_SLICE_MS = 2000;
/** A reader name longer than this is refused (PC/SC's own MAX_READERNAME is 128). */
const MAX_READER_NAME_CHARS = 512;

const FLAG_BITS: Record<(typeof BRIDGE_FLAG_NAMES)[number], number> = {
  unaware: SCARD_STATE.UNAWARE,
  ignore: SCARD_STATE.IGNORE,
  changed: SCARD_STATE.CHANGED,
  unknown: SCARD_STATE.UNKNOWN,
  unavailable: SCARD_STATE.UNAVAILABLE,
  empty: SCARD_STATE.EMPTY,
  present: SCARD_STATE.PRESENT,
  exclusive: SCARD_STATE.EXCLUSIVE,
  inuse: SCARD_STATE.INUSE,
  mute: SCARD_STATE.MUTE,
  unpowered: SCARD_STATE.UNPOWERED,
};

/** Flags → `dwCurrentState` bits (with the event count in the high 16 bits, as PC/SC keeps it). */
export function flagsToState(flags: BridgeStateFlags, count = 0): number {
  let bits = 0;
  for (const name of BRIDGE_FLAG_NAMES) if (flags[name]) bits |= FLAG_BITS[name];
  return (bits | ((count & 0xffff) << 16)) >>> 0;
}

/** `dwEventState` bits → flags and the event count. */
export function stateToFlags(state: number): { flags: BridgeStateFlags; count: number } {
  const flags: BridgeStateFlags = {};
  for (const name of BRIDGE_FLAG_NAMES) {
    const bit = FLAG_BITS[name];
    if (bit !== 0 && (state & bit) !== 0) flags[name] = true;
  }
  return { flags, count: (state >>> 16) & 0xffff };
}

/** A reader's state as `getStatusChange` reports it. */
export interface ReaderStateOut {
  readonly readerName: string;
  readonly eventState: BridgeStateFlags;
  readonly eventCount: number;
  readonly atr: Uint8Array;
}

/** A connected card. */
export interface CardConnection {
  readonly card: PcscHandleValue;
  readonly protocol: number;
  readonly activeProtocol: BridgeProtocolName | null;
}

function check(call: string, rv: number): void {
  if (rv !== SCARD.S_SUCCESS) throw new PcscError(call, rv);
}

/** NUL-separated, double-NUL-ended names (PC/SC's multi-string) → the names. */
export function parseMultiString(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  const end = text.indexOf('\0\0');
  return (end >= 0 ? text.slice(0, end) : text).split('\0').filter((name) => name.length > 0);
}

export class PcscClient {
  private context: PcscHandleValue | null = null;
  private readonly waits = new Map<PcscHandleValue, { cancelled: boolean }>();

  constructor(private readonly lib: PcscLibrary) {}

  private async newContext(): Promise<PcscHandleValue> {
    const out: [PcscHandleValue] = [0];
    check('SCardEstablishContext', await this.lib.SCardEstablishContext(SCARD_SCOPE_SYSTEM, out));
    return out[0];
  }

  /** The main context, established on first use and again after the service restarted. */
  private async main(): Promise<PcscHandleValue> {
    this.context ??= await this.newContext();
    return this.context;
  }

  /** Runs `work` on the main context; if the PC/SC service went away, tries once on a new one. */
  private async withContext<T>(work: (context: PcscHandleValue) => Promise<T>): Promise<T> {
    try {
      return await work(await this.main());
    } catch (error) {
      const stale = error instanceof PcscError && (error.rv === SCARD.E_INVALID_HANDLE || error.rv === SCARD.E_NO_SERVICE || error.rv === SCARD.E_SERVICE_STOPPED);
      if (!stale) throw error;
      this.context = null;
      return work(await this.main());
    }
  }

  /** Every reader; none is an empty list, not an error. */
  listReaders(): Promise<string[]> {
    return this.withContext(async (context) => {
      const length: [number] = [0];
      let rv = await this.lib.SCardListReaders(context, null, length);
      if (rv === SCARD.E_NO_READERS_AVAILABLE) return [];
      check('SCardListReaders', rv);
      if (length[0] > MAX_READER_LIST_CHARS) throw new PcscError('SCardListReaders', SCARD.E_INSUFFICIENT_BUFFER);
      const buffer = new Uint8Array(length[0]);
      rv = await this.lib.SCardListReaders(context, buffer, length);
      if (rv === SCARD.E_NO_READERS_AVAILABLE) return [];
      check('SCardListReaders', rv);
      return parseMultiString(buffer.subarray(0, Math.min(length[0], buffer.length)));
    });
  }

  /**
   * Waits (up to `timeoutMs`, or until `cancelWaits()`) until a reader's state differs from what
   * the caller knows, on a context of its own.
   */
  async getStatusChange(
    readers: readonly { readerName: string; currentState: BridgeStateFlags; currentCount?: number }[],
    timeoutMs: number | undefined,
  ): Promise<ReaderStateOut[]> {
    if (readers.length === 0 || readers.length > BRIDGE_MAX_READER_STATES) throw new PcscError('SCardGetStatusChange', SCARD.E_INVALID_PARAMETER);
    const states: PcscReaderState[] = readers.map((r) => ({
      szReader: r.readerName,
      dwCurrentState: flagsToState(r.currentState, r.currentCount ?? 0),
      dwEventState: 0,
      cbAtr: 0,
      rgbAtr: new Uint8Array(this.lib.maxAtrSize),
    }));
    const context = await this.newContext();
    const wait = { cancelled: false };
    this.waits.set(context, wait);
    try {
      // In slices: an SCardCancel that lands before the C call starts waiting is lost, so a
      // cancelled wait is noticed at the next slice at the latest.
      const deadline = timeoutMs === undefined ? Infinity : Date.now() + Math.max(0, Math.floor(timeoutMs));
      for (;;) {
        const slice = Math.max(0, Math.min(deadline - Date.now(), WAIT_SLICE_MS));
        const rv = await this.lib.SCardGetStatusChange(context, slice, states);
        if (wait.cancelled) throw new PcscError('SCardGetStatusChange', SCARD.E_CANCELLED);
        if (rv === SCARD.E_TIMEOUT && Date.now() < deadline) continue;
        check('SCardGetStatusChange', rv);
        break;
      }
    } finally {
      this.waits.delete(context);
      await this.lib.SCardReleaseContext(context);
    }
    return states.map((s) => {
      const { flags, count } = stateToFlags(s.dwEventState);
      const atrLength = Math.min(s.cbAtr, this.lib.maxAtrSize);
      return { readerName: s.szReader, eventState: flags, eventCount: count, atr: Uint8Array.from(s.rgbAtr).subarray(0, atrLength) };
    });
  }

  /** How many status waits are under way. */
  get pendingWaits(): number {
    return this.waits.size;
  }

  /** Ends every status wait in progress (they fail with SCARD_E_CANCELLED). */
  async cancelWaits(): Promise<void> {
    await Promise.all(
      [...this.waits].map(([context, wait]) => {
        wait.cancelled = true;
        return this.lib.SCardCancel(context);
      }),
    );
  }

  /**
   * Connects exclusively — no other program may talk to the card during a MynaLens session — with
   * the protocols the page prefers (T=1 and T=0 when it names none).
   */
  connect(readerName: string, preferred: readonly BridgeProtocolName[]): Promise<CardConnection> {
    if (readerName.length === 0 || readerName.length > MAX_READER_NAME_CHARS) return Promise.reject(new PcscError('SCardConnect', SCARD.E_UNKNOWN_READER));
    let wanted = 0;
    for (const name of preferred) wanted |= name === 't0' ? SCARD_PROTOCOL_T0 : name === 't1' ? SCARD_PROTOCOL_T1 : this.lib.protocolRaw;
    if (wanted === 0) wanted = SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1;
    return this.withContext(async (context) => {
      const card: [PcscHandleValue] = [0];
      const active: [number] = [0];
      check('SCardConnect', await this.lib.SCardConnect(context, readerName, SCARD_SHARE_EXCLUSIVE, wanted, card, active));
      const protocol = active[0];
      const activeProtocol = protocol === SCARD_PROTOCOL_T1 ? 't1' : protocol === SCARD_PROTOCOL_T0 ? 't0' : protocol === this.lib.protocolRaw ? 'raw' : null;
      return { card: card[0], protocol, activeProtocol };
    });
  }

  /** One APDU; the response buffer holds the largest extended response. */
  async transmit(connection: CardConnection, command: Uint8Array): Promise<Uint8Array> {
    const response = new Uint8Array(BRIDGE_MAX_RESPONSE_BYTES);
    const length: [number] = [response.length];
    check('SCardTransmit', await this.lib.SCardTransmit(connection.card, connection.protocol, command, response, length));
    if (length[0] > response.length) throw new PcscError('SCardTransmit', SCARD.E_INSUFFICIENT_BUFFER);
    return response.slice(0, length[0]);
  }

  /** The reader's name, the card's state bits and its ATR. */
  async status(connection: CardConnection): Promise<{ readerName: string; state: number; atr: Uint8Array }> {
    const name = new Uint8Array(MAX_READER_NAME_CHARS + 2);
    const nameLength: [number] = [name.length];
    const state: [number] = [0];
    const protocol: [number] = [0];
    const atr = new Uint8Array(this.lib.maxAtrSize);
    const atrLength: [number] = [atr.length];
    check('SCardStatus', await this.lib.SCardStatus(connection.card, name, nameLength, state, protocol, atr, atrLength));
    const [readerName = ''] = parseMultiString(name.subarray(0, Math.min(nameLength[0], name.length)));
    return { readerName, state: state[0], atr: atr.slice(0, Math.min(atrLength[0], atr.length)) };
  }

  /** Disconnects; `reset` (the page's default) resets the card so no PIN stays verified. */
  async disconnect(connection: CardConnection, disposition: 'leave' | 'reset' | 'unpower' | 'eject'): Promise<void> {
    const code = { leave: SCARD_LEAVE_CARD, reset: SCARD_RESET_CARD, unpower: SCARD_UNPOWER_CARD, eject: SCARD_EJECT_CARD }[disposition];
    check('SCardDisconnect', await this.lib.SCardDisconnect(connection.card, code));
  }

  /** Releases the main context (pending waits are cancelled first). */
  async close(): Promise<void> {
    await this.cancelWaits();
    const context = this.context;
    this.context = null;
    if (context !== null) await this.lib.SCardReleaseContext(context);
  }
}
