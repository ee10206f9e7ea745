import { describe, expect, it } from 'vitest';
import { asciiBytes, fromHex, toHex } from '../bytes';
import { ApduChannel, MAX_GET_RESPONSE_ROUNDS, MAX_RESPONSE_DATA_BYTES, type ApduTransmitter } from './ApduChannel';
import { StatusWordError } from './StatusWordError';
import { iso7816 } from './index';

/** A scripted card: each expected command hex maps to a response hex, in order. */
function scripted(pairs: [string, string][], extendedLength = false) {
  const sent: string[] = [];
  const metas: (boolean | undefined)[] = [];
  const transmitter: ApduTransmitter = {
    extendedLength,
    async transmit(command, meta) {
      const index = sent.length;
      sent.push(toHex(command));
      metas.push(meta?.sensitive);
      const pair = pairs[index];
      if (!pair) throw new Error(`unexpected command ${toHex(command)}`);
      expect(toHex(command)).toBe(pair[0]);
      return fromHex(pair[1]);
    },
  };
  return { channel: new ApduChannel(transmitter), sent, metas };
}

/**
 * A card that answers the first command with `first` and every GET RESPONSE with `again`, for
 * ever — what a hostile transcript replays. Counts what it was sent.
 */
function endless(first: Uint8Array, again: Uint8Array) {
  let sent = 0;
  const transmitter: ApduTransmitter = {
    extendedLength: true,
    async transmit(command) {
      sent++;
      return command[1] === 0xc0 ? again.slice() : first.slice();
    },
  };
  return { channel: new ApduChannel(transmitter), sent: () => sent };
}

const withSw = (dataLength: number, sw: number) => {
  const bytes = new Uint8Array(dataLength + 2).fill(0x5a);
  bytes[dataLength] = sw >> 8;
  bytes[dataLength + 1] = sw & 0xff;
  return bytes;
};

describe('ApduChannel GET RESPONSE caps (a card answering 61xx for ever)', () => {
  it(`joins up to ${MAX_RESPONSE_DATA_BYTES} bytes over ${MAX_GET_RESPONSE_ROUNDS} rounds of 256, as a short-APDU path needs`, async () => {
    let rounds = 0;
    const transmitter: ApduTransmitter = {
      extendedLength: false,
      async transmit(command) {
        if (command[1] !== 0xc0) return withSw(0, 0x6100);
        rounds++;
        return withSw(256, rounds === MAX_GET_RESPONSE_ROUNDS ? 0x9000 : 0x6100);
      },
    };
    const data = await new ApduChannel(transmitter).send(iso7816.readBinary(0, 256));
    expect(data.length).toBe(MAX_RESPONSE_DATA_BYTES);
  });

  it('stops once the data would pass 65 536 bytes: 256 bytes + 61 00 for ever ends after 256 rounds', async () => {
    const { channel, sent } = endless(withSw(0, 0x6100), withSw(256, 0x6100));
    await expect(channel.exchange(iso7816.selectEf(0x000a))).rejects.toBeInstanceOf(StatusWordError);
    expect(sent()).toBe(1 + MAX_GET_RESPONSE_ROUNDS);
  });

  it('stops after one round when a GET RESPONSE brings 64 KB and still says 61 00', async () => {
    const { channel, sent } = endless(withSw(0, 0x6100), withSw(MAX_RESPONSE_DATA_BYTES, 0x6100));
    await expect(channel.exchange(iso7816.selectEf(0x000a))).rejects.toBeInstanceOf(StatusWordError);
    expect(sent()).toBe(2);
  });

  it('stops when a GET RESPONSE brings nothing new yet says 61xx again', async () => {
    const { channel, sent } = endless(withSw(0, 0x6100), withSw(0, 0x6110));
    await expect(channel.exchange(iso7816.selectEf(0x000a))).rejects.toBeInstanceOf(StatusWordError);
    expect(sent()).toBe(2);
  });

  it('refuses one answer longer than 65 536 data bytes', async () => {
    const { channel } = endless(withSw(0, 0x6100), withSw(MAX_RESPONSE_DATA_BYTES + 1, 0x9000));
    await expect(channel.exchange(iso7816.selectEf(0x000a))).rejects.toBeInstanceOf(StatusWordError);
  });
});

