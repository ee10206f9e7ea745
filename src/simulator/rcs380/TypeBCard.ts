import { crcBHolds, withCrcB } from './crcB';
import { IsoDepCard } from './IsoDepCard';

/** What the emulated card says about itself. */
export interface TypeBCardProfile {
  /** ATQB Application Data (4 bytes). */
  readonly applicationData: readonly number[];
  /** FSC the card accepts: 16, 24, 32, 40, 48, 64, 96, 128 or 256. */
  readonly fsc: number;
  /** FWI (0..14). */
  readonly fwi: number;
  /** MBLI in the answer to ATTRIB (0 = not stated). */
  readonly mbli: number;
}

const FSC_BY_INDEX = [16, 24, 32, 40, 48, 64, 96, 128, 256];

/**
 * An ISO/IEC 14443-3 Type B card (§7: IDLE → READY on REQB/WUPB, ACTIVE on ATTRIB, HALT on HLTB
 * or S(DESELECT); WUPB also wakes a halted card) running ISO-DEP once active. Frames in and out
 * carry CRC_B; a frame whose CRC_B fails gets no answer, as a card ignores a damaged frame.
 */
export class TypeBCard {
  private state: 'idle' | 'ready' | 'active' | 'halt' = 'idle';
  private isoDep: IsoDepCard | null = null;
  private pupiBytes: number[] = [];

  constructor(
    private readonly profile: TypeBCardProfile,
    private readonly respond: (apdu: Uint8Array) => Uint8Array,
    private readonly onPowerLoss: () => void,
  ) {
    if (!FSC_BY_INDEX.includes(profile.fsc)) throw new RangeError(`FSC ${profile.fsc} is not a value FSCI can code`);
  }

  /** The PUPI this power-up chose (random, as §7.9.2 allows). */
  get pupi(): readonly number[] {
    return this.pupiBytes;
  }

  get protocol(): IsoDepCard | null {
    return this.isoDep;
  }

  /** The field came on: the card powers up in IDLE with a fresh PUPI. */
  powerUp(): void {
    this.state = 'idle';
    this.isoDep = null;
    this.pupiBytes = Array.from(crypto.getRandomValues(new Uint8Array(4)));
  }

  /** The field went off or the card left it: everything volatile is gone. */
  powerDown(): void {
    this.state = 'idle';
    this.isoDep = null;
    this.onPowerLoss();
  }

  /** One frame from the reader (with CRC_B); the card's frame (with CRC_B), or null for silence. */
  receive(frame: readonly number[]): number[] | null {
    if (!crcBHolds(frame)) return null;
    const body = frame.slice(0, -2);
    const answer = this.answer(body);
    return answer ? withCrcB(answer) : null;
  }

  private answer(body: number[]): number[] | null {
    const [first, second, third] = body;
    if (first === 0x05 && body.length === 3 && second !== undefined && third !== undefined) {
      const wakeUp = (third & 0x08) !== 0;
      const afiMatches = second === 0x00 || second === this.profile.applicationData[0];
      if (!afiMatches || this.state === 'active' || (this.state === 'halt' && !wakeUp)) return null;
      this.state = 'ready';
      return this.atqb();
    }
    if (first === 0x1d && body.length >= 9 && this.state === 'ready' && this.matchesPupi(body.slice(1, 5))) {
      const fsdi = body[6]! & 0x0f;
      this.isoDep = new IsoDepCard({ fsd: FSC_BY_INDEX[fsdi] ?? 256, fsc: this.profile.fsc, respond: this.respond });
      this.state = 'active';
      return [(this.profile.mbli << 4) | (body[8]! & 0x0f)];
    }
    if (first === 0x50 && body.length === 5 && this.state !== 'active' && this.matchesPupi(body.slice(1, 5))) {
      this.state = 'halt';
      return [0x00];
    }
    if (this.state !== 'active' || !this.isoDep) return null;
    const reply = this.isoDep.receive(body);
    if (this.isoDep.deselected) {
      this.state = 'halt';
      this.isoDep = null;
    }
    return reply;
  }

  /** ISO/IEC 14443-3 §7.9: 50, PUPI, Application Data, Protocol Info (rates, FSCI | type 1, FWI | FO=CID). */
  private atqb(): number[] {
    const fsci = FSC_BY_INDEX.indexOf(this.profile.fsc);
    return [0x50, ...this.pupiBytes, ...this.profile.applicationData, 0xb3, (fsci << 4) | 0x01, (this.profile.fwi << 4) | 0x01];
  }

  private matchesPupi(bytes: number[]): boolean {
    return bytes.every((b, i) => b === this.pupiBytes[i]);
  }
}
