import { readerDriver, type ReaderDriver } from '../readerDriver';
import { RCS300 } from './rcs300Readers';

/** The USB margin on top of each frame waiting time the card announces (ISO/IEC 14443-4 FWT). */
const RF_MARGIN_MS = 1_000;

/** Sony's transparent-session pseudo-APDUs, Type B and ISO-DEP done by us (`Rcs300Reader`, loaded when a reader is opened); the contactless reader check. */
export const RCS300_DRIVER: ReaderDriver = /* @__PURE__ */ readerDriver(RCS300, {
  check: 'contactless',
  timeoutMs: RF_MARGIN_MS,
  interfaceName: () => 'the vendor interface (experimental)',
  load: () => import('./Rcs300Reader').then((m) => m.Rcs300Reader),
});
