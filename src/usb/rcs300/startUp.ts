import { TransportError } from '../../transport';
import { UsbAccessError } from '../host/UsbAccessError';
import { activateTypeB, type TypeBActivation } from '../isodep/activation';
import type { FrameOutcome } from '../isodep/IsoDepProtocol';
import { FLAGS_CRC_BY_READER_NO_PROLOGUE, type SwitchLayer } from './pseudoApdu';
import { SessionCommandError } from './sessionResponse';
import type { TransparentSession } from './TransparentSession';

/**
 * The part of `Rcs300ReaderOptions` that start-up reads, stated here so this module does not import
 * the reader that imports it (the reader's options satisfy it structurally).
 */
export interface StartUpOptions {
  readonly pollAttempts?: number;
  readonly pollIntervalMs?: number;
  readonly fsdi?: number;
  readonly switchLayer?: SwitchLayer;
  readonly transmissionFlags?: number | null;
}

/**
 * One way of bringing a Type B card up through the transparent session. Nothing public says which
 * the RC-S300 takes (pseudoApdu.ts), so start-up tries them in turn: the Switch Protocol layer
 * (3: the reader polls too; 2: frames only) and whether to send the transmission/reception flags.
 */
export interface StartUpSequence {
  readonly switchLayer: SwitchLayer;
  /** Flags object to send after RF on; null = send none (the reader's defaults). */
  readonly transmissionFlags: number | null;
}

/** The order tried when the options do not fix one: the most specific first, the reader's defaults last. */
export const START_UP_SEQUENCES: readonly StartUpSequence[] = [
  { switchLayer: 3, transmissionFlags: FLAGS_CRC_BY_READER_NO_PROLOGUE },
  { switchLayer: 2, transmissionFlags: FLAGS_CRC_BY_READER_NO_PROLOGUE },
  { switchLayer: 3, transmissionFlags: null },
  { switchLayer: 2, transmissionFlags: null },
];

/** A sequence that did not bring the card up, and the step where it stopped. */
export interface FailedSequence {
  readonly sequence: string;
  readonly step: string;
  readonly reason: string;
}

/** What open() learned before the card was activated. */
export interface Started {
  readonly firmwareVersion: string | null;
  readonly flagsAccepted: boolean | null;
  readonly switchInfo: string | null;
  readonly activation: TypeBActivation;
  /** The sequence that worked, and those tried before it. */
  readonly sequence: string;
  readonly switchLayer: SwitchLayer;
  readonly failedSequences: readonly FailedSequence[];
}

/** "layer 3, flags 0010" — how a sequence is named in reports and errors. */
function sequenceName(sequence: StartUpSequence): string {
  const flags = sequence.transmissionFlags === null ? 'no flags' : `flags ${sequence.transmissionFlags.toString(16).padStart(4, '0')}`;
  return `layer ${sequence.switchLayer}, ${flags}`;
}

/** A step of one sequence failed in a way the next sequence may not: carries the step's name. */
class SequenceFailed extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
    /** Nothing at all answered and the reader never said it saw a card: as like as not, no card. */
    readonly silent = false,
  ) {
    super(`${step}: ${reason}`);
  }
}

/**
 * Version query, then each sequence in turn until one activates the card: session (ended first,
 * then started), the field cycled with the settling pauses, the optional flags, then bounded
 * polling. Each poll attempt first switches to Type B (at layer 3 the reader polls too and may
 * report "no card"), then WUPB and ATTRIB go out as raw frames through `activateTypeB`.
 *
 * A reader that polls for itself and finds no card ends start-up with `usb/no-card` at once.
 * A sequence that fails at a step another sequence might pass — Switch Protocol refused, or no
 * ATQB or answer to ATTRIB although the reader saw a card — is recorded and the next one tried;
 * when none is left, a `transport/protocol` error names every sequence and the step it failed at
 * (or `usb/no-card`, when nothing ever answered and no reader poll saw a card).
 */
export async function startUp(session: TransparentSession, options: StartUpOptions): Promise<Started> {
  const firmwareVersion = await session.firmwareVersion();
  const fixed = options.switchLayer !== undefined || options.transmissionFlags !== undefined;
  const sequences = fixed
    ? [{ switchLayer: options.switchLayer ?? 3, transmissionFlags: options.transmissionFlags === undefined ? FLAGS_CRC_BY_READER_NO_PROLOGUE : options.transmissionFlags }]
    : START_UP_SEQUENCES;
  const failedSequences: FailedSequence[] = [];
  let silentEverywhere = true;
  try {
    for (const sequence of sequences) {
      try {
        return { firmwareVersion, ...(await runSequence(session, sequence, options)), sequence: sequenceName(sequence), switchLayer: sequence.switchLayer, failedSequences };
      } catch (error) {
        if (!(error instanceof SequenceFailed)) throw error;
        failedSequences.push({ sequence: sequenceName(sequence), step: error.step, reason: error.reason });
        silentEverywhere &&= error.silent;
      }
    }
    if (silentEverywhere) throw new UsbAccessError('usb/no-card', 'no My Number Card answered on the reader');
    const tried = failedSequences.map((f) => `${f.sequence} failed at ${f.step} (${f.reason})`).join('; ');
    throw new TransportError('transport/protocol', `the RC-S300 vendor route could not bring the card up: ${tried}`, { failedSequences: tried });
  } catch (error) {
    await session.rfOff().catch(() => undefined);
    await session.end().catch(() => undefined);
    throw error;
  }
}

async function runSequence(
  session: TransparentSession,
  sequence: StartUpSequence,
  options: StartUpOptions,
): Promise<Pick<Started, 'flagsAccepted' | 'switchInfo' | 'activation'>> {
  await session.start();
  const flagsAccepted = sequence.transmissionFlags === null ? null : await session.setFlags(sequence.transmissionFlags);
  let switched = false;
  let readerSawCard = false;
  let switchInfo: string | null = null;
  const exchange = async (frame: Uint8Array, waitMs: number): Promise<FrameOutcome> => {
    if (!switched) {
      let outcome;
      try {
        outcome = await session.switchToTypeB(sequence.switchLayer);
      } catch (error) {
        if (error instanceof SessionCommandError) throw new SequenceFailed('switch protocol', error.message);
        throw error;
      }
      if (outcome.result === 'no-card') return { kind: 'timeout' };
      switched = true;
      readerSawCard = sequence.switchLayer === 3;
      switchInfo = outcome.info;
    }
    const outcome = await session.transceive(frame, waitMs);
    if (outcome.kind !== 'frame') switched = false;
    return outcome;
  };
  const activation = await activateTypeB(exchange, { attempts: options.pollAttempts ?? 10, intervalMs: options.pollIntervalMs ?? 100, fsdi: options.fsdi ?? 8 });
  if (activation) return { flagsAccepted, switchInfo, activation };
  // The reader's own poll found a card, our frames got nothing back: this sequence's framing is wrong.
  if (readerSawCard) throw new SequenceFailed('WUPB and ATTRIB', 'the reader found a card but no ATQB or answer to ATTRIB came back');
  if (sequence.switchLayer === 3) throw new UsbAccessError('usb/no-card', 'no My Number Card answered on the reader');
  throw new SequenceFailed('WUPB and ATTRIB', 'no ATQB or answer to ATTRIB came back', true);
}
