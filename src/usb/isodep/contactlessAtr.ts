import { concatBytes } from '../../bytes';
import type { Atqb } from './typeB';

/**
 * The ATR a PC/SC reader makes up for an ISO/IEC 14443-4 Type B card, so software written for
 * contact cards has one (PC/SC Part 3 v2.01, §3.1.3.2.3.2 "ATR for ISO/IEC 14443-4 Type B"):
 *
 *   3B 88 80 01 | Application Data (4) | Protocol Info (3) | MBLI<<4 | TCK
 *
 * TS = 3B; T0 = 88 (TD1 follows, K = 8 historical bytes); TD1 = 80 (TD2 follows, T = 0);
 * TD2 = 01 (T = 1); the historical bytes are ATQB's Application Data and first three Protocol
 * Info bytes and a last byte whose high nibble is MBLI from the answer to ATTRIB (low nibble
 * RFU, 0); TCK is the XOR of T0 to the last historical byte (ISO/IEC 7816-3 §8.2.5).
 *
 * Checked against three real My Number Card entries in pcsc-tools `smartcard_list.txt`
 * (docs/card-reference.md §1), e.g. `3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F`.
 */
export function typeBAtr(atqb: Pick<Atqb, 'applicationData' | 'protocolInfo'>, mbli: number): Uint8Array {
  const historical = concatBytes(atqb.applicationData.slice(0, 4), atqb.protocolInfo.slice(0, 3), Uint8Array.of((mbli & 0x0f) << 4));
  const body = concatBytes(Uint8Array.of(0x88, 0x80, 0x01), historical);
  let tck = 0;
  for (const b of body) tck ^= b;
  return concatBytes(Uint8Array.of(0x3b), body, Uint8Array.of(tck));
}
