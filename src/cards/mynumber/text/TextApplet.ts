import type { ApduChannel } from '../../../apdu';
import { AppletBase } from '../AppletBase';
import type { FileAddressing } from '../addressing';
import { TEXT_FILES } from '../identifiers';
import type { CvCertificateView } from '../shared/cvCertificate';
import type { RsaPublicKeyView } from '../shared/rsaPublicKey';
import type { TextBasicInfoView } from './basicInfo';
import type { BasicFourView } from './basicFour';
import type { IntegrityRecordView } from './integrity';
import type { MyNumberView } from './myNumber';
import type { SignedPublicKeyView } from './publicKeys';

/**
 * The client's view of the 券面事項入力補助AP (text AP, docs/card-reference.md §7). Credentials:
 * `textPin` (0011), `textPinA` (0014) and `textPinB` (0015); A opens 0001 not 0002, B the
 * reverse, the PIN both (§7.1).
 */
export class TextApplet extends AppletBase {
  constructor(channel: ApduChannel, addressing?: FileAddressing) {
    super(channel, 'text', addressing);
  }

  /** EF 0001, the My Number: 17 bytes in one READ BINARY (§7.2, §13.6); PIN or A. */
  readMyNumber(): Promise<MyNumberView> {
    return this.readDecoded(TEXT_FILES.myNumber, 'myNumber');
  }

  /** EF 0002, the basic four: header, then the rest (§7.3, §13.6); PIN or B. */
  readBasicFour(): Promise<BasicFourView> {
    return this.readDecoded(TEXT_FILES.basicFour, 'basicFour');
  }

  /** EF 0003, the integrity record (§7.4); PIN, A or B. */
  readIntegrityRecord(): Promise<IntegrityRecordView> {
    return this.readDecoded(TEXT_FILES.integrity, 'integrityRecord');
  }

  /** EF 0004, this AP's CV certificate (§7.5); free. */
  readCvCertificate(): Promise<CvCertificateView> {
    return this.readDecoded(TEXT_FILES.cvCertificate, 'cvCertificate');
  }

  /** EF 0005, the AP basic info (§7.6); free. */
  readBasicInfo(): Promise<TextBasicInfoView> {
    return this.readDecoded(TEXT_FILES.basicInfo, 'textBasicInfo');
  }

  /** EF 0006, the session-key public key (§7.7); PIN, A or B. */
  readSessionKey(): Promise<RsaPublicKeyView> {
    return this.readDecoded(TEXT_FILES.sessionKey, 'sessionKey');
  }

  /** EF 0007, the AP's signed public key (§7.7); PIN, A or B. */
  readSignedPublicKey(): Promise<SignedPublicKeyView> {
    return this.readDecoded(TEXT_FILES.signedPublicKey, 'signedPublicKey');
  }
}
