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
  /**
   * ATQB Protocol Info as the card sends it (3 bytes), when a personality fixes it (e.g. `B3 81 D1`,
   * FWI 13). Default: B3 (212/424 kbit/s both ways, same rate required), FSCI | type 1, FWI | CID.
   */
  readonly protocolInfo?: readonly number[];
  /** Rates above this (kbit/s) the card accepts in ATTRIB but cannot keep up on the air (weak coupling). Default: none. */
  readonly workingRateLimitKbps?: number;
}

/** The rates in force on the card's side of the link (ISO/IEC 14443-3 §7.10.4). */
export interface CardLinkRates {
  readonly toCard: number;
  readonly toReader: number;
}

const RATE_BY_CODE = [106, 212, 424, 847];
const AT_106: CardLinkRates = { toCard: 106, toReader: 106 };

const FSC_BY_INDEX = [16, 24, 32, 40, 48, 64, 96, 128, 256];

/** What an emulator's options may say about its card (the personality the lead wires in). */
export interface TypeBCardOptions {
  /** The card's FSC: 16, 24, 32, 40, 48, 64, 96, 128 or 256. Default 256. Ignored when `protocolInfo` is given. */
  readonly fsc?: number;
  /** The card's FWI; default 10 (≈ 309 ms), read from real My Number Card ATRs (`… B3 81 A1 …`). Ignored when `protocolInfo` is given. */
  readonly fwi?: number;
  /** MBLI in the answer to ATTRIB; default 0, as in those ATRs. */
  readonly mbli?: number;
  /** ATQB Application Data; default 00 00 05 E0 (pcsc-tools smartcard_list.txt, a My Number Card). */
  readonly applicationData?: readonly number[];
  /**
   * ATQB Protocol Info, 3 bytes, as a real card sends it; FSC and FWI are read from it. E.g.
   * `B3 81 D1` with application data `00 4B 51 FF` (smartcard_list.txt): FWI 13, FWT ≈ 2.5 s.
   */
  readonly protocolInfo?: readonly number[];
  /** The card accepts higher rates in ATTRIB but is not heard above this (kbit/s): the fallback to 106. */
  readonly workingRateLimitKbps?: number;
}

/** The card profile from emulator options: Protocol Info, when given, decides FSC and FWI (§7.9.4.2, §7.9.4.3). */
export function typeBCardProfile(options: TypeBCardOptions): TypeBCardProfile {
  const info = options.protocolInfo;
  if (info && info.length !== 3) throw new RangeError('ATQB Protocol Info is 3 bytes here');
  return {
    applicationData: options.applicationData ?? [0x00, 0x00, 0x05, 0xe0],
    fsc: info ? (FSC_BY_INDEX[info[1]! >> 4] ?? 256) : (options.fsc ?? 256),
    fwi: info ? info[2]! >> 4 : (options.fwi ?? 10),
    mbli: options.mbli ?? 0,
    ...(info ? { protocolInfo: info } : {}),
    ...(options.workingRateLimitKbps !== undefined ? { workingRateLimitKbps: options.workingRateLimitKbps } : {}),
  };
}

/**
 * An ISO/IEC 14443-3 Type B card (§7: IDLE → READY on REQB/WUPB, ACTIVE on ATTRIB, HALT on HLTB
 * or S(DESELECT); WUPB also wakes a halted card) running ISO-DEP once active. Frames in and out
 * carry CRC_B; a frame whose CRC_B fails gets no answer, as a card ignores a damaged frame.
 */
export class TypeBCard {
  private state: 'idle' | 'ready' | 'active' | 'halt' = 'idle';
  private isoDep: IsoDepCard | null = null;
  private pupiBytes: number[] = [];
  private linkRates: CardLinkRates = AT_106;

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

  /** The rates the card listens and answers at now: 106 until an ATTRIB sets others, again after power-up or HALT. */
  get rates(): CardLinkRates {
    return this.linkRates;
  }

  /** Whether the card keeps up at `kbps` (a card may offer rates in ATQB that its antenna cannot hold). */
  worksAt(kbps: number): boolean {
    return kbps <= 106 || kbps <= (this.profile.workingRateLimitKbps ?? Infinity);
  }

  /** The field came on: the card powers up in IDLE with a fresh PUPI. */
  powerUp(): void {
    this.state = 'idle';
    this.isoDep = null;
    this.linkRates = AT_106;
    this.pupiBytes = Array.from(crypto.getRandomValues(new Uint8Array(4)));
  }

  /** The field went off or the card left it: everything volatile is gone. */
  powerDown(): void {
    this.state = 'idle';
    this.isoDep = null;
    this.linkRates = AT_106;
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
      const param2 = body[6]!;
      const rates = { toReader: RATE_BY_CODE[param2 >> 6]!, toCard: RATE_BY_CODE[(param2 >> 4) & 0x03]! };
      // §7.10.4: a rate the card did not offer in ATQB is not taken; the card stays silent.
      if (!this.offers(rates)) return null;
      this.isoDep = new IsoDepCard({ fsd: FSC_BY_INDEX[param2 & 0x0f] ?? 256, fsc: this.profile.fsc, respond: this.respond });
      this.state = 'active';
      // The answer goes out at the old rate (the reader reads `rates` before handing a frame over); the new rates hold from the next frame on.
      this.linkRates = rates;
      return [(this.profile.mbli << 4) | (body[8]! & 0x0f)];
    }
    if (first === 0x50 && body.length === 5 && this.state !== 'active' && this.matchesPupi(body.slice(1, 5))) {
      this.state = 'halt';
      this.linkRates = AT_106;
      return [0x00];
    }
    if (this.state !== 'active' || !this.isoDep) return null;
    const reply = this.isoDep.receive(body);
    if (this.isoDep.deselected) {
      this.state = 'halt';
      this.isoDep = null;
      this.linkRates = AT_106;
    }
    return reply;
  }

  /** ISO/IEC 14443-3 §7.9: 50, PUPI, Application Data, Protocol Info (rates, FSCI | type 1, FWI | FO=CID). */
  private atqb(): number[] {
    return [0x50, ...this.pupiBytes, ...this.profile.applicationData, ...this.protocolInfo()];
  }

  private protocolInfo(): readonly number[] {
    const fsci = FSC_BY_INDEX.indexOf(this.profile.fsc);
    return this.profile.protocolInfo ?? [0xb3, (fsci << 4) | 0x01, (this.profile.fwi << 4) | 0x01];
  }

  /** §7.9.4.1: 106 always; others as Bit_Rate_capability lists them (b7..b5 card → reader, b3..b1 reader → card). */
  private offers(rates: CardLinkRates): boolean {
    const capability = this.protocolInfo()[0]!;
    const bit: Readonly<Record<number, number>> = { 212: 0x01, 424: 0x02, 847: 0x04 };
    const offered = (rate: number, shift: number) => rate === 106 || ((capability >> shift) & (bit[rate] ?? 0)) !== 0;
    if ((capability & 0x80) !== 0 && rates.toCard !== rates.toReader) return false;
    return offered(rates.toReader, 4) && offered(rates.toCard, 0);
  }

  private matchesPupi(bytes: number[]): boolean {
    return bytes.every((b, i) => b === this.pupiBytes[i]);
  }
}
