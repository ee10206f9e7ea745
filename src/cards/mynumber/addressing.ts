import { SW, type CommandApdu } from '../../apdu';
import { toHex } from '../../bytes';

/**
 * How the client names a card's EFs (docs/card-reference.md §2, §3): `short-ef-id` sends READ BINARY
 * `00 B0 80|SFI` and VERIFY `00 20 00 80|SFI` without a SELECT EF first — both forms the
 * reference marks [multi], seen with real cards by readers in use; `select` sends SELECT EF
 * `00 A4 02 0C`, then the command on the current EF (`00 B0 <offset>`, `00 20 00 80`).
 */
export type AddressingMode = 'short-ef-id' | 'select';

/** The one time a card answered a short-EF-ID form unexpectedly and the client fell back (docs/card-reference.md §3). */
export interface AddressingFallback {
  /** The command header the card refused, `00 B0 8A 00` — never a PIN. */
  readonly command: string;
  /** Its status word, `6A86`. */
  readonly sw: string;
}

/** Plain data: which form a session used, and why it fell back if it did (for the reader report). */
export interface AddressingView {
  readonly mode: AddressingMode;
  readonly fallback: AddressingFallback | null;
}

/**
 * Answers that say "this card does not take the short-EF-ID form" rather than anything about
 * the file (docs/card-reference.md §4): wrong P1-P2, function or instruction not supported, no
 * current EF (the SFI was ignored), and an offset past the end (P1 read as the offset's high byte).
 */
const REFUSES_FORM: ReadonlySet<number> = new Set([SW.INCORRECT_P1P2, SW.FUNCTION_NOT_SUPPORTED, SW.INS_NOT_SUPPORTED, SW.NO_CURRENT_EF, SW.WRONG_P1P2_OFFSET]);

/**
 * The command forms one card takes, shared by every applet client of one connection: it starts
 * with the short-EF-ID forms (the fewest APDUs, §3) and falls back to SELECT-then-command for
 * the rest of the connection the first time the card refuses one — once, remembering why.
 */
export class FileAddressing {
  private current: AddressingMode;
  private why: AddressingFallback | null = null;

  constructor(mode: AddressingMode = 'short-ef-id') {
    this.current = mode;
  }

  /** SELECT-then-command from the start: for paths recorded that way (old transcripts, docs/card-reference.md §13). */
  static selectThenCommand(): FileAddressing {
    return new FileAddressing('select');
  }

  get mode(): AddressingMode {
    return this.current;
  }

  /** Whether `sw`, answered to a short-EF-ID form, says the card does not take that form. */
  refusesForm(sw: number): boolean {
    return this.current === 'short-ef-id' && REFUSES_FORM.has(sw);
  }

  /** Switches to SELECT-then-command for the rest of the connection, noting the command header and answer. */
  fallBack(command: CommandApdu, sw: number): void {
    if (this.current === 'select') return;
    this.current = 'select';
    this.why = { command: toHex(Uint8Array.of(command.cla, command.ins, command.p1, command.p2)), sw: sw.toString(16).toUpperCase().padStart(4, '0') };
  }

  /** Plain data for the engine's results. */
  view(): AddressingView {
    return { mode: this.current, fallback: this.why };
  }
}
