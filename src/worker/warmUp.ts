import { loadPkijs } from '../cards/mynumber/pkijsModule';
import type { EngineEvent, RehearsalSample, SimulatorHolderId } from '../protocol';
import type { CardTransport } from '../transport';
import type { ImageOptions } from './content/images';
import { prepareOpenJpeg } from './image/decodeJp2';
import { loadContentViews } from './readRow';
import { runScan } from './scan';
import { EngineSession } from './session';

/*
 * One-off work moved off the path anyone waits on (issue "speed to the physical limit" §3). Each
 * load is a file of the app's own origin, happens once, and is waited for by nobody here: a load
 * that fails is tried again by whatever needs it.
 */

/**
 * What a scan will need, brought in when the person turns to a way in or a card is connected:
 * the card's decoders and pkijs, which its certificates are parsed with — and, when they turn to
 * the simulator, the simulator and that holder's card.
 */
export function warmUp(simulator?: SimulatorHolderId): void {
  void loadContentViews().catch(() => undefined);
  void loadPkijs().catch(() => undefined);
  if (simulator === 'adult' || simulator === 'child') {
    void import('../simulator').then(({ loadPersonalisation }) => loadPersonalisation(simulator)).catch(() => undefined);
  }
}

/**
 * OpenJPEG's WebAssembly, fetched and compiled once a scan is done, while the person reads it
 * (if the idle rehearsal has not yet):
 * the first face photo (docs/card-reference.md §8.2), behind a PIN, then decodes at once.
 */
export function warmDecoders(images: ImageOptions): void {
  void prepareOpenJpeg(images.jp2WasmUrl).catch(() => undefined);
}

/**
 * How many scans the rehearsal makes. Measured in Chromium: after one, the person's first scan
 * still cost about twice a warm one (V8 optimises a function only after several runs); after
 * three, what a warm one costs. About 60 ms of the worker's time, once, while nobody waits.
 */
const REHEARSAL_SCANS = 3;

/** Opens a simulated card of one holder (`SimulatorFactory`, narrowed to what a rehearsal needs). */
export type OpenSimulatedCard = (holder: SimulatorHolderId, extendedLength: boolean) => Promise<CardTransport>;

/**
 * No-PIN scans of a simulated card of its own, in a session of its own that tells nobody
 * anything, while the start screen sits idle: the engine's code runs before the person's first
 * scan, which then costs what a later one does (a fresh worker's first scan costs three to four
 * times a warm one: every chunk loaded, bytecode compiled, then optimised after several runs).
 * Shares nothing with the person's session — no event, no log line, no row — and never touches a
 * reader: the card is the simulator's, made for this and dropped after. Answers with what its last
 * scan would have shown (`RehearsalSample`), for the page to warm its own drawing with.
 */
export async function rehearseScan(openSimulatedCard: OpenSimulatedCard, images: ImageOptions, holder: SimulatorHolderId): Promise<RehearsalSample> {
  // Only what a scan raises is kept: the session's end, after, would say "disconnected".
  let recording: EngineEvent[] | null = null;
  let lastScanEvents: EngineEvent[] = [];
  const session = new EngineSession((event) => recording?.push(event), images);
  const [card] = await Promise.all([openSimulatedCard(holder, true), loadPkijs(), loadContentViews()]);
  const connection = session.attach(card, { poweredOn: true });
  try {
    for (let round = 0; round < REHEARSAL_SCANS; round++) {
      const events: EngineEvent[] = (recording = []);
      await runScan(session);
      recording = null;
      lastScanEvents = events;
    }
  } finally {
    await session.end();
    session.forget();
  }
  // OpenJPEG too, now rather than after the person's first scan: compiling its WebAssembly takes
  // a core for a while, and then it would compete with drawing that scan's result.
  await prepareOpenJpeg(images.jp2WasmUrl).catch(() => undefined);
  return { holder, connection, events: lastScanEvents };
}
