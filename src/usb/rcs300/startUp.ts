import { UsbAccessError } from '../host/UsbAccessError';
import { activateTypeB, type TypeBActivation } from '../isodep/activation';
import type { FrameOutcome } from '../isodep/IsoDepProtocol';
import { FLAGS_CRC_BY_READER_NO_PROLOGUE, type SwitchLayer } from './pseudoApdu';
import type { TransparentSession } from './TransparentSession';

/**
 * The part of `Rcs300ReaderOptions` that start-up reads, stated here so this module does not import
 * the reader that imports it (the reader's options satisfy it structurally).
 */
export interface StartUpOptions {
  readonly pollAttempts?: number;
  readonly pollIntervalMs?: number;
  readonly fsdi?: number;
  readonly switchLayer?: 2 | 3;
  readonly transmissionFlags?: number | null;
}

/** What open() learned before the card was activated. */
export interface Started {
  readonly firmwareVersion: string | null;
  readonly flagsAccepted: boolean | null;
  readonly switchInfo: string | null;
  readonly activation: TypeBActivation;
}

/**
 * Version query, session, optional flags, then bounded polling. Each poll attempt first switches
 * to Type B (at layer 3 the reader polls too and may report "no card"), then WUPB and ATTRIB go
 * out as raw frames through `activateTypeB`; a failed attempt switches again on the next.
 */
export async function startUp(session: TransparentSession, options: StartUpOptions): Promise<Started> {
  const firmwareVersion = await session.firmwareVersion();
  await session.start();
  const flags = options.transmissionFlags === undefined ? FLAGS_CRC_BY_READER_NO_PROLOGUE : options.transmissionFlags;
  const flagsAccepted = flags === null ? null : await session.setFlags(flags);
  const layer: SwitchLayer = options.switchLayer ?? 3;
  let switched = false;
  let switchInfo: string | null = null;
  const exchange = async (frame: Uint8Array, waitMs: number): Promise<FrameOutcome> => {
    if (!switched) {
      const outcome = await session.switchToTypeB(layer);
      if (outcome.result === 'no-card') return { kind: 'timeout' };
      switched = true;
      switchInfo = outcome.info;
    }
    const outcome = await session.transceive(frame, waitMs);
    if (outcome.kind !== 'frame') switched = false;
    return outcome;
  };
  try {
    const activation = await activateTypeB(exchange, { attempts: options.pollAttempts ?? 10, intervalMs: options.pollIntervalMs ?? 100, fsdi: options.fsdi ?? 8 });
    if (!activation) throw new UsbAccessError('usb/no-card', 'no My Number Card answered on the reader');
    return { firmwareVersion, flagsAccepted, switchInfo, activation };
  } catch (error) {
    await session.rfOff().catch(() => undefined);
    await session.end().catch(() => undefined);
    throw error;
  }
}
