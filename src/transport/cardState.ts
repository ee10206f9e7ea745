import { hex16, toHex } from '../bytes';
import { hasDataField, hidesBody } from './transcript';

/**
 * Where a command finds the card — what decides the card's answer besides the command itself
 * (docs/card-reference.md §5): the current DF (the applet last selected by name; `reset` before
 * any), the current EF, the key EFs verified inside that DF, and, per key EF, how many VERIFYs
 * with a PIN it was sent and what the last one answered (its counter).
 */
export type CommandContext =
  /** SELECT by name: its answer does not depend on where the card was. */
  | { readonly kind: 'select-df' }
  /** SELECT EF: its answer depends on the DF only, not on the EF before or the keys verified. */
  | { readonly kind: 'select-ef'; readonly df: string }
  /** The n-th (0-based) VERIFY with a PIN sent to one key EF. */
  | { readonly kind: 'verify'; readonly df: string; readonly key: string; readonly attempt: number }
  /** A VERIFY with no data (tries left): the key's counter as its last VERIFY left it, and whether it is verified now. */
  | { readonly kind: 'tries'; readonly df: string; readonly key: string; readonly counter: string; readonly verified: boolean }
  /** Anything else: the DF, the EF it addresses (the current one, or the one its SFI names) and the keys verified in the DF. */
  | { readonly kind: 'file'; readonly df: string; readonly ef: string | null; readonly verified: readonly string[] };

/** The counter of a key EF before any VERIFY with a PIN was sent to it in this session. */
const COUNTER_UNTOUCHED = 'untouched';

const SW_OK = 0x9000;

/**
 * The selection and security state of an ISO 7816-4 card as its commands and answers move it
 * (docs/card-reference.md §2, §5): SELECT by name enters a DF and forgets every verification; SELECT
 * EF, and READ BINARY / READ RECORD by SFI, change the current EF; a VERIFY with a PIN marks its
 * key verified (9000) or not (anything else) and sets its counter. A failed SELECT moves nothing.
 * It knows ISO, not the My Number Card: which file a PIN opens is learnt from the recorded answers.
 */
export class CardState {
  private df = 'reset';
  private ef: string | null = null;
  private readonly verified = new Set<string>();
  private readonly counters = new Map<string, string>();
  private readonly attempts = new Map<string, number>();

  /** The DF last selected by name, as hex without spaces (`D392F000260100000001`); `reset` before any. */
  get currentDf(): string {
    return this.df;
  }

  /** The key EFs verified inside the current DF (`0018`), sorted. */
  get verifiedKeys(): readonly string[] {
    return [...this.verified].sort();
  }

  /** The context a command meets now. */
  contextOf(command: Uint8Array | readonly (number | null)[]): CommandContext {
    const { ins, p1, p2 } = headerOf(command);
    if (ins === 0xa4 && p1 === 0x04) return { kind: 'select-df' };
    if (ins === 0xa4 && p1 === 0x02) return { kind: 'select-ef', df: this.df };
    if (ins === 0x20) {
      const key = this.keyOf(p2);
      const slot = `${this.df}/${key}`;
      if (carriesData(command)) return { kind: 'verify', df: this.df, key, attempt: this.attempts.get(slot) ?? 0 };
      return { kind: 'tries', df: this.df, key, counter: this.counters.get(slot) ?? COUNTER_UNTOUCHED, verified: this.verified.has(key) };
    }
    return { kind: 'file', df: this.df, ef: addressedFile(ins, p1, p2) ?? this.ef, verified: [...this.verified].sort() };
  }

  /** Moves the state as a card does after answering `command` with status word `sw`. */
  advance(command: Uint8Array | readonly (number | null)[], sw: number): void {
    const { ins, p1, p2 } = headerOf(command);
    const ok = sw === SW_OK;
    if (ins === 0xa4) {
      if (!ok) return;
      if (p1 === 0x04) {
        this.df = bytesHex(command.slice(5, 5 + (command[4] ?? 0)));
        this.ef = null;
        this.verified.clear();
      } else if (p1 === 0x02) {
        this.ef = bytesHex(command.slice(5, 5 + (command[4] ?? 0)));
      }
      return;
    }
    const addressed = addressedFile(ins, p1, p2);
    if (addressed && ok) this.ef = addressed;
    if (ins === 0x20 && carriesData(command)) {
      const key = this.keyOf(p2);
      const slot = `${this.df}/${key}`;
      this.attempts.set(slot, (this.attempts.get(slot) ?? 0) + 1);
      this.counters.set(slot, hex16(sw));
      if (ok) this.verified.add(key);
      else this.verified.delete(key);
    }
  }

  /** The key EF a VERIFY's P2 names: `80` the current EF, `80|SFI` that EF, anything else as written. */
  private keyOf(p2: number): string {
    if (p2 === 0x80) return this.ef ?? 'none';
    if ((p2 & 0x80) !== 0) return sfiFile(p2 & 0x1f);
    return `P2 ${hex16(p2).slice(2)}`;
  }
}

function headerOf(command: Uint8Array | readonly (number | null)[]): { ins: number; p1: number; p2: number } {
  return { ins: command[1] ?? 0, p1: command[2] ?? 0, p2: command[3] ?? 0 };
}

/** One key for a context, equal for equal contexts. */
export function contextKey(context: CommandContext): string {
  return JSON.stringify(context);
}

/** True for a command with a data field, also when the body is hidden (`** PIN hidden **`). */
function carriesData(command: Uint8Array | readonly (number | null)[]): boolean {
  if (!(command instanceof Uint8Array) && hidesBody(command)) return true;
  if (command.some((b) => b === null)) return command.length > 5;
  return hasDataField(command instanceof Uint8Array ? command : Uint8Array.from(command as number[]));
}

/** The EF a READ BINARY (P1 = `80|SFI`) or READ RECORD (P2 = `SFI << 3 | …`) names by SFI, which becomes current (§2). */
function addressedFile(ins: number, p1: number, p2: number): string | null {
  if (ins === 0xb0 && (p1 & 0x80) !== 0) return sfiFile(p1 & 0x1f);
  if (ins === 0xb2 && p2 >> 3 !== 0) return sfiFile(p2 >> 3);
  return null;
}

function sfiFile(sfi: number): string {
  return hex16(sfi);
}

function bytesHex(bytes: Uint8Array | readonly (number | null)[]): string {
  return toHex(Uint8Array.from(bytes, (b) => b ?? 0)).replace(/ /g, '');
}