describe('ApduChannel', () => {
  it('returns data on 9000 and throws StatusWordError otherwise', async () => {
    const { channel } = scripted([
      ['00 A4 02 0C 02 00 0A', '90 00'],
      ['00 B0 00 00 04', '69 82'],
    ]);
    expect((await channel.send(iso7816.selectEf(0x000a))).length).toBe(0);
    const failure = await channel.send(iso7816.readBinary(0, 4)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StatusWordError);
    expect((failure as StatusWordError).sw).toBe(0x6982);
  });

  it('follows 61xx with GET RESPONSE and joins the data (ISO 7816-4 §5.1.3)', async () => {
    const { channel, sent } = scripted([
      ['80 2A 00 80 02 AA BB 00', '61 03'],
      ['00 C0 00 00 03', '01 02 03 61 02'],
      ['00 C0 00 00 02', '04 05 90 00'],
    ]);
    const data = await channel.send(iso7816.computeSignature(fromHex('AA BB')));
    expect(toHex(data)).toBe('01 02 03 04 05');
    expect(sent.length).toBe(3);
  });

  it('re-issues a command with the Le a 6Cxx answer asks for', async () => {
    const { channel } = scripted([
      ['00 B0 00 00 10', '6C 04'],
      ['00 B0 00 00 04', '30 82 05 14 90 00'],
    ]);
    expect(toHex(await channel.send(iso7816.readBinary(0, 16)))).toBe('30 82 05 14');
  });

  it('hands VERIFY 63Cx back as a response, not an exception, through exchange()', async () => {
    const { channel } = scripted([['00 20 00 80', '63 C3']]);
    expect(await channel.exchange(iso7816.verifyStatus())).toMatchObject({ sw: 0x63c3 });
  });

  it('marks a PIN command sensitive and wipes its bytes after transmit', async () => {
    const pin = asciiBytes('1234');
    const { channel, metas } = scripted([['00 20 00 80 04 31 32 33 34', '90 00']]);
    await channel.send(iso7816.verify(pin));
    expect(metas).toEqual([true]);
    expect(Array.from(pin)).toEqual([0, 0, 0, 0]);
  });

  it('reads a 600-byte range in 256-byte chunks over a short-APDU path', async () => {
    const { channel } = scripted([
      ['00 B0 00 00 00', `${'11 '.repeat(256)}90 00`],
      ['00 B0 01 00 00', `${'22 '.repeat(256)}90 00`],
      ['00 B0 02 00 58', `${'33 '.repeat(88)}90 00`],
    ]);
    const data = await channel.readBinary(0, 600);
    expect(data.length).toBe(600);
    expect(data[599]).toBe(0x33);
  });

  it('reads a range in one extended READ BINARY when the path allows', async () => {
    const { channel, sent } = scripted([['00 B0 00 00 00 02 58', `${'44 '.repeat(600)}90 00`]], true);
    expect((await channel.readBinary(0, 600)).length).toBe(600);
    expect(sent.length).toBe(1);
  });

  it('stops a read at a short chunk (end of file, docs/card-reference.md §3)', async () => {
    const { channel } = scripted([['00 B0 00 00 00', '01 02 03 90 00']]);
    expect(toHex(await channel.readBinary(0, 600))).toBe('01 02 03');
  });

  it('reads to the end of a file, stopping at 6B00 past the end', async () => {
    const { channel } = scripted([
      ['00 B0 00 00 00', `${'55 '.repeat(256)}90 00`],
      ['00 B0 01 00 00', '6B 00'],
    ]);
    expect((await channel.readToEnd()).length).toBe(256);
  });

  it('refuses a SW that is neither 9000 nor end-of-file while reading to the end', async () => {
    const { channel } = scripted([['00 B0 00 00 00', '69 82']]);
    await expect(channel.readToEnd()).rejects.toMatchObject({ sw: 0x6982 });
  });
});
