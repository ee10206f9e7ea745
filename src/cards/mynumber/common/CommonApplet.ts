import type { ApduChannel } from '../../../apdu';
import { AppletBase } from '../AppletBase';
import type { FileAddressing } from '../addressing';
import { COMMON_FILES } from '../identifiers';
import type { KeyIdView } from '../shared/keyId';
import type { CommonCardInfoView } from './cardInfo';

/**
 * The client's view of the 共通カードAP (docs/card-reference.md §9.2): two free record EFs and the
 * 4-digit `commonPin` (001C).
 */
export class CommonApplet extends AppletBase {
  constructor(channel: ApduChannel, addressing?: FileAddressing) {
    super(channel, 'common', addressing);
  }

  /** EF 0001 record 1: card serial, municipality, expiry (§9.2); free, `00 B2 01 04 1E`. */
  readCardInfo(): Promise<CommonCardInfoView> {
    return this.readDecoded(COMMON_FILES.cardInfo, 'commonCardInfo');
  }

  /** EF 0002 record 1: the 16-byte key reference shared with the 住基AP (§9.2); free. */
  readKeyReference(): Promise<KeyIdView> {
    return this.readDecoded(COMMON_FILES.keyReference, 'keyId');
  }
}
