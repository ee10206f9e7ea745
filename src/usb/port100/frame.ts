import { concatBytes, MalformedDataError } from '../../bytes';

/**
 * Sony NFC Port-100 host-link framing, as the RC-S380 speaks it over its bulk pipes.
 *
 * Facts (no public Sony datasheet; both open drivers agree):
 * - every frame starts with preamble 00 and start code 00 FF (nfcpy rcs380.py, `Frame`;
 *   Linux drivers/nfc/port100.c, `PORT100_FRAME_SOF`);
 * - an extended frame follows with FF FF, LEN as two bytes little-endian, a length checksum LCS,
 *   LEN data bytes, a data checksum DCS and postamble 00 (port100.c `struct port100_frame`);
 * - LCS makes the two LEN bytes plus LCS sum to 0 mod 256, DCS does the same for the data
 *   (port100.c: "The rule: value + checksum = 0", `port100_checksum`, `port100_data_checksum`);
 * - the ACK frame is 00 00 FF 00 FF 00 (port100.c `ack_frame`); the host also sends it to cancel
 *   the command under way (port100.c `port100_abort_cmd`: "An ack will cancel the last issued command").
 *
 * The normal (short) frame `00 00 FF LEN LCS data DCS 00` is the NXP PN533 layout the Port-100
 * inherits the start code from (PN533 user manual §6.2.1.1). Neither open driver sends or expects
 * one from an RC-S380, so we only ever send extended frames; the decoder accepts both.
 */

/** port100.c `ack_frame`. */
export const PORT100_ACK_FRAME: Uint8Array = Uint8Array.of(0x00, 0x00, 0xff, 0x00, 0xff, 0x00);

/** port100.c `PORT100_FRAME_MAX_PAYLOAD_LEN` (1001) plus the two command-code bytes. */
export const PORT100_MAX_DATA_LENGTH = 1003;

const SOURCE = 'Port-100 frame';

/** The checksum byte that makes `bytes` sum to 0 mod 256 (port100.c `port100_checksum`). */
export function port100Checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (const b of bytes) sum = (sum + b) & 0xff;
  return (0x100 - sum) & 0xff;
}

/** An extended frame carrying `data` (nfcpy rcs380.py `Frame.__init__`, port100.c `port100_tx_frame_finish`). */
export function encodeFrame(data: Uint8Array): Uint8Array {
  if (data.length > 0xffff) throw new RangeError(`a Port-100 frame carries at most 65535 bytes, not ${data.length}`);
  const length = Uint8Array.of(data.length & 0xff, data.length >> 8);
  return concatBytes(Uint8Array.of(0x00, 0x00, 0xff, 0xff, 0xff), length, Uint8Array.of(port100Checksum(length)), data, Uint8Array.of(port100Checksum(data), 0x00));
}

/** What one complete frame from the chip says. */
export type Port100Frame = { readonly kind: 'ack' } | { readonly kind: 'data'; readonly data: Uint8Array };

/**
 * How many bytes the first frame in `stream` takes, or null while more bytes are needed.
 * Throws `MalformedDataError` as soon as the head cannot be a frame (bad start code, bad LCS,
 * longer than any Port-100 reply), so a broken stream is never waited on.
 */
export function frameLength(stream: Uint8Array): number | null {
  if (stream.length < 3) return null;
  if (stream[0] !== 0x00 || stream[1] !== 0x00 || stream[2] !== 0xff) throw new MalformedDataError(SOURCE, 0, 'no 00 00 FF start code');
  if (stream.length < 5) return null;
  const [a, b] = [stream[3]!, stream[4]!];
  if (a === 0x00 && b === 0xff) return 6; // ACK: 00 00 FF 00 FF 00
  if (a === 0xff && b === 0xff) {
    if (stream.length < 8) return null;
    const length = stream[5]! | (stream[6]! << 8);
    if (port100Checksum(stream.subarray(5, 7)) !== stream[7]) throw new MalformedDataError(SOURCE, 7, 'length checksum LCS does not match');
    if (length > PORT100_MAX_DATA_LENGTH) throw new MalformedDataError(SOURCE, 5, `LEN ${length} exceeds ${PORT100_MAX_DATA_LENGTH}`);
    return 8 + length + 2;
  }
  // Normal frame: LEN in one byte, LCS so that LEN + LCS = 0 mod 256.
  if (((a + b) & 0xff) !== 0) throw new MalformedDataError(SOURCE, 4, 'length checksum LCS does not match');
  return 5 + a + 2;
}

/** Decodes exactly one frame (as `frameLength` measured it), checking DCS and the postamble. */
export function decodeFrame(frame: Uint8Array): Port100Frame {
  const length = frameLength(frame);
  if (length === null || length !== frame.length) throw new MalformedDataError(SOURCE, frame.length, `frame is ${frame.length} bytes, its header says ${length ?? 'more'}`);
  if (frame[frame.length - 1] !== 0x00) throw new MalformedDataError(SOURCE, frame.length - 1, 'postamble is not 00');
  if (length === 6) return { kind: 'ack' };
  const start = frame[3] === 0xff && frame[4] === 0xff ? 8 : 5;
  const data = frame.slice(start, frame.length - 2);
  if (port100Checksum(data) !== frame[frame.length - 2]) throw new MalformedDataError(SOURCE, frame.length - 2, 'data checksum DCS does not match');
  return { kind: 'data', data };
}
