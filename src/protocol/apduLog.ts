/** The APDU log as it crosses the worker boundary (house rule 9: plain data only, PIN bytes already `**`). */

import type { ErrorCode } from './errorCodes';

/**
 * Bytes `start` (inclusive) to `end` (exclusive) of a byte string that carry the My Number or a
 * value computed from it (docs/card-reference.md §17): the UI shows them as `••` until Reveal.
 */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

/** A command's name in parts the UI says in its language (cards/mynumber/describeCommand.ts, docs/card-reference.md §2). */
export interface CommandNameView {
  /** The ISO 7816-4 instruction, a technical token: "SELECT", "READ BINARY", … */
  readonly instruction: string;
  /** The applet a SELECT by AID addresses. */
  readonly applet?: 'jpki' | 'text' | 'visual' | 'common' | 'juki' | 'issuerSecurityDomain' | 'unknown';
  /** Technical rest: "EF 000A", "@0100", "SFI 01 @0". */
  readonly detail?: string;
  /** A bare VERIFY that only asked for tries left. */
  readonly asksTries?: boolean;
}

/** One row of the APDU log as the UI shows it; PIN bytes are already `**`. */
export interface ApduLogRow {
  readonly seq: number;
  /** "SELECT JPKI AP", "READ BINARY @0000", … in English, for text outside the UI (the bridge, tests). */
  readonly name: string;
  /** The same name in parts, for the UI to say in the chosen language. */
  readonly nameParts: CommandNameView;
  /** Command hex, redacted bytes as `**`. */
  readonly command: string;
  /** Response data hex (without the status word); empty when none. */
  readonly responseData: string;
  /** Bytes of `responseData` that carry the My Number (a READ of text 0001/0003, visual 0005); absent when none. */
  readonly myNumberSpans?: readonly ByteSpan[];
  /** Status word as 4 hex digits, or null when the exchange failed. What it means is the UI's to say, in the chosen language (ui/model/statusWordText.ts). */
  readonly sw: string | null;
  readonly sensitive: boolean;
  readonly elapsedMs: number;
  readonly errorCode?: ErrorCode;
}
