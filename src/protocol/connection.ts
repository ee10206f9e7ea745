/**
 * What the engine is connected to and how it got there (house rule 9: plain data only): the
 * simulator's choices, a connection, the EF command forms it uses, the card check, transcripts.
 */

import type { PinKey } from './pins';

/** Which simulated holder's card to present. */
export type SimulatorHolderId = 'adult' | 'child';

/**
 * Which card the simulator presents (simulator/cardPersonalities.ts, issue 15 §1): the My Number
 * Card ATRs and ATQBs of pcsc-tools' smartcard_list.txt. The same applets answer behind each; only
 * the ATR the reader reports differs. A worker test checks this list equals the simulator's.
 */
export type SimulatorPersonalityId =
  | 'my-number'
  | 'my-number-c5'
  | 'my-number-ta1-13'
  | 'my-number-specific'
  | 'contactless-05e0'
  | 'contactless-41e0'
  | 'contactless-fwi13';

/** What the engine is connected to. */
export interface ConnectionInfo {
  readonly kind: string;
  /** The ATR as hex. */
  readonly atr: string;
  readonly extendedLength: boolean;
  /** The USB reader in use, when the card is in a real (or emulated) reader. */
  readonly reader?: { readonly id: string; readonly name: string };
  /** The file a replayed transcript came from: the connection is a replay, not a card. */
  readonly transcript?: { readonly fileName: string };
}

/**
 * The command forms a connection names the card's EFs with (docs/card-reference.md §3):
 * `short-ef-id` (READ BINARY `P1 = 80|SFI`, VERIFY `P2 = 80|SFI`, no SELECT EF) or `select`
 * (SELECT EF, then the command). `fallback` is set when this card refused a short-EF-ID form
 * and the session went on with SELECT-then-command: the command header (never a PIN) and the
 * status word — a fact about the card for the reader report. Always set by the engine on
 * `scan` and `verifyPin` results (optional only so older test doubles still type-check).
 */
export interface AddressingView {
  readonly mode: 'short-ef-id' | 'select';
  readonly fallback: { readonly command: string; readonly sw: string } | null;
}

/** Simulator card states a person can pick on the start screen (tries left per PIN). */
export type SimulatorCardState = Readonly<Partial<Record<PinKey, number>>>;

/** Result of the card check (docs/card-reference.md §13.1). */
export interface CardIdentity {
  readonly tokenLabel: string;
  readonly isMyNumberCard: boolean;
  /** The card's ATR is one the public lists name for a My Number Card (usb/knownAtrs.ts, docs/card-reference.md §1); an unknown one refuses nothing. */
  readonly atrKnown: boolean;
}

/** What an export holds: `full` replays every step; `redacted` withholds every answer a PIN guarded. */
export type TranscriptKind = 'full' | 'redacted';

/** A transcript to open: the file the person chose (with its name, for messages), or text already in hand. */
export interface TranscriptSource {
  readonly file?: Blob;
  readonly text?: string;
  readonly fileName?: string;
}
