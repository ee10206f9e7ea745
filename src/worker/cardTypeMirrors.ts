import type { Access, ExposureApplet } from '../cards/mynumber/exposure';
import type { PinFormat, PinId } from '../cards/mynumber/pin';
import type { AccessView, AppletKey, PinFormatView, PinKey } from '../protocol';
import type { Expect, Same } from './typeEquality';

/**
 * protocol/pins.ts and protocol/exposure.ts restate the card client's names for credentials,
 * applets and read access (cards/mynumber/pin.ts, exposureTypes.ts) on purpose: protocol/ is the
 * worker boundary and imports nothing of the app, so the UI never reaches into cards/ (house rule
 * 9). The duplication stays; what may not happen is drift. The worker sees both sides, so here the
 * compiler holds each restatement equal to its original (as errorCodeLayers.ts does for error
 * codes): a credential, applet or access kind added on one side only fails to compile. Types only:
 * nothing of this reaches the bundle.
 */
export type CardTypesAgree = [
  // Every credential of docs/card-reference.md §10, by the same names.
  Expect<Same<PinKey, PinId>>,
  // The exposure matrix's applets, with the card-level GET DATA objects (§9.4).
  Expect<Same<AppletKey, ExposureApplet>>,
  // Who may read a file (§6.1, §7.1, §8.1, §9.2–§9.4); worker/exposureRows.ts copies it across.
  Expect<Same<AccessView, Access>>,
  // A digits-only PIN's format crosses as it is; the sign password becomes the UI's `alphanumeric` (worker/pinViews.ts).
  Expect<Same<Extract<PinFormatView, { kind: 'digits' }>, Extract<PinFormat, { kind: 'digits' }>>>,
];
