/**
 * Bytes from outside (a card, a reader, a file) did not have the shape we expected.
 * Names where the bytes came from and the offset at which reading failed, so that an
 * error shown to a person or written to a bug report points at the exact byte.
 */
export class MalformedDataError extends Error {
  override readonly name = 'MalformedDataError';
  readonly code = 'data/malformed';

  constructor(
    /** What was being read: a file name ("JPKI EF 000A"), a message type, "APDU response". */
    readonly source: string,
    /** Byte offset inside `source` where the problem was found. */
    readonly offset: number,
    /** What was wrong, in a few words. */
    readonly reason: string,
  ) {
    super(`${source}: ${reason} at offset ${offset}`);
  }
}
