import { toHex, wipe } from '../bytes';
import { TransportError } from '../transport';
import type { AppletBase } from '../cards/mynumber/AppletBase';
import { CardError, pinBlocked } from '../cards/mynumber/errors';
import { PINS, pinsOf, validatePin, type PinApplet, type PinId } from '../cards/mynumber/pin';
import { EngineFailure } from '../protocol';
import { exposureOf, type ExposureEntry } from '../cards/mynumber/exposure';
import { JPKI_FILES } from '../cards/mynumber/identifiers';
import { entriesOf, initialRow, rowKey } from './exposureRows';
import type { EngineMethods, ExposureRowView, PinStateView } from '../protocol';
import { readRow } from './readRow';
import type { EngineSession } from './session';

/** The applets that hold credentials, in card order (docs/card-reference.md §10). */
const PIN_APPLETS: readonly PinApplet[] = ['jpki', 'text', 'visual', 'common', 'juki'];

/**
 * Probes every credential of a selected applet with the empty VERIFY that spends nothing (docs/card-reference.md
 * §2, §13.2). A probe the card answers oddly leaves that PIN unknown rather than
 * stopping; a transport failure throws.
 */
export async function probeApplet(session: EngineSession, client: AppletBase, onProbe?: (pinId: PinId) => void): Promise<void> {
  for (const pinId of pinsOf(client.applet)) {
    onProbe?.(pinId);
    try {
      session.recordPin(await client.triesLeft(pinId));
    } catch (error) {
      if (error instanceof TransportError || !(error instanceof CardError)) throw error;
    }
  }
}

/** The JPKI files that exist only with a signature certificate: the certificate, its key, its password (docs/card-reference.md §6.1). */
const SIGNATURE_FILES: readonly number[] = [JPKI_FILES.signCertificate, JPKI_FILES.signKey, JPKI_FILES.signPin];

/**
 * Makes sure the session knows JPKI EF 0008 (free, 3 bytes), without which a `63C0` from the
 * signature password's probe cannot be told from "never issued" (docs/card-reference.md §6.2, §12).
 * The JPKI applet must be selected.
 */
async function learnCertificateFlags(session: EngineSession, jpki: AppletBase): Promise<void> {
  if (!session.knowsCertificateFlags()) await readRow(session, jpki, exposureOf('jpki', JPKI_FILES.certificateFlags), 'none');
}

/**
 * When the card says it has no signature password (docs/card-reference.md §6.2, §12), the
 * signature certificate, key and password rows say "not issued" instead of waiting for a
 * password that does not exist.
 */
export function noteSignatureNotIssued(session: EngineSession): void {
  if (!session.signPasswordNotIssued()) return;
  for (const entry of entriesOf('jpki')) {
    if (SIGNATURE_FILES.includes(entry.fileId)) session.putRow({ ...initialRow(entry), status: 'not-issued' });
  }
}

/** `pinStatus`: every PIN's tries left, spending nothing (docs/card-reference.md §2, §10, §13.2). */
export async function pinStatus(session: EngineSession): Promise<PinStateView[]> {
  for (const applet of PIN_APPLETS) {
    const client = session.client(applet);
    try {
      await client.select();
    } catch (error) {
      if (error instanceof CardError && error.code === 'card/applet-not-found') continue;
      throw error;
    }
    await probeApplet(session, client);
    if (applet === 'jpki') {
      await learnCertificateFlags(session, client);
      noteSignatureNotIssued(session);
    }
  }
  return session.emitPins();
}

/**
 * Presents one PIN with every safety rule of house rule 5 and docs/card-reference.md §5, §10, §13.8,
 * in this order: the format is checked before any APDU (`pin/format`); the applet is selected
 * unless it is the current DF with no credential verified in it (so what the PIN opens is shown by
 * that PIN alone, §5); the counter is probed unless the card reported it on this connection
 * (nobody else can spend a try meanwhile: the reader is this session's alone, and a right or
 * wrong VERIFY updates it); a blocked PIN is never sent (`card/pin-blocked`); with one try left
 * nothing is sent unless `confirmLastTry` (`pin/confirm-last-try`); then VERIFY. A wrong value
 * reports `card/wrong-pin` with the tries left, and every outcome updates the PIN list (event
 * `pins`). On return the PIN is verified in the applet's current DF session, so the caller may
 * read or sign at once. Every flow that takes a PIN (exposure, service login, signing) uses
 * this one function. The PIN string is never stored, logged or put in an error.
 */
