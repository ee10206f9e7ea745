import { crcBHolds, withCrcB } from './crcB';
import type { FakeRcs380Fault } from './faults';
import type { TypeBCard } from './TypeBCard';
import { TypeBAirLedger } from './TypeBAirLedger';

/** Status words of InCommRF (nfcpy rcs380.py `CommunicationError`; port100.c `PORT100_CMD_STATUS_TIMEOUT`). */
const RECEIVE_TIMEOUT = 0x80;
const CRC_ERROR = 0x04;
/** Set-up status bytes (nfcpy `StatusError`): 0 success, 1 parameter error, 7 command-type error. */
const SUCCESS = 0x00;
const PARAMETER_ERROR = 0x01;
const COMMAND_TYPE_ERROR = 0x07;

/** The chip's answer to one command: its response body, or nothing at all (a lost reply). */
/** The chip's reply; `afterMs`: how long the RF exchange took before it (a slow card, or the timeout running out). */
export type ChipReply = { readonly body: number[]; readonly afterMs?: number } | { readonly silent: true };

/** What the chip model needs from the device around it. */
export interface ChipSurroundings {
  readonly card: TypeBCard;
  readonly cardInField: () => boolean;
  /** Removes and returns the first queued fault of this kind. */
  readonly take: <K extends FakeRcs380Fault['kind']>(kind: K) => Extract<FakeRcs380Fault, { kind: K }> | null;
  readonly removeCard: () => void;
  readonly unplug: () => void;
}

/**
 * The NFC Port-100 chip as far as a Type B reader uses it, from what nfcpy rcs380.py and Linux
 * drivers/nfc/port100.c send and expect: SetCommandType, GetCommandType, GetFirmwareVersion,
 * GetPDDataVersion (nfcpy's start-up asks for it), SwitchRF, InSetRF, InSetProtocol (settings 01 add CRC / 02 check CRC honoured), InCommRF with
 * a 32-bit status and a collision byte before the card's bytes. Only InSetRF's Type B settings
 * (106/212/424 kbit/s) reach the Type B card, and only at the rates it is listening and answering
 * at; anything else meets silence. Every exchange is timed on the link-time model (`air`).
 */
export class Port100ChipModel {
  /** Every command code received, in order (for tests). */
  readonly commands: number[] = [];
  /** Every frame sent over the field (CRC_B excluded), in order (for tests and the bench). */
  readonly rfFrames: number[][] = [];
  /** The link-time model's account (typeBAirTime.ts): microseconds on the air and bytes both ways, CRC_B included, and where the time went. */
  readonly air = new TypeBAirLedger();
  private commandType = 0;
  private fieldOn = false;
  private typeB = false;
  /** Type B rates set by InSetRF (kbit/s): sending to the card, receiving from it. */
  private sendRate = 106;
  private receiveRate = 106;
  private readonly protocol = new Map<number, number>([
    [0x01, 1],
    [0x02, 1],
  ]);

  constructor(
    private readonly around: ChipSurroundings,
    private readonly firmware: readonly [minor: number, major: number],
    /** GetPDDataVersion's two bytes, minor then major as nfcpy reads them; a value for tests, not a claim about shipped chips. */
    private readonly pdDataVersion: readonly [minor: number, major: number] = [0x00, 0x01],
  ) {}

  /** The field is on and reaches a card that has been powered by it. */
  get powering(): boolean {
    return this.fieldOn;
  }

  /** A response body D7 <code+1> …, or silence. */
  handle(body: readonly number[]): ChipReply {
    const [prefix, code, ...parameters] = body;
    if (prefix !== 0xd6 || code === undefined) return { silent: true };
    this.commands.push(code);
    const reply = (...results: number[]): ChipReply => ({ body: [0xd7, code + 1, ...results] });
    if (code !== 0x2a && code !== 0x28 && code !== 0x20 && code !== 0x22 && this.commandType !== 1) return reply(COMMAND_TYPE_ERROR);
    switch (code) {
      case 0x2a: // SetCommandType
        this.commandType = parameters[0] ?? 0;
        return reply(this.commandType === 1 || this.commandType === 0 ? SUCCESS : PARAMETER_ERROR);
      case 0x28: // GetCommandType: 8-byte big-endian mask, types 0 and 1 (port100.c `port100_get_command_type_mask`)
        return reply(0, 0, 0, 0, 0, 0, 0, 0x03);
      case 0x20: // GetFirmwareVersion: minor, major
        return reply(...this.firmware);
      case 0x22: // GetPDDataVersion: minor, major (nfcpy `get_pd_data_version` formats two bytes, "{1:x}.{0:02x}")
        return reply(...this.pdDataVersion);
      case 0x06: // SwitchRF
        this.setField(parameters[0] === 1);
        return reply(SUCCESS);
      case 0x00: // InSetRF
        if (parameters.length !== 4) return reply(PARAMETER_ERROR);
        this.setRf(parameters);
        return reply(SUCCESS);
      case 0x02: // InSetProtocol
        if (parameters.length % 2 !== 0) return reply(PARAMETER_ERROR);
        for (let i = 0; i < parameters.length; i += 2) this.protocol.set(parameters[i]!, parameters[i + 1]!);
        return reply(SUCCESS);
      case 0x04: // InCommRF
        return this.inCommRf(parameters, reply);
      default:
        return reply(PARAMETER_ERROR);
    }
  }

