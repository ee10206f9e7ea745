import { loadPkijs } from '../cards/mynumber/pkijsModule';
import type { SimulatorHolderId } from '../protocol';
import type { ImageOptions } from './content/images';
import { prepareOpenJpeg } from './image/decodeJp2';
import { loadContentViews } from './readRow';

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
 * OpenJPEG's WebAssembly, fetched and compiled once a scan is done, while the person reads it:
 * the first face photo (docs/card-reference.md §8.2), behind a PIN, then decodes at once.
 */
export function warmDecoders(images: ImageOptions): void {
  void prepareOpenJpeg(images.jp2WasmUrl).catch(() => undefined);
}
