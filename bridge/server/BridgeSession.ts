/**
 * One signed-in page's use of PC/SC: the Web Smart Card operations, each checked field by field
 * before PC/SC sees it, each answered with the same `id`. Cards are connected exclusively and
 * known only by the small handle numbers this session gave out; when the page leaves, every
 * status wait is cancelled and every card reset (no PIN stays verified) and released.
 */

import {
  BRIDGE_MAX_APDU_BYTES,
  BRIDGE_MAX_READER_STATES,
  BridgeProtocolError,
  bridgeHexToBytes,
  bytesToBridgeHex,
  cleanFlags,
  type BridgeProtocolName,
  type BridgeResponse,
} from '../../src/platform/bridgeProtocol';
import { PcscError } from '../pcsc/pcscConstants';
import type { CardConnection, PcscClient } from '../pcsc/PcscClient';
import { describeExchange } from './apduLog';

/** At most this many cards connected at once by one page (MynaLens uses one). */
const MAX_CONNECTIONS = 4;
const PROTOCOLS: readonly BridgeProtocolName[] = ['raw', 't0', 't1'];
const DISPOSITIONS = ['leave', 'reset', 'unpower', 'eject'] as const;

type Message = Record<string, unknown> & { id: number };

function text(value: unknown, what: string, max = 512): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new BridgeProtocolError(`${what} must be a string of 1…${max} characters`);
  return value;
}

export class BridgeSession {
  private readonly cards = new Map<number, CardConnection>();
  private nextHandle = 1;
  private ended = false;

  constructor(
    private readonly pcsc: PcscClient,
    private readonly options: {
      /** The previous page's clean-up: nothing of this session runs before it is done. */
      readonly after?: Promise<void>;
      readonly logApdus: boolean;
      readonly log: (line: string) => void;
    },
  ) {}

  /** Answers one message; never throws (a failure is an `ok: false` answer). */
  async handle(message: Message): Promise<BridgeResponse> {
    try {
      await this.options.after;
      if (this.ended) throw new BridgeProtocolError('the session has ended');
      return await this.dispatch(message);
    } catch (error) {
      if (error instanceof PcscError) return { id: message.id, ok: false, error: { responseCode: error.responseCode, message: error.message } };
      if (error instanceof BridgeProtocolError) return { id: message.id, ok: false, error: { responseCode: error.responseCode, message: error.message } };
      return { id: message.id, ok: false, error: { responseCode: 'unknown-error', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  private card(handle: unknown): CardConnection {
    const card = typeof handle === 'number' ? this.cards.get(handle) : undefined;
    if (!card) throw new BridgeProtocolError('no such card handle in this session');
    return card;
  }

  private async dispatch(message: Message): Promise<BridgeResponse> {
    const { id } = message;
    switch (message.op) {
      case 'listReaders':
        return { id, ok: true, readers: await this.pcsc.listReaders() };
      case 'getStatusChange': {
        const states = message.readerStates;
        if (!Array.isArray(states) || states.length === 0 || states.length > BRIDGE_MAX_READER_STATES) {
          throw new BridgeProtocolError(`readerStates must list 1…${BRIDGE_MAX_READER_STATES} readers`);
        }
        const readers = states.map((s: unknown) => {
          const state = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
          const count = state.currentCount;
          return {
            readerName: text(state.readerName, 'readerName'),
            currentState: cleanFlags(state.currentState),
            ...(typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= 0xffff ? { currentCount: count } : {}),
          };
        });
        const timeout = message.timeout;
        if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0)) throw new BridgeProtocolError('timeout must be a number of milliseconds');
        const out = await this.pcsc.getStatusChange(readers, timeout);
        return {
          id,
          ok: true,
          states: out.map((s) => ({ readerName: s.readerName, eventState: s.eventState, eventCount: s.eventCount, ...(s.atr.length > 0 ? { atr: bytesToBridgeHex(s.atr) } : {}) })),
        };
      }
      case 'cancel':
        await this.pcsc.cancelWaits();
        return { id, ok: true };
      case 'connect': {
        const readerName = text(message.readerName, 'readerName');
        if (this.cards.size >= MAX_CONNECTIONS) throw new BridgeProtocolError(`at most ${MAX_CONNECTIONS} cards at once`);
        const preferred = Array.isArray(message.preferredProtocols) ? message.preferredProtocols.filter((p): p is BridgeProtocolName => PROTOCOLS.includes(p as BridgeProtocolName)) : [];
        const connection = await this.pcsc.connect(readerName, preferred);
        if (this.ended) {
          await this.pcsc.disconnect(connection, 'reset').catch(() => undefined);
          throw new BridgeProtocolError('the session has ended');
        }
        const handle = this.nextHandle++;
        this.cards.set(handle, connection);
        this.options.log(`connected to "${readerName}" (exclusive, ${connection.activeProtocol ?? 'unknown protocol'})`);
        return { id, ok: true, handle, activeProtocol: connection.activeProtocol };
      }
      case 'transmit': {
        const card = this.card(message.handle);
        const command = bridgeHexToBytes(message.apdu, BRIDGE_MAX_APDU_BYTES, 'apdu');
        if (command.length < 4) throw new BridgeProtocolError('an APDU has at least 4 bytes');
        let response: Uint8Array | null = null;
        try {
          response = await this.pcsc.transmit(card, command);
          return { id, ok: true, response: bytesToBridgeHex(response) };
        } finally {
          this.options.log(describeExchange(command, response, this.options.logApdus));
          command.fill(0); // the command may hold a PIN
        }
      }
      case 'status': {
        const status = await this.pcsc.status(this.card(message.handle));
        return { id, ok: true, readerName: status.readerName, state: `0x${status.state.toString(16)}`, atr: bytesToBridgeHex(status.atr) };
      }
      case 'disconnect': {
        const card = this.card(message.handle);
        const disposition = DISPOSITIONS.find((d) => d === message.disposition) ?? 'reset';
        this.cards.delete(message.handle as number);
        await this.pcsc.disconnect(card, disposition);
        return { id, ok: true };
      }
      default:
        throw new BridgeProtocolError(`unknown operation ${JSON.stringify(String(message.op)).slice(0, 40)}`);
    }
  }

  /** The page left: stop its waits, reset and release its cards. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.pcsc.cancelWaits().catch(() => undefined);
    const cards = [...this.cards.values()];
    this.cards.clear();
    await Promise.all(cards.map((card) => this.pcsc.disconnect(card, 'reset').catch(() => undefined)));
  }
}
