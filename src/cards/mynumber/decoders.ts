import { decodeCertificate } from './jpki/certificate';
import { loadPkijs } from './pkijsModule';
import { decodeCertificateFlags } from './jpki/certificateFlags';
import { decodeTokenInfo } from './jpki/tokenInfo';
import { decodeMyNumber } from './text/myNumber';
import { decodeBasicFour } from './text/basicFour';
import { decodeIntegrityRecord } from './text/integrity';
import { decodeTextBasicInfo } from './text/basicInfo';
import { decodeSessionKey, decodeSignedPublicKey } from './text/publicKeys';
import { decodeAgeRecord } from './visual/ageRecord';
import { decodeCardFace } from './visual/cardFace';
import { decodeVisualBasicData } from './visual/basicData';
import { decodeMyNumberImage } from './visual/myNumberImage';
import { decodeCommonCardInfo, decodeKeyReference } from './common/cardInfo';
import { decodeCvCertificate, decodeCvCertificateContent } from './shared/cvCertificate';
import {
  decodeAsciiObject,
  decodeCardExpiry,
  decodeCardRecognitionData,
  decodeContactAtr,
  decodeMunicipalityCode,
} from './cardLevel/decoders';

/**
 * Every decoder by name (docs/card-reference.md §6–§9), so `exposure.ts` can name the decoder of each
 * file as plain data. Each takes the file's bytes and the name to use in `MalformedDataError`.
 */
export const DECODERS = {
  x509Certificate: decodeCertificate,
  tokenInfo: decodeTokenInfo,
  certificateFlags: decodeCertificateFlags,
  myNumber: decodeMyNumber,
  basicFour: decodeBasicFour,
  integrityRecord: decodeIntegrityRecord,
  cvCertificate: decodeCvCertificate,
  cvCertificateContent: decodeCvCertificateContent,
  textBasicInfo: decodeTextBasicInfo,
  sessionKey: decodeSessionKey,
  signedPublicKey: decodeSignedPublicKey,
  ageRecord: decodeAgeRecord,
  cardFace: decodeCardFace,
  visualBasicData: decodeVisualBasicData,
  myNumberImage: decodeMyNumberImage,
  commonCardInfo: decodeCommonCardInfo,
  keyId: decodeKeyReference,
  asciiText: decodeAsciiObject,
  municipalityCode: decodeMunicipalityCode,
  cardExpiry: decodeCardExpiry,
  cardRecognitionData: decodeCardRecognitionData,
  contactAtr: decodeContactAtr,
} as const satisfies Record<string, (bytes: Uint8Array, source?: string) => unknown>;

/** Loads what a decoder needs beyond the worker's first chunk: pkijs for certificates (`pkijsModule.ts`). */
export async function prepareDecoder(decoder: DecoderId): Promise<void> {
  if (decoder === 'x509Certificate') await loadPkijs();
}

/** The name of a decoder in `DECODERS` (docs/card-reference.md §6–§9). */
export type DecoderId = keyof typeof DECODERS;

/** What a decoder returns: the view model of its file (docs/card-reference.md §6–§9). */
export type DecodedView<D extends DecoderId> = ReturnType<(typeof DECODERS)[D]>;
