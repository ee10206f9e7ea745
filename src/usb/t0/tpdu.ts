import { TransportError } from '../../transport';

/**
 * ISO/IEC 7816-3:2006 §12.2 (transport of APDUs by T=0): the command TPDU for a short command APDU.
 * Case 1 gets P3 = 00; cases 2S and 3S travel as they are; case 4S drops Le, the card answers
 * `61xx` and the APDU layer fetches the data with GET RESPONSE (ApduChannel does that). Extended
 * APDUs would need ENVELOPE, which the My Number Card (T=1 only) never needs: refused.
 */
export function t0CommandTpdu(apdu: Uint8Array): Uint8Array {
  if (apdu.length < 4) throw new TransportError('transport/protocol', `a command APDU has at least 4 bytes, got ${apdu.length}`);
  if (apdu.length === 4) return Uint8Array.of(...apdu, 0x00);
  const p3 = apdu[4]!;
  if (apdu.length === 5) return apdu.slice();
  if (p3 === 0x00) throw new TransportError('transport/protocol', 'extended-length APDUs cannot be sent with T=0');
  if (apdu.length === 5 + p3) return apdu.slice();
  if (apdu.length === 6 + p3) return apdu.slice(0, 5 + p3);
  throw new TransportError('transport/protocol', `the APDU's Lc (${p3}) does not match its ${apdu.length} bytes`);
}
