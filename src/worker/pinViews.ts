import { fromHex } from '../bytes';
import type { PinStatus } from '../cards/mynumber/AppletBase';
import { decodeCertificateFlags, type CertificateFlagsView } from '../cards/mynumber/jpki/certificateFlags';
import { PINS, type PinFormat, type PinId } from '../cards/mynumber/pin';
import type { ExposureRowView, PinFormatView, PinStateView } from '../protocol';

/** A PIN format as the UI validates it while the person types (docs/card-reference.md §6.2, §10). */
function pinFormatView(format: PinFormat): PinFormatView {
  if (format.kind === 'digits') return { kind: 'digits', length: format.length };
  // The sign password: A–Z and 0–9, at least one letter and one digit (§6.2, §10).
  return { kind: 'alphanumeric', minLength: format.minLength, maxLength: format.maxLength, needsLetter: true, needsDigit: true };
}

/**
 * One credential's state (docs/card-reference.md §2 "VERIFY, query only", §10): `status` is the last
 * probe or VERIFY answer (null until probed); `verified` is what this session verified;
 * `notIssued` is the card saying it has no such credential (§6.2, §12) — then the probe's `63C0`
 * is no count of tries and no block, so neither is reported.
 */
export function pinStateView(pinId: PinId, status: PinStatus | null, verified: boolean, notIssued = false): PinStateView {
  const spec = PINS[pinId];
  return {
    pinId,
    applet: spec.applet,
    format: pinFormatView(spec.format),
    maxTries: spec.maxTriesConfirmed ? spec.maxTries : null,
    // A verified key's count is "back to the maximum" (§10), a number only where the maximum is known.
    triesLeft: status && !notIssued && !(status.verified && !spec.maxTriesConfirmed) ? status.triesLeft : null,
    blocked: status && !notIssued ? status.blocked : false,
    notIssued,
    verified: verified || (status?.verified ?? false),
  };
}

/** The row of JPKI EF 0008, which says whether a signature certificate exists (docs/card-reference.md §6.1). */
export const CERTIFICATE_FLAGS_ROW = 'jpki/0008';

/**
 * JPKI EF 0008 as a row holds it (docs/card-reference.md §6.1, §12), or null when it was not read or
 * its bytes do not decode — then nothing is concluded from it.
 */
export function certificateFlagsOf(row: ExposureRowView | undefined): CertificateFlagsView | null {
  if (row?.status !== 'read' || !row.content || row.content.decodeError) return null;
  try {
    return decodeCertificateFlags(fromHex(row.content.rawHex));
  } catch {
    return null;
  }
}
