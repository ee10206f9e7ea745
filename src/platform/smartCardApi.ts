/**
 * The Web Smart Card API as MynaLens uses it (WICG web-smart-card, `SmartCardContext`,
 * `SmartCardConnection`; Chrome: IDL in third_party/blink/renderer/modules/smart_card), written
 * structurally so a fake fits in tests. Window-only, IWA-only ([IsolatedContext]), shipped on
 * ChromeOS from Chrome 143 (docs/browser-platform.md §1.3).
 */
export interface SmartCardReaderStateFlagsLike {
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

export interface SmartCardReaderStateInLike {
  readerName: string;
  currentState: SmartCardReaderStateFlagsLike;
  currentCount?: number;
}

export interface SmartCardReaderStateOutLike {
  readerName: string;
  eventState: SmartCardReaderStateFlagsLike;
  eventCount: number;
  answerToReset?: ArrayBuffer;
}

export type SmartCardProtocolLike = 'raw' | 't0' | 't1';

export interface SmartCardConnectionLike {
  transmit(sendBuffer: BufferSource, options?: { protocol?: SmartCardProtocolLike }): Promise<ArrayBuffer>;
  status(): Promise<{ readerName: string; state: string; answerToReset?: ArrayBuffer }>;
  disconnect(disposition?: 'leave' | 'reset' | 'unpower' | 'eject'): Promise<void>;
}

export interface SmartCardContextLike {
  listReaders(): Promise<string[]>;
  getStatusChange(
    readerStates: SmartCardReaderStateInLike[],
    options?: { timeout?: number; signal?: AbortSignal },
  ): Promise<SmartCardReaderStateOutLike[]>;
  connect(
    readerName: string,
    accessMode: 'shared' | 'exclusive' | 'direct',
    options?: { preferredProtocols?: SmartCardProtocolLike[] },
  ): Promise<{ connection: SmartCardConnectionLike; activeProtocol?: SmartCardProtocolLike }>;
}

export interface SmartCardResourceManagerLike {
  establishContext(): Promise<SmartCardContextLike>;
}

/** `navigator.smartCard`, where it exists. */
export function smartCardManager(): SmartCardResourceManagerLike | null {
  return (globalThis.navigator as Navigator & { smartCard?: SmartCardResourceManagerLike } | undefined)?.smartCard ?? null;
}
