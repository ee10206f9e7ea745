import type { ApduChannel } from '../../../apdu';
import { AppletBase } from '../AppletBase';
import type { FileAddressing } from '../addressing';
import { JUKI_FILES } from '../identifiers';
import type { KeyIdView } from '../shared/keyId';

/**
 * The client's view of the 住基AP (docs/card-reference.md §9.3): one record EF and the 4-digit
 * `jukiPin` (001C). No EF holding the 住民票コード is known (§9.3).
 */
export class JukiApplet extends AppletBase {
  constructor(channel: ApduChannel, addressing?: FileAddressing) {
    super(channel, 'juki', addressing);
  }

  /** EF 0002 record 1: the 16-byte key reference, identical to 共通カードAP EF 0002 (§9.3). */
  readKeyReference(): Promise<KeyIdView> {
    return this.readDecoded(JUKI_FILES.keyReference, 'keyId');
  }
}
