/**
 * A PC/SC library in memory for the bridge's tests: readers with or without a card, a card that
 * answers APDUs through a function, and any PC/SC return code on demand (`failNext`). Follows
 * pcsc-lite's C semantics where the client depends on them: the two-call length dance of
 * `SCardListReaders`, SCARD_E_NO_READERS_AVAILABLE with no reader, SCARD_E_SHARING_VIOLATION on a
 * second exclusive connect, SCARD_W_REMOVED_CARD after the card left, SCARD_E_TIMEOUT and
 * SCARD_E_CANCELLED from `SCardGetStatusChange`.
 */

import { SCARD, SCARD_STATE } from './pcscConstants';
import type { PcscHandleValue, PcscLibrary, PcscReaderState } from './PcscLibrary';

interface FakeReader {
  name: string;
  card: { atr: Uint8Array; respond: (command: Uint8Array) => Uint8Array } | null;
  events: number;
  holder: number | null;
}

type CallName = Exclude<keyof PcscLibrary, 'maxAtrSize' | 'protocolRaw'>;

export class FakePcscLibrary implements PcscLibrary {
  readonly maxAtrSize = 33;
  readonly protocolRaw = 4;
  readonly readers: FakeReader[] = [];
  /** Every APDU the card saw, in order. */
  readonly commands: Uint8Array[] = [];
  private nextHandle = 100;
  private readonly contexts = new Set<number>();
  private readonly cards = new Map<number, FakeReader>();
  private readonly failures = new Map<CallName, number[]>();
  private readonly waiters = new Set<{ context: number; wake: (rv: number | null) => void }>();

  addReader(name: string): this {
    this.readers.push({ name, card: null, events: 0, holder: null });
    return this;
  }

  insertCard(readerName: string, atr: Uint8Array, respond: (command: Uint8Array) => Uint8Array): void {
    this.reader(readerName).card = { atr, respond };
    this.changed(readerName);
  }

  removeCard(readerName: string): void {
    const reader = this.reader(readerName);
    reader.card = null;
    reader.holder = null;
    this.changed(readerName);
  }

  /** The next call of `name` returns `rv` instead of doing its work. */
  failNext(name: CallName, rv: number): void {
    this.failures.set(name, [...(this.failures.get(name) ?? []), rv]);
  }

  /** How many status waits are blocked right now. */
  get waiting(): number {
    return this.waiters.size;
  }

  private reader(name: string): FakeReader {
    const reader = this.readers.find((r) => r.name === name);
    if (!reader) throw new Error(`no fake reader ${name}`);
    return reader;
  }

  private changed(name: string): void {
    this.reader(name).events++;
    for (const waiter of [...this.waiters]) waiter.wake(null);
  }

  private failure(name: CallName): number | undefined {
    const queue = this.failures.get(name);
    return queue?.shift();
  }

  private stateOf(reader: FakeReader | undefined): number {
    if (!reader) return SCARD_STATE.UNKNOWN;
    const bits = reader.card ? SCARD_STATE.PRESENT | (reader.holder !== null ? SCARD_STATE.EXCLUSIVE : 0) : SCARD_STATE.EMPTY;
    return (bits | ((reader.events & 0xffff) << 16)) >>> 0;
  }

  async SCardEstablishContext(_scope: number, context: [PcscHandleValue]): Promise<number> {
    const failed = this.failure('SCardEstablishContext');
    if (failed !== undefined) return failed;
    const handle = this.nextHandle++;
    this.contexts.add(handle);
    context[0] = handle;
    return SCARD.S_SUCCESS;
  }

  async SCardReleaseContext(context: PcscHandleValue): Promise<number> {
    return this.contexts.delete(Number(context)) ? SCARD.S_SUCCESS : SCARD.E_INVALID_HANDLE;
  }

  async SCardListReaders(context: PcscHandleValue, readers: Uint8Array | null, length: [number]): Promise<number> {
    const failed = this.failure('SCardListReaders');
    if (failed !== undefined) return failed;
    if (!this.contexts.has(Number(context))) return SCARD.E_INVALID_HANDLE;
    if (this.readers.length === 0) return SCARD.E_NO_READERS_AVAILABLE;
    const bytes = new TextEncoder().encode(this.readers.map((r) => `${r.name}\0`).join('') + '\0');
    if (readers === null) {
      length[0] = bytes.length;
      return SCARD.S_SUCCESS;
    }
    if (readers.length < bytes.length) return SCARD.E_INSUFFICIENT_BUFFER;
    readers.set(bytes);
    length[0] = bytes.length;
    return SCARD.S_SUCCESS;
  }

