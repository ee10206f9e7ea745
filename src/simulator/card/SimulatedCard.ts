import { SW, encodeResponse } from '../../apdu';
import type { Personalisation } from '../personalisation/Personalisation';
import { CardSession, type InitialTries } from './CardSession';
import { dispatch } from './commands/dispatch';
import { platformRandom, type RandomSource } from './crypto/signatureSchemes';
import { buildCardFileSystem } from './layout/buildCardFileSystem';
import type { PinId } from './layout/pins';
import type { DedicatedFile } from './layout/types';

/** The contact ATR `3B E0 00 FF 81 31 FE 45 14`: T=1 only, no historical bytes (docs/card-reference.md §1). */
export const CONTACT_ATR: Uint8Array = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);

/** Card states a simulated card can start in (docs/card-reference.md §5, §10). */
export interface SimulatedCardOptions {
  /**
   * Tries left per PIN when the card is created, e.g. `{ jpkiAuth: 1 }` or `{ jpkiSign: 0 }`
   * (blocked). Default: the maximum (0 for keys blocked from issuance). Out of range → RangeError.
   */
  readonly triesLeft?: InitialTries;
  /** Random bytes for GET CHALLENGE and PSS salts; the platform CSPRNG by default. */
  readonly random?: RandomSource;
  /**
   * The ATR the card's reader reports (a card personality's, cardPersonalities.ts); default
   * `CONTACT_ATR`. It changes nothing the applets answer (docs/card-reference.md §1).
   */
  readonly atr?: Uint8Array;
  /**
   * A card variant that does not take the short-EF-ID forms (docs/card-reference.md §2, §3):
   * every READ BINARY with `P1 = 80|SFI` and every VERIFY with `P2 = 80|SFI` is answered with
   * this status word (`6A86`, say) and changes nothing. Unset: the forms work as the reference
   * says real cards take them.
   */
  readonly refusesShortEfIds?: number;
}

/**
 * A faithful virtual My Number Card (docs/card-reference.md §1–§10, §14): five applications and the ISD,
 * every EF with its access rule, PIN counters, and real RSA-2048 signatures. `respond` answers
 * one command APDU synchronously and never throws: whatever bytes arrive get the status word a
 * card gives.
 */
export class SimulatedCard {
  /** The ATR its reader reports (docs/card-reference.md §1): `CONTACT_ATR` unless a personality gives another. */
  readonly atr: Uint8Array;
  private readonly session: CardSession;
  private readonly random: RandomSource;
  private readonly refusesShortEfIds: number | null;

  constructor(personalisation: Personalisation, options: SimulatedCardOptions = {}) {
    this.session = new CardSession(buildCardFileSystem(personalisation), options.triesLeft);
    this.random = options.random ?? platformRandom;
    this.atr = (options.atr ?? CONTACT_ATR).slice();
    this.refusesShortEfIds = options.refusesShortEfIds ?? null;
  }

  /** Answers one command APDU with response data and SW1 SW2 (ISO 7816-4 §5.1). */
  respond(command: Uint8Array): Uint8Array {
    if (this.refusesShortEfIds !== null && namesShortEfId(command)) return encodeResponse(new Uint8Array(0), this.refusesShortEfIds);
    try {
      return dispatch(command, this.session, this.random);
    } catch {
      // Unreachable by design (every command module answers with a status word), but a card
      // that fails inside says 6F00 rather than going silent (docs/card-reference.md §4).
      return encodeResponse(new Uint8Array(0), SW.NO_PRECISE_DIAGNOSIS);
    }
  }

  /**
   * Power cycle (docs/card-reference.md §2, §5): back to the ISD as after power-on, security state and
   * selection cleared; PIN values and retry counters kept.
   */
  reset(): void {
    this.session.powerOn();
  }

  /** Tries left on a PIN, as a VERIFY status query would report (docs/card-reference.md §2). */
  triesLeft(pin: PinId): number {
    return this.session.triesLeft(pin);
  }

  /** The maximum tries of a PIN (docs/card-reference.md §10). */
  maxTries(pin: PinId): number {
    return this.session.pinEf(pin).maxTries;
  }

  /** The current DF's id (`isd`, `jpki`, `text`, `visual`, `common`, `juki`), for tests and the UI. */
  get currentApplication(): DedicatedFile['id'] {
    return this.session.currentDf.id;
  }
}

/** READ BINARY `00 B0 80|SFI` or VERIFY `00 20 00 80|SFI` (docs/card-reference.md §2): the forms a `refusesShortEfIds` card refuses. */
function namesShortEfId(command: Uint8Array): boolean {
  if (command.length < 4 || (command[0]! & 0x80) !== 0) return false;
  const [, ins, p1, p2] = command;
  if (ins === 0xb0) return (p1! & 0x80) !== 0;
  return ins === 0x20 && p2 !== 0x80 && (p2! & 0x80) !== 0;
}
