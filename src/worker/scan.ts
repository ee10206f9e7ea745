import { TransportError } from '../transport';
import { CardLevel } from '../cards/mynumber/cardLevel/CardLevel';
import { CardError } from '../cards/mynumber/errors';
import { EXPOSURE, type ExposureEntry } from '../cards/mynumber/exposure';
import { APPLETS, fileLabel } from '../cards/mynumber/identifiers';
import { PINS, pinsOf } from '../cards/mynumber/pin';
import { EngineFailure } from '../protocol';
import { entriesOf, initialRow, isFreeReadable, rowKey, SCAN_ORDER } from './exposureRows';
import { noteSignatureNotIssued, probeApplet } from './pinFlow';
import type { AppletKey, EngineMethods } from '../protocol';
import { readRow, type ReadTarget } from './readRow';
import type { EngineSession } from './session';

type ScanResult = EngineMethods['scan']['result'];

/** Steps of one applet in a scan: its PIN probes and its free files (docs/card-reference.md §13.2, §13.3). */
function stepsOf(applet: AppletKey): number {
  const probes = applet === 'cardLevel' ? 0 : pinsOf(applet).length;
  return probes + entriesOf(applet).filter(isFreeReadable).length;
}

/**
 * `scan`: what the card gives anyone, with no PIN (docs/card-reference.md §5, §13.2, §13.3, §9.4).
 * Every row is first reported as the declaration states it (rows a PIN already opened in this
 * session keep their content: the session is about one card, checked on every connect); then,
 * applet by applet, the applet is selected, every PIN's counter probed (empty VERIFY, spends nothing) and every free file read with the fewest APDUs
 * and decoded, then the applet's PINs reported (a card without a signature certificate gets its
 * signature rows marked "not issued", §6.2, §12); card-level GET DATA objects come first, while the
 * ISD is still current from power-on or the card check (else after selecting it). Files behind a
 * PIN, never readable, internal or of unknown access are not touched. One bad file never stops
 * the scan; a transport failure does, keeping every row read so far, and says so.
 */
export async function runScan(session: EngineSession): Promise<ScanResult> {
  const channel = session.channel();
  for (const entry of EXPOSURE) {
    const row = session.row(rowKey(entry.applet, entry.fileId));
    const openedByPin = row?.status === 'read' && row.readWith !== null && row.readWith !== 'none';
    session.putRow(openedByPin ? row : initialRow(entry));
  }
  const total = SCAN_ORDER.reduce((sum, applet) => sum + stepsOf(applet), 0);
  let done = 0;
  let current = '';
  const progress = (label: string) => {
    current = label;
    session.emit({ type: 'progress', done, total, current });
  };
  try {
    for (const applet of SCAN_ORDER) {
      const target: ReadTarget = applet === 'cardLevel' ? new CardLevel(channel) : session.client(applet);
      const free = entriesOf(applet).filter(isFreeReadable);
      progress(`SELECT ${applet === 'cardLevel' ? APPLETS.issuerSecurityDomain.label : APPLETS[applet].label}`);
      // The ISD is current at power-on and after the card check (§9.4, §13.9): no SELECT needed then.
      const isdAlready = applet === 'cardLevel' && session.isdCurrent();
      if (!isdAlready && !(await selectOrMarkAbsent(session, target, free))) {
        done += stepsOf(applet);
        continue;
      }
      if (applet !== 'cardLevel') {
        await probeApplet(session, target as Exclude<ReadTarget, CardLevel>, (pinId) => {
          progress(`${PINS[pinId].name}: tries left`);
          done++;
        });
      }
      for (const entry of free) {
        progress(fileLabel(entry.applet, entry.fileId));
        await readRow(session, target, entry, 'none');
        done++;
      }
      // The applet's PINs are reported only now: JPKI's signature password needs EF 0008, read
      // just above, to tell "never issued" from "blocked" (docs/card-reference.md §6.2, §12).
      if (applet === 'jpki') noteSignatureNotIssued(session);
      if (applet !== 'cardLevel') session.emitPins();
    }
  } catch (error) {
    throw stopped(error, session, current);
  }
  session.emit({ type: 'progress', done: total, total, current: '' });
  return { rows: session.rowList(), pins: session.pinViews(), addressing: session.addressingView() };
}

/** Selects an applet or the ISD; one the card lacks (6A82) marks its free rows `absent` instead. */
async function selectOrMarkAbsent(session: EngineSession, target: ReadTarget, free: readonly ExposureEntry[]): Promise<boolean> {
  try {
    await target.select();
    return true;
  } catch (error) {
    if (!(error instanceof CardError) || error.code !== 'card/applet-not-found') throw error;
    for (const entry of free) session.putRow({ ...initialRow(entry), status: 'absent', readWith: 'none', errorCode: error.code });
    return false;
  }
}

/** A transport failure mid-scan: same code, and it says how far the scan got and that those rows are kept. */
function stopped(error: unknown, session: EngineSession, current: string): unknown {
  if (!(error instanceof TransportError)) return error;
  const rowsRead = session.rowList().filter((r) => r.status === 'read').length;
  return new EngineFailure(error.code, `${error.message}; the scan stopped at ${current}, keeping the ${rowsRead} rows already read`, {
    ...error.details,
    rowsRead,
    stoppedAt: current,
  });
}

