import type { PinStatus } from '../AppletBase';
import type { CertificateFlagsView } from './certificateFlags';

/**
 * Whether the card was never given a signature password (docs/card-reference.md §6.1, §6.2, §12,
 * §14): no signature certificate is issued to a holder under 15 (or under guardianship), and
 * without the certificate there is no signature key and no password to protect it.
 *
 * The card itself says so, never the holder's name or age: EF 0008 byte 0 is not `8F`. Such a card
 * still answers the empty VERIFY on key EF `001B`, the way an unset key answers (text AP `0012`,
 * §7.1): `63C0`, "no tries left" — which, read alone, looks exactly like a password the holder
 * blocked. So the counter probe decides nothing by itself: `63C0` (or `6984`, or no answer at all
 * when the key EF is missing) on a card whose EF 0008 says "no signature certificate" means "never
 * issued"; the same `63C0` on a card whose EF 0008 says `8F` means "blocked".
 *
 * Two cautious edges: with EF 0008 not read (or unreadable) nothing is concluded, so a real block is
 * never hidden; and a probe that still shows tries left is believed over EF 0008, so a password
 * that can be used is never hidden either.
 */
export function signPasswordNotIssued(flags: CertificateFlagsView | null, probe: PinStatus | null): boolean {
  if (flags === null || flags.signCertificate) return false;
  return probe === null || probe.blocked;
}
