import { u16be } from '../bytes';
import { command, type CommandApdu } from './CommandApdu';

/**
 * Builders for the commands the My Number Card answers (docs/card-reference.md §2). Each returns a
 * plain `CommandApdu`; encoding happens in the channel so the length form can follow the reader.
 */

/** SELECT DF by name, no FCI returned: `00 A4 04 0C Lc AID` (docs/card-reference.md §2). */
export function selectByName(aid: Uint8Array): CommandApdu {
  return command(0x00, 0xa4, 0x04, 0x0c, { data: aid });
}

/** SELECT EF by 2-byte file identifier under the current DF: `00 A4 02 0C 02 FID`. */
export function selectEf(fileId: number): CommandApdu {
  return command(0x00, 0xa4, 0x02, 0x0c, { data: u16be(fileId) });
}

/** READ BINARY of the current EF at a 15-bit offset: `00 B0 off_hi off_lo Le`. */
export function readBinary(offset: number, ne: number): CommandApdu {
  if (!Number.isInteger(offset) || offset < 0 || offset > 0x7fff) throw new RangeError(`offset out of range: ${offset}`);
  return command(0x00, 0xb0, offset >> 8, offset & 0xff, { ne });
}

/** READ BINARY by short EF identifier, which also selects the EF: `00 B0 80|SFI off Le` (offset 0–255). */
export function readBinaryBySfi(sfi: number, offset: number, ne: number): CommandApdu {
  if (!Number.isInteger(sfi) || sfi < 1 || sfi > 30) throw new RangeError(`SFI out of range: ${sfi}`);
  if (!Number.isInteger(offset) || offset < 0 || offset > 0xff) throw new RangeError(`SFI offset out of range: ${offset}`);
  return command(0x00, 0xb0, 0x80 | sfi, offset, { ne });
}

/** READ RECORD, one record of the current EF: `00 B2 rec 04 Le`. */
export function readRecord(record: number, ne: number): CommandApdu {
  return command(0x00, 0xb2, record, 0x04, { ne });
}

/**
 * VERIFY with the PIN bytes (ASCII, no padding) for the currently selected key EF, or for a
 * short EF identifier: `00 20 00 80|SFI Lc PIN`. Flagged sensitive: the logger hides the data.
 */
export function verify(pin: Uint8Array, sfi?: number): CommandApdu {
  if (pin.length === 0) throw new RangeError('VERIFY needs PIN bytes; use verifyStatus() to query tries left');
  return command(0x00, 0x20, 0x00, sfiReference(sfi), { data: pin, sensitive: true });
}

/** VERIFY with no data: asks for the tries left without spending one (docs/card-reference.md §2). */
export function verifyStatus(sfi?: number): CommandApdu {
  return command(0x00, 0x20, 0x00, sfiReference(sfi));
}

/** GET RESPONSE: `00 C0 00 00 Le` (T=0 61xx handling). */
export function getResponse(ne: number): CommandApdu {
  return command(0x00, 0xc0, 0x00, 0x00, { ne });
}

/** GET DATA of a card-level object: `00 CA tag_hi tag_lo Le` (docs/card-reference.md §9.4). */
export function getData(tag: number, ne = 256): CommandApdu {
  return command(0x00, 0xca, (tag >> 8) & 0xff, tag & 0xff, { ne });
}

/**
 * The card's proprietary COMPUTE DIGITAL SIGNATURE `80 2A P1 P2 Lc data 00` (docs/card-reference.md
 * §6.5): P1 = scheme (00 signs a DigestInfo as given), P2 = 80 for the current key EF or 80|SFI.
 */
export function computeSignature(data: Uint8Array, scheme = 0x00, sfi?: number): CommandApdu {
  return command(0x80, 0x2a, scheme, sfiReference(sfi), { data, ne: 256 });
}

/** GET CHALLENGE: `00 84 00 00 Le`. */
export function getChallenge(ne: number): CommandApdu {
  return command(0x00, 0x84, 0x00, 0x00, { ne });
}

function sfiReference(sfi: number | undefined): number {
  if (sfi === undefined) return 0x80;
  if (!Number.isInteger(sfi) || sfi < 1 || sfi > 30) throw new RangeError(`SFI out of range: ${sfi}`);
  return 0x80 | sfi;
}
