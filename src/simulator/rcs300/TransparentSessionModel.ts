import { crcBHolds, withCrcB } from '../rcs380/crcB';
import { TypeBAirLedger } from '../rcs380/TypeBAirLedger';
import type { TypeBCard } from '../rcs380/TypeBCard';
import type { FakeRcs300Fault } from './faults';
import { parseCommand, responseObject, type DataObjectIn } from './pseudoApduCommand';

/** What the reader model needs from the device around it. */
export interface ReaderSurroundings {
  readonly card: TypeBCard;
  cardInField(): boolean;
  take<K extends FakeRcs300Fault['kind']>(kind: K): Extract<FakeRcs300Fault, { kind: K }> | null;
  removeCard(): void;
  unplug(): void;
  /** Called for every frame the host sends over the field (mid-chain faults count these). */
  countRfFrame(): void;
  /** False: the reader refuses the transmission/reception flags object with 6A 81. */
  readonly flagsSupported: boolean;
  /** The bytes before 90 00 in the answer to FF 56 00 00. */
  readonly firmware: readonly number[];
}

/** The reader's reply; `afterMs`: how long the RF exchange took before it (a slow card, or the timer running out). */
export type ModelReply = { readonly data: number[]; readonly afterMs?: number } | { readonly silent: true };

/** PC/SC Part 3 Supplement error status words (as wsrf2009/contactless-driver pcsc.c answers them). */
const SW = { ok: 0x9000, stopped: 0x6301, noCard: 0x6401, length: 0x6700, value: 0x6a80, unsupported: 0x6a81 } as const;
/** Flags bit 0: do not append CRC; bit 1: do not check and strip it (Supplement, tag 90). */
const NO_TX_CRC = 0x0001;
const NO_RX_CRC = 0x0002;

class ObjectError {
  constructor(readonly sw: number) {}
}

/**
 * The RC-S300's transparent session as the emulator plays it: session open/closed, the field,
 * the protocol switched to, the flags and timer, and Type B frames to a `TypeBCard` with CRC_B
 * added and checked by the reader. Objects run in order; the first failure stops the command and
 * is reported in C0 with its 1-based object number, as the captured `C0 03 02 64 01` shows.
 * Emulated choices not seen on hardware: Type B layer 3 answers with no 8F object; layer 4 and
 * ISO 15693 are refused with 6A 81; a Type B exchange before a switch is refused with 63 01.
 */
export class TransparentSessionModel {
  sessionOpen = false;
  fieldOn = false;
  protocol: 'none' | 'typeB' | 'felica' = 'none';
  flags = 0;
  timerUs = 0;
  /** Milliseconds the RF exchanges of the command being handled took (a slow card, or the timer running out). */
  private rfMs = 0;
  /** Frames the host sent over the field (without CRC_B), for tests. */
  readonly rfFrames: number[][] = [];
  /** The link-time model's running totals (rcs380/typeBAirTime.ts), at 106 kbit/s: this route never asks for more. */
  readonly air = new TypeBAirLedger();
  /** Names of the commands handled, in order, for tests. */
  readonly commands: string[] = [];
  /** WUPBs the reader sent itself while switching to Type B layer 3. */
  readerPolls = 0;

  constructor(private readonly around: ReaderSurroundings) {}

  handle(apdu: readonly number[]): ModelReply {
    const command = parseCommand(apdu);
    if (command.kind === 'refused') return { data: [command.sw >> 8, command.sw & 0xff] };
    if (command.kind === 'firmware') {
      this.commands.push('firmware');
      return { data: [...this.around.firmware, 0x90, 0x00] };
    }
    if (command.kind === 'bad-length') return { data: this.status(command.objectNumber, SW.length, []) };
    const out: number[] = [];
    this.rfMs = 0;
    const timed = (data: number[]): ModelReply => (this.rfMs > 0 ? { data, afterMs: this.rfMs } : { data });
    for (const [index, object] of command.objects.entries()) {
      try {
        const produced = this.run(command.p2, object);
        if (produced === 'silent') return { silent: true };
        out.push(...produced);
      } catch (error) {
        if (error instanceof ObjectError) return timed(this.status(index + 1, error.sw, out));
        throw error;
      }
    }
    return timed(this.status(0, SW.ok, out));
  }

  /** Field off (card unpowered) or on (a card in the field powers up). */
  setField(on: boolean): void {
    if (on && !this.fieldOn && this.around.cardInField()) this.around.card.powerUp();
    if (!on && this.fieldOn) this.around.card.powerDown();
    this.fieldOn = on;
  }

  private status(objectNumber: number, sw: number, objects: number[]): number[] {
    return [...responseObject(0xc0, [objectNumber, sw >> 8, sw & 0xff]), ...objects, 0x90, 0x00];
  }

