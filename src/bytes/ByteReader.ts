import { MalformedDataError } from './MalformedDataError';

/**
 * A bounds-checked cursor over bytes from outside. Every read either returns what was asked
 * or throws `MalformedDataError` naming the source and the offset — never `undefined` or `NaN`.
 */
export class ByteReader {
  private position = 0;

  constructor(
    private readonly bytes: Uint8Array,
    /** Names the bytes in errors, e.g. "text AP EF 0002". */
    readonly source: string,
    /** Offset of `bytes[0]` inside the source, so nested readers report absolute offsets. */
    private readonly baseOffset = 0,
  ) {}

  /** Absolute offset of the next byte to read. */
  get offset(): number {
    return this.baseOffset + this.position;
  }

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  get atEnd(): boolean {
    return this.position >= this.bytes.length;
  }

  /** The next byte without consuming it. */
  peek(): number {
    this.require(1, 'a byte');
    return this.bytes[this.position]!;
  }

  u8(): number {
    this.require(1, 'a byte');
    return this.bytes[this.position++]!;
  }

  u16(): number {
    this.require(2, 'a 16-bit value');
    const value = (this.bytes[this.position]! << 8) | this.bytes[this.position + 1]!;
    this.position += 2;
    return value;
  }

  u32(): number {
    this.require(4, 'a 32-bit value');
    const b = this.bytes;
    const p = this.position;
    const value = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
    this.position += 4;
    return value;
  }

  /** The next `length` bytes, as a view (not a copy). */
  bytesOf(length: number): Uint8Array {
    if (!Number.isInteger(length) || length < 0) {
      throw this.error(`invalid length ${length}`);
    }
    this.require(length, `${length} bytes`);
    const out = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return out;
  }

  /** Everything not yet read. */
  rest(): Uint8Array {
    return this.bytesOf(this.remaining);
  }

  skip(length: number): void {
    this.bytesOf(length);
  }

  /** A reader over the next `length` bytes that reports offsets in this reader's terms. */
  sub(length: number): ByteReader {
    const start = this.offset;
    return new ByteReader(this.bytesOf(length), this.source, start);
  }

  /** The bytes between two absolute offsets already inside this reader (a view). */
  view(start: number, end: number): Uint8Array {
    const from = start - this.baseOffset;
    const to = end - this.baseOffset;
    if (from < 0 || to > this.bytes.length || from > to) throw this.error(`view ${start}..${end} outside the data`);
    return this.bytes.subarray(from, to);
  }

  /** An error at the current offset; for callers that find a value they cannot accept. */
  error(reason: string): MalformedDataError {
    return new MalformedDataError(this.source, this.offset, reason);
  }

  private require(count: number, what: string): void {
    if (this.remaining < count) {
      throw this.error(`expected ${what} but only ${this.remaining} remain`);
    }
  }
}
