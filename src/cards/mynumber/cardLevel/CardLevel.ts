import { MalformedDataError } from '../../../bytes';
import { EXTENDED_MAX_NE, SHORT_MAX_NE, SW, StatusWordError, iso7816, type ApduChannel } from '../../../apdu';
import { DECODERS, type DecodedView, type DecoderId } from '../decoders';
import { appletNotFound, extendedLengthRequired, fileNotFound, malformedFile, unexpectedStatus } from '../errors';
import { exposureOf } from '../exposure';
import { APPLETS, CARD_LEVEL_TAGS, fileLabel } from '../identifiers';

/**
 * The card-level GET DATA objects (docs/card-reference.md §9.4), answered only while the GlobalPlatform
 * ISD `A0 00 00 01 51 00 00` is current: select it first.
 */
export class CardLevel {
  constructor(private readonly channel: ApduChannel) {}

  /** SELECT the ISD by AID (§2 "SELECT MF", §9.4); 6A82 → `card/applet-not-found`. */
  async select(): Promise<void> {
    const { aid, label } = APPLETS.issuerSecurityDomain;
    try {
      await this.channel.send(iso7816.selectByName(aid));
    } catch (error) {
      if (error instanceof StatusWordError && error.sw === SW.FILE_NOT_FOUND) throw appletNotFound('issuerSecurityDomain', label);
      throw error instanceof StatusWordError ? unexpectedStatus(error, `SELECT ${label}`) : error;
    }
  }

  /**
   * GET DATA `00 CA tag 00` (§2, §9.4). A large object (a CV certificate) is asked for with
   * extended Le `00 00 00` at once where the channel passes extended APDUs; otherwise a 6700
   * answer to short Le is retried extended, or — on a short-only reader — becomes
   * `card/extended-length-required`. 6A88 (object absent) → `card/file-not-found`.
   */
  async getData(tag: number): Promise<Uint8Array> {
    const entry = exposureOf('cardLevel', tag);
    if (entry.layout.kind !== 'data-object') throw new RangeError(`${fileLabel('cardLevel', tag)} is not a GET DATA object`);
    const label = fileLabel('cardLevel', tag);
    const extended = this.channel.extendedLength;
    const first = entry.layout.large && extended ? EXTENDED_MAX_NE : SHORT_MAX_NE;
    let response = await this.channel.exchange(iso7816.getData(tag, first));
    if (response.sw === SW.WRONG_LENGTH && first === SHORT_MAX_NE) {
      if (!extended) throw extendedLengthRequired(label);
      response = await this.channel.exchange(iso7816.getData(tag, EXTENDED_MAX_NE));
    }
    if (response.sw === SW.OK) return response.data;
    if (response.sw === SW.REFERENCED_DATA_NOT_FOUND) throw fileNotFound(label);
    throw unexpectedStatus(StatusWordError.forCommand(iso7816.getData(tag, first), response.sw), `GET DATA ${label}`);
  }

  /** 0042: the issuer's 16-byte key reference (§9.4). */
  readIssuerKeyReference(): Promise<DecodedView<'keyId'>> {
    return this.read(CARD_LEVEL_TAGS.issuerKeyReference, 'keyId');
  }

  /** 0045: the card identification number, ASCII (§9.4). */
  readCardIdentificationNumber(): Promise<string> {
    return this.read(CARD_LEVEL_TAGS.cardIdentificationNumber, 'asciiText');
  }

  /** 0066: GlobalPlatform card recognition data (§9.4). */
  readCardRecognitionData(): Promise<DecodedView<'cardRecognitionData'>> {
    return this.read(CARD_LEVEL_TAGS.cardRecognitionData, 'cardRecognitionData');
  }

  /** 00F0: the issuing municipality code (§9.4). */
  readMunicipalityCode(): Promise<string> {
    return this.read(CARD_LEVEL_TAGS.municipalityCode, 'municipalityCode');
  }

  /** 00F2: the card expiry, ISO `YYYY-MM-DD` (§9.4). */
  readCardExpiry(): Promise<string> {
    return this.read(CARD_LEVEL_TAGS.cardExpiry, 'cardExpiry');
  }

  /** 00F7: the intermediate's key ID (§9.4). */
  readIntermediateKeyId(): Promise<DecodedView<'keyId'>> {
    return this.read(CARD_LEVEL_TAGS.intermediateKeyId, 'keyId');
  }

  /** 00F8: the root → intermediate CV certificate, without its 7F21 wrapper (§9.4). */
  readRootCvCertificate(): Promise<DecodedView<'cvCertificateContent'>> {
    return this.read(CARD_LEVEL_TAGS.rootCvCertificate, 'cvCertificateContent');
  }

  /** 7F21: the intermediate → card-level CV certificate; absent on older cards (§9.4). */
  readCvCertificate(): Promise<DecodedView<'cvCertificate'>> {
    return this.read(CARD_LEVEL_TAGS.cvCertificate, 'cvCertificate');
  }

  /** 5F51: the contact ATR without TS (§1, §9.4). */
  readContactAtr(): Promise<DecodedView<'contactAtr'>> {
    return this.read(CARD_LEVEL_TAGS.contactAtr, 'contactAtr');
  }

  private async read<D extends DecoderId>(tag: number, decoder: D): Promise<DecodedView<D>> {
    const bytes = await this.getData(tag);
    try {
      return (DECODERS[decoder] as (b: Uint8Array, s: string) => DecodedView<D>)(bytes, fileLabel('cardLevel', tag));
    } catch (error) {
      throw error instanceof MalformedDataError ? malformedFile(error) : error;
    }
  }
}