  private run(p2: number, o: DataObjectIn): number[] | 'silent' {
    const empty = (): void => {
      if (o.value.length !== 0) throw new ObjectError(SW.length);
    };
    const inSession = (): void => {
      if (!this.sessionOpen) throw new ObjectError(SW.stopped);
    };
    if (p2 === 0x00 && o.tag === 0x81) return this.log('start', empty, () => ((this.sessionOpen = true), (this.flags = 0)));
    if (p2 === 0x00 && o.tag === 0x82) return this.log('end', empty, () => ((this.sessionOpen = false), (this.protocol = 'none')));
    if (p2 === 0x00 && o.tag === 0x83) return this.log('rf-off', () => (empty(), inSession()), () => this.setField(false));
    if (p2 === 0x00 && o.tag === 0x84) return this.log('rf-on', () => (empty(), inSession()), () => this.setField(true));
    if (p2 === 0x02 && o.tag === 0x8f) return this.switchProtocol(o.value);
    if (p2 === 0x01 && o.tag === 0x5f46) {
      if (o.value.length !== 4) throw new ObjectError(SW.length);
      this.timerUs = o.value[0]! + o.value[1]! * 0x100 + o.value[2]! * 0x10000 + o.value[3]! * 0x1000000;
      return [];
    }
    if (p2 === 0x01 && o.tag === 0x90) {
      if (!this.around.flagsSupported) throw new ObjectError(SW.unsupported);
      if (o.value.length !== 2) throw new ObjectError(SW.length);
      inSession();
      this.commands.push('flags');
      this.flags = o.value[0]! * 256 + o.value[1]!;
      return [];
    }
    if (p2 === 0x01 && o.tag === 0x95) return this.transceive(o.value);
    throw new ObjectError(SW.unsupported);
  }

  private log(name: string, check: () => void, act: () => unknown): number[] {
    check();
    this.commands.push(name);
    act();
    return [];
  }

  private switchProtocol(value: number[]): number[] {
    if (value.length !== 2) throw new ObjectError(SW.length); // the one-byte form was refused with 67 00 (ESP32 probe)
    if (!this.sessionOpen) throw new ObjectError(SW.stopped);
    const [standard, layer] = value as [number, number];
    this.commands.push(`switch ${standard}/${layer}`);
    if (standard === 0x03) {
      this.protocol = 'felica';
      return responseObject(0x8f, [0x08]); // what a real reader answered to 03 00
    }
    if (standard !== 0x01 || (layer !== 0x02 && layer !== 0x03)) throw new ObjectError(SW.unsupported);
    this.protocol = 'typeB';
    if (layer === 0x02) return [];
    // Layer 3: the reader runs ISO/IEC 14443-3 itself — field on, WUPB — and reports when nobody answers.
    this.setField(true);
    this.readerPolls++;
    if (!this.around.cardInField() || !this.around.card.receive(withCrcB([0x05, 0x00, 0x08]))) throw new ObjectError(SW.noCard);
    return [];
  }

  private transceive(sent: number[]): number[] | 'silent' {
    if (!this.sessionOpen || this.protocol === 'none') throw new ObjectError(SW.stopped);
    this.rfFrames.push(sent);
    this.around.countRfFrame();
    if (this.around.take('unplug-during-command')) {
      this.around.unplug();
      return 'silent';
    }
    if (this.protocol !== 'typeB' || !this.fieldOn || !this.around.cardInField() || this.around.take('lose-command')) throw new ObjectError(SW.noCard);
    const toCard = (this.flags & NO_TX_CRC) !== 0 ? sent : withCrcB(sent);
    const slow = this.around.take('slow-card');
    if (slow && slow.ms * 1000 > this.timerUs) {
      // The card hears the frame and answers after the reader's timer ran out: the answer is lost.
      this.around.card.receive(toCard);
      this.rfMs += this.timerUs / 1000;
      throw new ObjectError(SW.noCard);
    }
    if (slow) this.rfMs += slow.ms;
    this.queueWtx();
    let answer = this.around.card.receive(toCard);
    this.air.count(toCard, answer, 106, 106);
    if (answer && this.around.card.protocol?.chaining && this.around.take('remove-card-mid-chain')) this.around.removeCard();
    if (!answer || this.around.take('lose-response')) throw new ObjectError(SW.noCard);
    if (this.around.take('corrupt-response')) answer = answer.map((b, i) => (i === 1 ? b ^ 0x01 : b));
    const frame = (this.flags & NO_RX_CRC) !== 0 ? answer : answer.slice(0, -2);
    const crcError = (this.flags & NO_RX_CRC) === 0 && !crcBHolds(answer);
    return [...responseObject(0x92, [0x00]), ...responseObject(0x96, [crcError ? 0x01 : 0x00, 0x00]), ...responseObject(0x97, frame)];
  }

  private queueWtx(): void {
    const isoDep = this.around.card.protocol;
    if (!isoDep) return;
    const wtx = this.around.take('wtx');
    if (wtx) isoDep.askForTimeBeforeNextAnswer(Array.from({ length: wtx.times ?? 1 }, () => wtx.wtxm));
    if (this.around.take('endless-wtx')) isoDep.askForTimeBeforeNextAnswer(Array.from({ length: 10_000 }, () => 1));
  }
}
