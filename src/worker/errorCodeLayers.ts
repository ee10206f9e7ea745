import type { MalformedDataError } from '../bytes';
import type { StatusWordError } from '../apdu';
import type { TransportErrorCode } from '../transport';
import type { UsbAccessErrorCode } from '../usb/host/UsbAccessError';
import type { CcidCommandError } from '../usb/ccid/slotErrors';
import type { CardErrorCode } from '../cards/mynumber/errors';
import type { PinFormatError } from '../cards/mynumber/pin';
import type {
  CardLayerErrorCode,
  LowerLayerErrorCode,
  PinFormatErrorCode,
  TransportLayerErrorCode,
  UsbAccessLayerErrorCode,
} from '../protocol';
import type { ImageDecodeError } from './image/decodeJp2';
import type { Expect, Same } from './typeEquality';

/**
 * protocol/errorCodes.ts spells every code so the protocol imports nothing of the app; the worker
 * sees both sides, so here the compiler holds each layer's own union equal to its line there
 * (house rule 10: a code without a message fails to compile — a code added below without its
 * protocol line fails here first). Types only: nothing of this reaches the bundle.
 */
export type ErrorCodeLayersAgree = [
  Expect<Same<CardErrorCode, CardLayerErrorCode>>,
  Expect<Same<PinFormatError['code'], PinFormatErrorCode>>,
  Expect<Same<TransportErrorCode, TransportLayerErrorCode>>,
  Expect<Same<UsbAccessErrorCode, UsbAccessLayerErrorCode>>,
  Expect<Same<MalformedDataError['code'] | StatusWordError['code'] | CcidCommandError['code'] | ImageDecodeError['code'], LowerLayerErrorCode>>,
];