  /**
   * InSetRF: Type B is send set 3 with type 07/08/09 and receive set 15 with the same types for
   * 106/212/424 kbit/s (nfcpy rcs380.py `in_set_rf`); any other setting is another technology,
   * which the Type B card does not hear.
   */
  private setRf([sendSet, sendType, receiveSet, receiveType]: number[]): void {
    const rateOf = (type: number | undefined) => ({ 7: 106, 8: 212, 9: 424 })[type ?? 0];
    const send = rateOf(sendType);
    const receive = rateOf(receiveType);
    this.typeB = sendSet === 3 && receiveSet === 15 && send !== undefined && receive !== undefined;
    this.sendRate = send ?? 106;
    this.receiveRate = receive ?? 106;
  }

  private setField(on: boolean): void {
    if (on && !this.fieldOn && this.around.cardInField()) this.around.card.powerUp();
    if (!on && this.fieldOn) this.around.card.powerDown();
    this.fieldOn = on;
  }

  private inCommRf(parameters: number[], reply: (...results: number[]) => ChipReply): ChipReply {
    if (parameters.length < 2) return reply(PARAMETER_ERROR, 0, 0, 0);
    if (!this.fieldOn) this.setField(true); // nfcpy never sends SwitchRF on: InCommRF raises the field
    const sent = parameters.slice(2);
    this.rfFrames.push(sent);
    const status = (word: number, data: number[] = []): ChipReply => reply(word & 0xff, (word >> 8) & 0xff, (word >> 16) & 0xff, word >>> 24, 0x00, ...data);
    if (this.around.take('unplug-during-command')) {
      this.around.unplug();
      return { silent: true };
    }
    // Setting 01 (add CRC): the chip appends CRC_B; without it the card sees a frame whose last bytes fail its check.
    const toCard = this.protocol.get(0x01) === 1 ? withCrcB(sent) : sent;
    const card = this.around.card;
    // The card hears only at the rate it listens at, and answers at the rate in force when the frame came.
    const { toCard: listensAt, toReader: answersAt } = card.rates;
    const heard = this.typeB && listensAt === this.sendRate && card.worksAt(this.sendRate);
    if (!heard || !this.around.cardInField() || this.around.take('lose-command')) {
      this.air.count(toCard, null, this.sendRate, this.receiveRate);
      return status(RECEIVE_TIMEOUT);
    }
    // InCommRF's timeout, little-endian in 0.1 ms units (nfcpy rcs380.py `in_comm_rf`): a card slower
    // than that is given up on when it runs out, and its late answer is lost.
    const timeoutMs = (parameters[0]! | (parameters[1]! << 8)) / 10;
    const slow = this.around.take('slow-card');
    const after = (r: ChipReply, ms: number): ChipReply => ('body' in r ? { ...r, afterMs: ms } : r);
    if (slow && slow.ms > timeoutMs) {
      card.receive(toCard);
      this.air.count(toCard, null, this.sendRate, this.receiveRate);
      return after(status(RECEIVE_TIMEOUT), timeoutMs);
    }
    const late = (r: ChipReply): ChipReply => (slow ? after(r, slow.ms) : r);
    this.queueWtx();
    let answer = card.receive(toCard);
    this.air.count(toCard, answer, this.sendRate, this.receiveRate);
    if (answer && card.protocol?.chaining && this.around.take('remove-card-mid-chain')) this.around.removeCard();
    if (answer && (answersAt !== this.receiveRate || !card.worksAt(answersAt))) answer = null; // the chip cannot demodulate it
    if (!answer || this.around.take('lose-response')) return status(RECEIVE_TIMEOUT);
    if (this.around.take('corrupt-response')) answer = answer.map((b, i) => (i === 1 ? b ^ 0x01 : b));
    // Setting 02 (check CRC): the chip checks CRC_B and strips it; without it the host gets it raw.
    if (this.protocol.get(0x02) !== 1) return late(status(0, answer));
    return late(crcBHolds(answer) ? status(0, answer.slice(0, -2)) : status(CRC_ERROR));
  }

  /** Faults that make the card ask for more time are handed to its ISO-DEP half before it answers. */
  private queueWtx(): void {
    const isoDep = this.around.card.protocol;
    if (!isoDep) return;
    const wtx = this.around.take('wtx');
    if (wtx) isoDep.askForTimeBeforeNextAnswer(Array.from({ length: wtx.times ?? 1 }, () => wtx.wtxm));
    if (this.around.take('endless-wtx')) isoDep.askForTimeBeforeNextAnswer(Array.from({ length: 10_000 }, () => 1));
  }
}
