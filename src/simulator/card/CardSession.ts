import type { PinId } from './layout/pins';
import { PIN_IDS } from './layout/pins';
import type { AccessRule, CardEf, CardFileSystem, DedicatedFile, PinEf } from './layout/types';

/** Initial tries left per PIN (docs/card-reference.md §10), for card states the UI and tests need (1 try left, blocked). */
export type InitialTries = Partial<Readonly<Record<PinId, number>>>;

/**
 * The card's mutable state (docs/card-reference.md §5): what is selected, which keys are verified in the
 * current DF session, the PIN values and retry counters. Selection and security state are
 * volatile (lost on reset); values and counters are persistent (kept across reset, §5).
 */
export class CardSession {
  private df: DedicatedFile;
  private ef: CardEf | null = null;
  private readonly verifiedKeys = new Set<number>();
  private readonly pins: ReadonlyMap<PinId, PinEf>;
  private readonly tries = new Map<PinId, number>();
  private readonly values = new Map<PinId, Uint8Array | null>();
  /** Response data waiting for GET RESPONSE after a `61xx` (ISO 7816-4 §5.3.4, T=0 readers). */
  pendingResponse: Uint8Array | null = null;

  constructor(
    readonly fs: CardFileSystem,
    initialTries: InitialTries = {},
  ) {
    this.df = fs.isd;
    const pins = new Map<PinId, PinEf>();
    for (const df of fs.applications) {
      for (const ef of df.efs.values()) if (ef.kind === 'pin') pins.set(ef.pin, ef);
    }
    this.pins = pins;
    for (const id of PIN_IDS) {
      const ef = this.pinEf(id);
      const tries = initialTries[id] ?? ef.issuedTries;
      if (!Number.isInteger(tries) || tries < 0 || tries > ef.maxTries) {
        throw new RangeError(`initial tries for ${id} must be 0–${ef.maxTries}, got ${tries}`);
      }
      this.tries.set(id, tries);
      this.values.set(id, ef.issuedValue?.slice() ?? null);
    }
  }

  /** Power-on state (docs/card-reference.md §2 SELECT MF, §5): ISD current, nothing selected or verified. */
  powerOn(): void {
    this.selectDf(this.fs.isd);
    this.pendingResponse = null;
  }

  get currentDf(): DedicatedFile {
    return this.df;
  }

  get currentEf(): CardEf | null {
    return this.ef;
  }

  /** True while the ISD is the current DF: after reset or SELECT of its AID (docs/card-reference.md §9.4). */
  get atIsd(): boolean {
    return this.df === this.fs.isd;
  }

  /** Makes `df` current. ANY DF selection, even of the same DF, clears the security state (§5). */
  selectDf(df: DedicatedFile): void {
    this.df = df;
    this.ef = null;
    this.verifiedKeys.clear();
  }

  /** Makes `ef` (an EF of the current DF) the current EF. */
  selectEf(ef: CardEf): void {
    this.ef = ef;
  }

  /** The EF `fid` of the current DF, if any. */
  findEf(fid: number): CardEf | undefined {
    return this.df.efs.get(fid);
  }

  /** Whether the current DF session satisfies `rule` (docs/card-reference.md §5). */
  satisfies(rule: AccessRule): boolean {
    if (rule.kind === 'always') return true;
    if (rule.kind === 'never') return false;
    return rule.anyOf.some((key) => this.verifiedKeys.has(key));
  }

  /** Records a successful VERIFY of key EF `fid` in the current DF session. */
  markVerified(fid: number): void {
    this.verifiedKeys.add(fid);
  }

  /** Forgets a verification (a failed VERIFY of the same key, ISO 7816-4 §11.5.6). */
  clearVerified(fid: number): void {
    this.verifiedKeys.delete(fid);
  }

  isVerified(fid: number): boolean {
    return this.verifiedKeys.has(fid);
  }

  /** The key EF holding PIN `id`. */
  pinEf(id: PinId): PinEf {
    const ef = this.pins.get(id);
    if (!ef) throw new Error(`no key EF for ${id}`);
    return ef;
  }

  triesLeft(id: PinId): number {
    return this.tries.get(id) ?? 0;
  }

  setTriesLeft(id: PinId, tries: number): void {
    this.tries.set(id, tries);
  }

  /** The PIN's current value, or `null` when none was ever set. */
  pinValue(id: PinId): Uint8Array | null {
    return this.values.get(id) ?? null;
  }

  setPinValue(id: PinId, value: Uint8Array): void {
    this.values.set(id, value.slice());
  }
}
