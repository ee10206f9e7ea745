import type { TransportErrorCode } from './TransportError';

/**
 * The messages between a card held on the main thread (the Web Smart Card API is Window-only,
 * docs/browser-platform.md §1.3) and the engine's `PortTransport` in the worker, over one
 * MessagePort. Plain data; APDU bytes travel as Uint8Array.
 */
export type BridgeRequest =
  | { readonly kind: 'transmit'; readonly id: number; readonly command: Uint8Array }
  | { readonly kind: 'close' };

export type BridgeReply =
  | { readonly kind: 'response'; readonly id: number; readonly response: Uint8Array }
  | { readonly kind: 'failure'; readonly id: number; readonly code: TransportErrorCode; readonly message: string }
  /** The card or reader went away without being asked. */
  | { readonly kind: 'gone'; readonly code: TransportErrorCode; readonly message: string };

/** What both ends need of a MessagePort (a real one, or a test double). */
export interface BridgePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
  close?(): void;
}
