import { concatBytes, wipe } from '../bytes';
import { encodeCommand, type CommandApdu } from './CommandApdu';
import { parseResponse, type ResponseApdu } from './ResponseApdu';
import { StatusWordError } from './StatusWordError';
import { getResponse, readBinary } from './iso7816';
import { SW, bytesRemaining, correctLe } from './statusWords';

/**
 * What the channel needs from a transport: send bytes, get bytes. `transport/CardTransport`
 * satisfies it; declared here so `apdu/` depends on nothing above it.
 */
export interface ApduTransmitter {
  /** Sends one encoded command APDU and resolves with the response APDU bytes. */
  transmit(command: Uint8Array, meta?: { readonly sensitive?: boolean }): Promise<Uint8Array>;
  /** Whether the path to the card passes extended-length APDUs. */
  readonly extendedLength: boolean;
}

/** Read sizes for whole-file reads. */
const SHORT_CHUNK = 256;
const EXTENDED_CHUNK = 65536;
/**
 * Caps on one command's GET RESPONSE chain (ISO/IEC 7816-4 §5.1.3), so a card — or a replayed
 * transcript — answering 61xx for ever cannot keep us looping or growing. No command MynaLens
 * sends asks for more than an extended Ne of 65 536 bytes; 256 rounds of 256 bytes deliver that
 * much over a short-APDU path.
 */
export const MAX_GET_RESPONSE_ROUNDS = 256;
export const MAX_RESPONSE_DATA_BYTES = 65_536;

/**
 * Turns a transport into "send a command, get its data or a typed error" (ISO/IEC 7816-4 §5.1.3):
 * 61xx is followed by GET RESPONSE until the data is complete, 6Cxx re-issues the command with the
 * Le the card asked for, and any final status other than 9000 throws `StatusWordError`.
 */
export class ApduChannel {
  constructor(private readonly transport: ApduTransmitter) {}

  /** Whether whole-file reads may use one extended-length READ BINARY. */
  get extendedLength(): boolean {
    return this.transport.extendedLength;
  }

  /**
   * Sends a command and returns the final response with any status word. Use when a non-9000
   * answer is an expected outcome (VERIFY's 63Cx); otherwise use `send`.
   */
  async exchange(command: CommandApdu): Promise<ResponseApdu> {
    let response = await this.transmitOnce(command);
    const wantedLe = correctLe(response.sw);
    if (wantedLe !== null && command.ne !== null) {
      response = await this.transmitOnce({ ...command, ne: wantedLe });
    }
    let data = response.data;
    for (let round = 0; bytesRemaining(response.sw) !== null; round++) {
      // 61xx is a promise of more: stop when keeping it would pass a cap, or when the last
      // GET RESPONSE brought nothing new (a card making no progress would loop to the round cap).
      const stalled = round > 0 && response.data.length === 0;
      const promised = response.sw & 0xff || 1;
      if (round >= MAX_GET_RESPONSE_ROUNDS || stalled || data.length + promised > MAX_RESPONSE_DATA_BYTES) {
        throw StatusWordError.forCommand(command, response.sw);
      }
      response = await this.transmitOnce(getResponse(bytesRemaining(response.sw)!));
      data = concatBytes(data, response.data);
    }
    if (data.length > MAX_RESPONSE_DATA_BYTES) throw StatusWordError.forCommand(command, response.sw);
    return { data, sw: response.sw };
  }

  /** Sends a command and returns its data; throws `StatusWordError` unless the card says 9000. */
  async send(command: CommandApdu): Promise<Uint8Array> {
    const response = await this.exchange(command);
    if (response.sw !== SW.OK) throw StatusWordError.forCommand(command, response.sw, response.data);
    return response.data;
  }

  /**
   * Reads `length` bytes of the current EF from `offset` (docs/card-reference.md §3): one extended
   * READ BINARY where the transport allows it, otherwise 256-byte chunks at increasing offsets.
   * Stops early if the card returns a short chunk (end of file).
   */
  async readBinary(offset: number, length: number): Promise<Uint8Array> {
    const chunkSize = this.extendedLength ? EXTENDED_CHUNK : SHORT_CHUNK;
    const parts: Uint8Array[] = [];
    let position = offset;
    let remaining = length;
    while (remaining > 0) {
      const ne = Math.min(chunkSize, remaining);
      const chunk = await this.send(readBinary(position, ne));
      parts.push(chunk);
      position += chunk.length;
      remaining -= chunk.length;
      if (chunk.length < ne) break;
    }
    return concatBytes(...parts);
  }

  /**
   * Reads the current EF from `offset` to its end (docs/card-reference.md §3): chunks until the card
   * returns fewer bytes than asked or answers 6B00 (offset past the end).
   */
  async readToEnd(offset = 0, maxLength = 0x8000): Promise<Uint8Array> {
    const chunkSize = this.extendedLength ? EXTENDED_CHUNK : SHORT_CHUNK;
    const parts: Uint8Array[] = [];
    let position = offset;
    while (position < maxLength) {
      const ne = Math.min(chunkSize, maxLength - position);
      const response = await this.exchange(readBinary(position, ne));
      if (response.sw === SW.WRONG_P1P2_OFFSET && position > offset) break;
      if (response.sw !== SW.OK && response.sw !== SW.END_OF_FILE) {
        throw StatusWordError.forCommand(readBinary(position, ne), response.sw, response.data);
      }
      parts.push(response.data);
      position += response.data.length;
      if (response.data.length < ne || response.sw === SW.END_OF_FILE) break;
    }
    return concatBytes(...parts);
  }

  private async transmitOnce(command: CommandApdu): Promise<ResponseApdu> {
    const encoded = encodeCommand(command, this.extendedLength ? 'auto' : 'short');
    try {
      return parseResponse(await this.transport.transmit(encoded, command.sensitive ? { sensitive: true } : undefined));
    } finally {
      if (command.sensitive) {
        wipe(encoded);
        wipe(command.data);
      }
    }
  }
}