  async SCardGetStatusChange(context: PcscHandleValue, timeoutMs: number, states: PcscReaderState[]): Promise<number> {
    const failed = this.failure('SCardGetStatusChange');
    if (failed !== undefined) return failed;
    const id = Number(context);
    if (!this.contexts.has(id)) return SCARD.E_INVALID_HANDLE;
    for (;;) {
      let anyChange = false;
      for (const state of states) {
        const reader = this.readers.find((r) => r.name === state.szReader);
        const now = this.stateOf(reader);
        const differs = (now & 0xffff) !== (state.dwCurrentState & 0xffff) || (state.dwCurrentState >>> 16 !== 0 && now >>> 16 !== state.dwCurrentState >>> 16);
        state.dwEventState = (now | (differs ? SCARD_STATE.CHANGED : 0)) >>> 0;
        const atr = reader?.card?.atr ?? new Uint8Array(0);
        state.cbAtr = atr.length;
        state.rgbAtr = Uint8Array.from({ length: this.maxAtrSize }, (_, i) => atr[i] ?? 0);
        anyChange ||= differs;
      }
      if (anyChange) return SCARD.S_SUCCESS;
      if (timeoutMs === 0) return SCARD.E_TIMEOUT;
      const rv = await new Promise<number | null>((resolve) => {
        const waiter = { context: id, wake: (code: number | null) => (this.waiters.delete(waiter), resolve(code)) };
        this.waiters.add(waiter);
      });
      if (rv !== null) return rv;
    }
  }

  async SCardCancel(context: PcscHandleValue): Promise<number> {
    for (const waiter of [...this.waiters]) if (waiter.context === Number(context)) waiter.wake(SCARD.E_CANCELLED);
    return SCARD.S_SUCCESS;
  }

  /** Ends every wait as the service stopping would (SCARD_E_NO_SERVICE) or with a timeout. */
  endWaits(rv: number): void {
    for (const waiter of [...this.waiters]) waiter.wake(rv);
  }

  async SCardConnect(
    context: PcscHandleValue,
    readerName: string,
    _share: number,
    protocols: number,
    card: [PcscHandleValue],
    active: [number],
  ): Promise<number> {
    const failed = this.failure('SCardConnect');
    if (failed !== undefined) return failed;
    if (!this.contexts.has(Number(context))) return SCARD.E_INVALID_HANDLE;
    const reader = this.readers.find((r) => r.name === readerName);
    if (!reader) return SCARD.E_UNKNOWN_READER;
    if (!reader.card) return SCARD.E_NO_SMARTCARD;
    if (reader.holder !== null) return SCARD.E_SHARING_VIOLATION;
    const handle = this.nextHandle++;
    reader.holder = handle;
    this.cards.set(handle, reader);
    card[0] = handle;
    active[0] = protocols & 2 ? 2 : 1;
    return SCARD.S_SUCCESS;
  }

  async SCardTransmit(card: PcscHandleValue, _protocol: number, command: Uint8Array, response: Uint8Array, length: [number]): Promise<number> {
    const failed = this.failure('SCardTransmit');
    if (failed !== undefined) return failed;
    const reader = this.cards.get(Number(card));
    if (!reader) return SCARD.E_INVALID_HANDLE;
    if (!reader.card || reader.holder !== Number(card)) return SCARD.W_REMOVED_CARD;
    this.commands.push(command.slice());
    const answer = reader.card.respond(command);
    if (answer.length > length[0]) return SCARD.E_INSUFFICIENT_BUFFER;
    response.set(answer);
    length[0] = answer.length;
    return SCARD.S_SUCCESS;
  }

  async SCardStatus(
    card: PcscHandleValue,
    readerName: Uint8Array,
    readerNameLength: [number],
    state: [number],
    protocol: [number],
    atr: Uint8Array,
    atrLength: [number],
  ): Promise<number> {
    const reader = this.cards.get(Number(card));
    if (!reader) return SCARD.E_INVALID_HANDLE;
    if (!reader.card || reader.holder !== Number(card)) return SCARD.W_REMOVED_CARD;
    const name = new TextEncoder().encode(`${reader.name}\0\0`);
    readerName.set(name.subarray(0, readerName.length));
    readerNameLength[0] = name.length;
    state[0] = 0x34;
    protocol[0] = 2;
    atr.set(reader.card.atr.subarray(0, atr.length));
    atrLength[0] = reader.card.atr.length;
    return SCARD.S_SUCCESS;
  }

  async SCardDisconnect(card: PcscHandleValue): Promise<number> {
    const reader = this.cards.get(Number(card));
    if (!reader) return SCARD.E_INVALID_HANDLE;
    this.cards.delete(Number(card));
    if (reader.holder === Number(card)) reader.holder = null;
    return SCARD.S_SUCCESS;
  }
}
