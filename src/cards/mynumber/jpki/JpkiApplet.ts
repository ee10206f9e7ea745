import { asciiString } from '../../../bytes';
import { SW, StatusWordError, iso7816, type ApduChannel } from '../../../apdu';
import { AppletBase } from '../AppletBase';
import type { FileAddressing } from '../addressing';
import { pinRequired } from '../errors';
import { fileLabel, JPKI_FILES } from '../identifiers';
import type { CertificateView } from './certificate';
import type { CertificateFlagsView } from './certificateFlags';
import { loadPkijs } from '../pkijsModule';
import type { TokenInfoView } from './tokenInfo';

/** A certificate as read from its EF: the exact DER and its decoded view (docs/card-reference.md §6.4). */
export interface JpkiCertificate {
  readonly der: Uint8Array;
  readonly view: CertificateView;
}

/** The two JPKI key pairs (docs/card-reference.md §6.1, §6.5). */
export type JpkiKeyId = 'auth' | 'sign';

const KEYS: Readonly<Record<JpkiKeyId, { readonly keyEf: number; readonly pin: 'jpkiAuth' | 'jpkiSign' }>> = {
  auth: { keyEf: JPKI_FILES.authKey, pin: 'jpkiAuth' },
  sign: { keyEf: JPKI_FILES.signKey, pin: 'jpkiSign' },
};

/** Largest input `80 2A` with P1 = 00 accepts: k − 11 for RSA-2048 (docs/card-reference.md §6.5). */
const MAX_SIGN_INPUT = 245;

/**
 * The client's view of the JPKI AP (docs/card-reference.md §6): token info, certificate flags, the four
 * certificates, the two PINs, and signing with either key.
 */
export class JpkiApplet extends AppletBase {
  constructor(channel: ApduChannel, addressing?: FileAddressing) {
    super(channel, 'jpki', addressing);
  }

  /**
   * The token label of EF 0006 without its space padding (§6.3, flow §13.1): reads only the
   * first 32 bytes, `JPKIAPICCTOKEN2` on a My Number Card. Call after `select()`.
   */
  async readTokenLabel(): Promise<string> {
    await this.selectEf(JPKI_FILES.tokenInfo);
    const label = await this.channel.send(iso7816.readBinary(0, 0x20));
    return asciiString(label).replace(/[\s\0]+$/, '');
  }

  /** EF 0006, the whole 160-byte token info (§6.3). */
  readTokenInfo(): Promise<TokenInfoView> {
    return this.readDecoded(JPKI_FILES.tokenInfo, 'tokenInfo');
  }

  /** EF 0008: which certificates exist (§6.1, §12). */
  readCertificateFlags(): Promise<CertificateFlagsView> {
    return this.readDecoded(JPKI_FILES.certificateFlags, 'certificateFlags');
  }

  /** EF 000A, the user-authentication certificate, free (§6.1, §13.3); null if the EF is empty. */
  readAuthCertificate(): Promise<JpkiCertificate | null> {
    return this.readCertificate(JPKI_FILES.authCertificate);
  }

  /** EF 0001, the signature certificate: needs the sign password, else `card/pin-required` (§13.5). */
  readSignCertificate(): Promise<JpkiCertificate | null> {
    return this.readCertificate(JPKI_FILES.signCertificate);
  }

  /** EF 000B, the authentication CA certificate, free (§6.1). */
  readAuthCaCertificate(): Promise<JpkiCertificate | null> {
    return this.readCertificate(JPKI_FILES.authCaCertificate);
  }

  /** EF 0002, the signature CA certificate, free (§6.1). */
  readSignCaCertificate(): Promise<JpkiCertificate | null> {
    return this.readCertificate(JPKI_FILES.signCaCertificate);
  }

  /**
   * Signs a DER DigestInfo with a JPKI key (§6.5, §13.4): SELECT of the key EF, then
   * `80 2A 00 80 Lc <DigestInfo> 00`; the card pads (PKCS#1 v1.5 type 1) and returns 256 bytes.
   * The key's PIN must have been verified in this DF session, else `card/pin-required`.
   */
  async sign(keyId: JpkiKeyId, digestInfo: Uint8Array): Promise<Uint8Array> {
    const key = KEYS[keyId];
    if (!key) throw new RangeError(`unknown JPKI key "${String(keyId)}"`);
    if (digestInfo.length < 1 || digestInfo.length > MAX_SIGN_INPUT) {
      throw new RangeError(`signing input must be 1–${MAX_SIGN_INPUT} bytes, got ${digestInfo.length}`);
    }
    await this.selectEf(key.keyEf);
    const file = fileLabel('jpki', key.keyEf);
    try {
      return await this.channel.send(iso7816.computeSignature(digestInfo));
    } catch (error) {
      // 6982 here means the key's PIN was not verified in this DF session (§6.5).
      if (error instanceof StatusWordError && error.sw === SW.SECURITY_STATUS_NOT_SATISFIED) throw pinRequired(file, [key.pin]);
      throw this.translate(error, `COMPUTE SIGNATURE ${file}`);
    }
  }

  private async readCertificate(fileId: number): Promise<JpkiCertificate | null> {
    const der = await this.readFile(fileId);
    if (der.length === 0) return null;
    await loadPkijs();
    return { der, view: this.decode(fileId, 'x509Certificate', der) };
  }
}
