/**
 * One transcript vector (house rule 7): a conversation with the card written by hand from the
 * card reference's canonical flows (§13) for one fictional holder, run both ways — the
 * simulator must answer every command byte for byte, the client must send exactly these
 * commands over `ReplayTransport` and decode `expected`.
 */
export interface TranscriptVector<Expected = unknown> {
  /** Unique within its file; the client test's driver for it has the same name. */
  readonly name: string;
  /** The card reference sections the exchange follows, e.g. `§13.3, §3`. */
  readonly specSection: string;
  /** Which fictional holder's card answers. */
  readonly holder: 'adult' | 'child';
  /** `=> command` / `<= response` lines (src/transport transcript format); `**` = a redacted byte. */
  readonly transcript: string;
  /** The values the client must decode, in the shape of its view models (or error codes). */
  readonly expected: Expected;
  /** The reader passes extended-length APDUs (docs/card-reference.md §3); short-only otherwise. */
  readonly extendedLength?: boolean;
  /**
   * What the user types, for the client side (PINs in clear: these are the fictional holder's
   * test credentials). Where the transcript redacts a VERIFY, the simulator side fills the
   * `**` bytes from `redacted`.
   */
  readonly input?: Readonly<Record<string, string>>;
  /** The ASCII behind each redacted run of `**`, in order, for the simulator side only. */
  readonly redacted?: readonly string[];
  /** The simulator's card variant the vector is written for (`SimulatedCardOptions`); the standard card otherwise. */
  readonly card?: { readonly refusesShortEfIds?: number };
}
