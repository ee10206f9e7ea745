import { TransportError } from '../transport';
import type { AppletBase } from '../cards/mynumber/AppletBase';
import { CardLevel } from '../cards/mynumber/cardLevel/CardLevel';
import { CardError } from '../cards/mynumber/errors';
import type { ExposureEntry } from '../cards/mynumber/exposure';
import type { PinId } from '../cards/mynumber/pin';
import { buildContent } from './content/contentViews';
import { initialRow } from './exposureRows';
import type { ExposureRowView, ReadStatus } from '../protocol';
import type { EngineSession } from './session';
import { serializeError } from './serializeError';

/** What reads a row: an applet client (docs/card-reference.md §6–§9.3) or the ISD's GET DATA (§9.4). */
export type ReadTarget = AppletBase | CardLevel;

/** What a failed read means for the row (docs/card-reference.md §4): 6982 → locked, 6A82/6A88 → absent. */
function statusOf(error: unknown): ReadStatus {
  if (error instanceof CardError && error.code === 'card/pin-required') return 'locked';
  if (error instanceof CardError && error.code === 'card/file-not-found') return 'absent';
  return 'error';
}

/**
 * Reads one file (or card-level object) with the fewest APDUs its layout allows (docs/card-reference.md
 * §3, §9.4), decodes it and stores the row, reporting it as a `row` event. A card answer that
 * refuses the read becomes the row's status; bytes that do not decode are still `read`, with
 * `content.decodeError` (house rule 3). Only a transport failure (card or reader gone) throws —
 * after marking the row `error` — because nothing further can be read.
 */
export async function readRow(
  session: EngineSession,
  target: ReadTarget,
  entry: ExposureEntry,
  readWith: PinId | 'none',
): Promise<ExposureRowView> {
  const base = { ...initialRow(entry), readWith };
  let bytes: Uint8Array;
  try {
    bytes = target instanceof CardLevel ? await target.getData(entry.fileId) : await target.readFile(entry.fileId);
  } catch (error) {
    const row: ExposureRowView = { ...base, status: statusOf(error), errorCode: serializeError(error).code };
    session.putRow(row);
    if (error instanceof TransportError) throw error;
    return row;
  }
  // An EF holding only filler: the object was never written (e.g. no signature certificate, §12).
  const row: ExposureRowView =
    bytes.length === 0
      ? { ...base, status: 'absent' }
      : { ...base, status: 'read', content: await buildContent(entry, bytes, session.images), openedBy: openedBy(session.row(base.key), readWith) };
  session.putRow(row);
  return row;
}

/** The credentials that opened the file so far this session, and this one (§5: each PIN that opens a file, not only the last). */
function openedBy(earlier: ExposureRowView | undefined, readWith: PinId | 'none'): ExposureRowView['openedBy'] {
  const before = earlier?.status === 'read' ? earlier.openedBy : [];
  return before.includes(readWith) ? before : [...before, readWith];
}
