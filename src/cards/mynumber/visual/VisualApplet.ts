import type { ApduChannel } from '../../../apdu';
import { AppletBase } from '../AppletBase';
import type { FileAddressing } from '../addressing';
import { VISUAL_FILES } from '../identifiers';
import type { CvCertificateView } from '../shared/cvCertificate';
import type { AgeRecordView } from './ageRecord';
import type { VisualBasicDataView } from './basicData';
import type { CardFaceView } from './cardFace';
import type { MyNumberImageView } from './myNumberImage';

/**
 * The client's view of the 券面事項確認AP (visual AP, docs/card-reference.md §8). Credentials:
 * `visualBirth` (0011) opens 0001; `visualPinA` (0013) opens 0002, 0005, 0006; `visualPinB`
 * (0012) the same without 0005 (§8.1).
 */
export class VisualApplet extends AppletBase {
  constructor(channel: ApduChannel, addressing?: FileAddressing) {
    super(channel, 'visual', addressing);
  }

  /** EF 0001, the age-verification record (§8.1); birth-date key. */
  readAgeRecord(): Promise<AgeRecordView> {
    return this.readDecoded(VISUAL_FILES.ageRecord, 'ageRecord');
  }

  /** EF 0002, the card face: `FF 20 82 HH LL` header, then the rest (§8.2, §13.7); A or B. */
  readCardFace(): Promise<CardFaceView> {
    return this.readDecoded(VISUAL_FILES.cardFace, 'cardFace');
  }

  /** EF 0003, the AP basic data (§8.1); free. */
  readBasicData(): Promise<VisualBasicDataView> {
    return this.readDecoded(VISUAL_FILES.basicData, 'visualBasicData');
  }

  /** EF 0004, this AP's CV certificate (§8.1, §7.5); free. */
  readCvCertificate(): Promise<CvCertificateView> {
    return this.readDecoded(VISUAL_FILES.cvCertificate, 'cvCertificate');
  }

  /** EF 0005, the My Number as an image (§8.1); A only. */
  readMyNumberImage(): Promise<MyNumberImageView> {
    return this.readDecoded(VISUAL_FILES.myNumberImage, 'myNumberImage');
  }
}