export async function presentPin(session: EngineSession, client: AppletBase, pinId: PinId, pin: string, confirmLastTry: boolean | undefined): Promise<PinStateView[]> {
  const spec = PINS[pinId];
  if (!spec || spec.applet !== client.applet) throw new EngineFailure('engine/bad-request', `unknown PIN id "${String(pinId)}"`);
  wipe(validatePin(pinId, pin));
  if (!session.inCleanDf(client.applet)) await client.select();
  let status = session.counterThisConnection(pinId);
  if (!status) {
    status = await client.triesLeft(pinId);
    session.recordPin(status);
  }
  if (status.blocked && pinId === 'jpkiSign') {
    // 63C0 here may mean "never issued" (§6.2, §12): ask EF 0008 before calling it blocked.
    await learnCertificateFlags(session, client);
    noteSignatureNotIssued(session);
    if (session.signPasswordNotIssued()) {
      session.emitPins();
      throw new EngineFailure('sign/no-certificate', 'this card holds no signature certificate, so it has no signature password');
    }
  }
  if (status.blocked) {
    session.emitPins();
    throw pinBlocked(pinId);
  }
  if (status.triesLeft === 1 && confirmLastTry !== true) {
    session.emitPins();
    throw new EngineFailure('pin/confirm-last-try', `${spec.name}: one try left; confirm before it is spent`, { pinId, triesLeft: 1 });
  }
  try {
    await client.verify(pinId, pin);
  } catch (error) {
    if (error instanceof CardError && (error.code === 'card/wrong-pin' || error.code === 'card/pin-blocked')) {
      const triesLeft = typeof error.details.triesLeft === 'number' ? error.details.triesLeft : 0;
      session.recordPin({ pinId, maxTries: spec.maxTries, triesLeft, blocked: triesLeft === 0, verified: false });
      session.emitPins();
    }
    throw error;
  }
  // A right VERIFY resets the counter to its maximum (§10).
  session.recordPin({ pinId, maxTries: spec.maxTries, triesLeft: spec.maxTries, blocked: false, verified: true });
  session.markVerified(pinId);
  return session.emitPins();
}

/**
 * `verifyPin` (docs/card-reference.md §5, §10, §13.4–§13.8): `presentPin`, then — in the same DF
 * session (§5) — reading every file of the applet that this PIN opens. A file the session already
 * holds is not read again: one byte read (`proveAccess`) shows that this PIN opens it too, and
 * the bytes held stay the row's content.
 */
export async function verifyPin(
  session: EngineSession,
  { pinId, pin, confirmLastTry }: EngineMethods['verifyPin']['params'],
): Promise<EngineMethods['verifyPin']['result']> {
  const spec = PINS[pinId];
  if (!spec) throw new EngineFailure('engine/bad-request', `unknown PIN id "${String(pinId)}"`);
  // House rule 5: the format first, before anything else is asked of the session or the card.
  wipe(validatePin(pinId, pin));
  const client = session.client(spec.applet);
  const pins = await presentPin(session, client, pinId, pin, confirmLastTry);
  const opened: ExposureRowView[] = [];
  for (const entry of entriesOf(spec.applet)) {
    if (entry.access.kind !== 'pin' || !entry.access.anyOf.includes(pinId)) continue;
    opened.push((await proveHeldRow(session, client, entry, pinId)) ?? (await readRow(session, client, entry, pinId)));
  }
  return { pins, opened, addressing: session.addressingView() };
}

/**
 * A row whose bytes the session holds, shown to open with `pinId` too by one short read whose
 * bytes must begin the held ones (docs/card-reference.md §3, §5). Null when there is nothing
 * held, or the card answered otherwise — then the caller reads the file as if for the first time,
 * so the row says what the card said.
 */
async function proveHeldRow(session: EngineSession, client: AppletBase, entry: ExposureEntry, pinId: PinId): Promise<ExposureRowView | null> {
  const held = session.row(rowKey(entry.applet, entry.fileId));
  if (held?.status !== 'read' || !held.content) return null;
  let proof: Uint8Array;
  try {
    proof = await client.proveAccess(entry.fileId);
  } catch (error) {
    if (error instanceof CardError) return null;
    throw error;
  }
  if (proof.length === 0 || !held.content.rawHex.startsWith(toHex(proof))) return null;
  const row: ExposureRowView = { ...held, readWith: pinId, openedBy: held.openedBy.includes(pinId) ? held.openedBy : [...held.openedBy, pinId] };
  session.putRow(row);
  return row;
}
