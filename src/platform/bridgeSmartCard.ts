/**
 * The Web Smart Card API's shape (`smartCardApi.ts`) over the MynaLens bridge: the same
 * `SmartCardResourceManagerLike` that `navigator.smartCard` is on ChromeOS, so
 * `WebSmartCardAccess` — reader list, connect, APDUs to the engine's `PortTransport` over a
 * MessagePort, the removal watch — runs unchanged on either. Every answer from the bridge is
 * checked (hex, sizes) before it is used.
 */

import type { BridgeLink } from './bridgeLink';
import { BRIDGE_MAX_RESPONSE_BYTES, bridgeHexToBytes, bytesToBridgeHex, cleanFlags, type BridgeProtocolName } from './bridgeProtocol';
import type {
  SmartCardConnectionLike,
  SmartCardContextLike,
  SmartCardReaderStateInLike,
  SmartCardReaderStateOutLike,
  SmartCardResourceManagerLike,
} from './smartCardApi';

const PROTOCOLS: readonly BridgeProtocolName[] = ['raw', 't0', 't1'];

/** An `ArrayBuffer` of exactly these bytes. */
function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

function toBytes(source: BufferSource): Uint8Array {
  return source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
}

class BridgeConnection implements SmartCardConnectionLike {
  constructor(
    private readonly link: BridgeLink,
    private readonly handle: number,
  ) {}

  async transmit(sendBuffer: BufferSource, options?: { protocol?: BridgeProtocolName }): Promise<ArrayBuffer> {
    const command = toBytes(sendBuffer);
    const answer = await this.link.request({ op: 'transmit', handle: this.handle, apdu: bytesToBridgeHex(command), ...(options?.protocol ? { protocol: options.protocol } : {}) });
    return buffer(bridgeHexToBytes(answer.response, BRIDGE_MAX_RESPONSE_BYTES, 'response'));
  }

  async status(): Promise<{ readerName: string; state: string; answerToReset?: ArrayBuffer }> {
    const answer = await this.link.request({ op: 'status', handle: this.handle });
    return {
      readerName: typeof answer.readerName === 'string' ? answer.readerName : '',
      state: typeof answer.state === 'string' ? answer.state : '',
      answerToReset: buffer(bridgeHexToBytes(answer.atr ?? '', 36, 'ATR')),
    };
  }

  async disconnect(disposition: 'leave' | 'reset' | 'unpower' | 'eject' = 'reset'): Promise<void> {
    await this.link.request({ op: 'disconnect', handle: this.handle, disposition });
  }
}

class BridgeContext implements SmartCardContextLike {
  constructor(private readonly link: BridgeLink) {}

  async listReaders(): Promise<string[]> {
    const answer = await this.link.request({ op: 'listReaders' });
    return Array.isArray(answer.readers) ? answer.readers.filter((r): r is string => typeof r === 'string').slice(0, 64) : [];
  }

  async getStatusChange(
    readerStates: SmartCardReaderStateInLike[],
    options: { timeout?: number; signal?: AbortSignal } = {},
  ): Promise<SmartCardReaderStateOutLike[]> {
    const { signal } = options;
    if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    const request = this.link.request({
      op: 'getStatusChange',
      readerStates: readerStates.map((s) => ({ readerName: s.readerName, currentState: cleanFlags(s.currentState), ...(s.currentCount !== undefined ? { currentCount: s.currentCount } : {}) })),
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    });
    // An abort asks the bridge to cancel the wait (SCardCancel); the wait then fails "cancelled".
    const onAbort = (): void => void this.link.request({ op: 'cancel' }).catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const answer = await request;
      const states = Array.isArray(answer.states) ? answer.states : [];
      return states.slice(0, readerStates.length).map((raw: unknown) => {
        const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
        return {
          readerName: typeof s.readerName === 'string' ? s.readerName : '',
          eventState: cleanFlags(s.eventState),
          eventCount: typeof s.eventCount === 'number' ? s.eventCount : 0,
          ...(typeof s.atr === 'string' ? { answerToReset: buffer(bridgeHexToBytes(s.atr, 36, 'ATR')) } : {}),
        };
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async connect(
    readerName: string,
    _accessMode: 'shared' | 'exclusive' | 'direct',
    options: { preferredProtocols?: BridgeProtocolName[] } = {},
  ): Promise<{ connection: SmartCardConnectionLike; activeProtocol?: BridgeProtocolName }> {
    // The bridge always connects exclusively: no other program may talk to the card meanwhile.
    const answer = await this.link.request({ op: 'connect', readerName, preferredProtocols: options.preferredProtocols ?? ['t1', 't0'] });
    if (typeof answer.handle !== 'number') throw Object.assign(new Error('the bridge gave no card handle'), { code: 'smartcard/failed' });
    const active = PROTOCOLS.find((p) => p === answer.activeProtocol);
    return { connection: new BridgeConnection(this.link, answer.handle), ...(active ? { activeProtocol: active } : {}) };
  }
}

/** `navigator.smartCard`'s shape over one signed-in bridge link. */
export class BridgeSmartCardManager implements SmartCardResourceManagerLike {
  constructor(private readonly link: BridgeLink) {}

  async establishContext(): Promise<SmartCardContextLike> {
    return new BridgeContext(this.link);
  }
}
