import { readerDriver, type ReaderDriver } from '../readerDriver';
import { RCS380 } from './rcs380Readers';

/** The USB margin on top of each frame waiting time the card announces (ISO/IEC 14443-4 FWT). */
const RF_MARGIN_MS = 1_000;

/** Type B activation and ISO-DEP done by us (`Rcs380Reader`, loaded when a reader is opened); the contactless reader check. */
export const RCS380_DRIVER: ReaderDriver = /* @__PURE__ */ readerDriver(RCS380, {
  check: 'contactless',
  timeoutMs: RF_MARGIN_MS,
  interfaceName: () => 'the Port-100 vendor interface',
  load: () => import('./Rcs380Reader').then((m) => m.Rcs380Reader),
});
