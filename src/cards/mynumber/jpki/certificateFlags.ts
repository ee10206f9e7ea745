import { MalformedDataError } from '../../../bytes';
import { compactHex } from '../shared/fields';

/** The byte that marks a certificate as present in JPKI EF 0008 (docs/card-reference.md §6.1). */
const PRESENT = 0x8f;

/**
 * JPKI EF 0008 (docs/card-reference.md §6.1, §12): which certificates the card holds. `8F 8F 00` when
 * both exist; byte 0 ≠ `8F` for a holder under 15 or under guardianship (no signature certificate).
 */
export interface CertificateFlagsView {
  readonly signCertificate: boolean;
  readonly authCertificate: boolean;
  readonly hex: string;
}

/** The size of EF 0008 (docs/card-reference.md §6.1). */
const CERTIFICATE_FLAGS_SIZE = 3;

/** Decodes the 3 bytes of JPKI EF 0008 (docs/card-reference.md §6.1). */
export function decodeCertificateFlags(bytes: Uint8Array, source = 'JPKI AP EF 0008'): CertificateFlagsView {
  if (bytes.length !== CERTIFICATE_FLAGS_SIZE) {
    throw new MalformedDataError(source, Math.min(bytes.length, CERTIFICATE_FLAGS_SIZE), `expected 3 bytes, found ${bytes.length}`);
  }
  return { signCertificate: bytes[0] === PRESENT, authCertificate: bytes[1] === PRESENT, hex: compactHex(bytes) };
}
