import { SW } from '../../../apdu';
import type { CardEf } from '../layout/types';
import type { CardSession } from '../CardSession';
import { resolveEf } from './keyReference';
import { status, success, type CommandHandler, type CommandResult } from './result';

/**
 * READ BINARY (`00 B0`, docs/card-reference.md §2, §3): P1 bit 8 clear → 15-bit offset into the current
 * EF; set → P1 = 80|SFI names (and selects) the EF and P2 is an 8-bit offset. Returns
 * min(Ne, bytes to the end) with `9000` (JICSAP short read, §3) — so short Le 00 = 256 and
 * extended Le up to 65536 read the whole file at once. Offset ≥ size → `6B00`.
 */
export const readBinary: CommandHandler = ({ parsed, session }) => {
  const { p1, p2, data, ne } = parsed.command;
  // A read carries no data and needs Le; anything else fits no READ BINARY case.
  if (data.length > 0 || ne === null) return status(SW.WRONG_LENGTH);
  if (p1 & 0x80) {
    // 100xxxxx: bits 7–6 must be zero and the SFI 1–30 (docs/card-reference.md §2); SFI 0 names no EF.
    if (p1 === 0x80) return status(SW.INCORRECT_P1P2);
    const reference = resolveEf(session, p1);
    if ('refused' in reference) return reference.refused;
    return readFrom(session, reference.ef, p2, ne);
  }
  const ef = session.currentEf;
  if (!ef) return status(SW.NO_CURRENT_EF);
  return readFrom(session, ef, (p1 << 8) | p2, ne);
};

function readFrom(session: CardSession, ef: CardEf, offset: number, ne: number): CommandResult {
  // Key and internal EFs are IEFs; record EFs need READ RECORD (docs/card-reference.md §4 6981).
  if (ef.kind !== 'transparent') return status(SW.INCOMPATIBLE_FILE_STRUCTURE);
  if (!session.satisfies(ef.read)) return status(SW.SECURITY_STATUS_NOT_SATISFIED);
  if (offset >= ef.size) return status(SW.WRONG_P1P2_OFFSET);
  return success(ef.bytes.slice(offset, Math.min(offset + ne, ef.size)));
}
