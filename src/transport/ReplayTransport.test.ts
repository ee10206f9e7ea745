import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { ReplayTransport } from './ReplayTransport';
import { LoggingTransport, type ApduLogEntry } from './LoggingTransport';
import { describeTransportContract } from './transport.contract';

const PROBE = '00 A4 04 0C 07 A0 00 00 01 51 00 00';

describeTransportContract('ReplayTransport', async () => {
  const transport = new ReplayTransport(`=> ${PROBE}\n<= 90 00\n`.repeat(3));
  return { transport, probe: fromHex(PROBE), expectedResponse: fromHex('90 00'), unplug: () => transport.unplug() };
});

describe('ReplayTransport', () => {
  it('answers recorded commands in order and reports leftovers', async () => {
    const replay = new ReplayTransport('=> 00 B0 00 00 04\n<= 30 82 05 14 90 00\n=> 00 B0 00 04 04\n<= 01 02 03 04 90 00\n');
    expect(toHex(await replay.transmit(fromHex('00 B0 00 00 04')))).toBe('30 82 05 14 90 00');
    expect(replay.remaining).toBe(1);
    expect(() => replay.assertComplete()).toThrow(/1 recorded exchange/);
    await replay.transmit(fromHex('00 B0 00 04 04'));
    expect(() => replay.assertComplete()).not.toThrow();
  });

  it('fails a different command with replay-mismatch naming the line', async () => {
    const replay = new ReplayTransport('# header\n=> 00 B0 00 00 04\n<= 90 00\n');
    await expect(replay.transmit(fromHex('00 B0 00 00 05'))).rejects.toMatchObject({
      code: 'transport/replay-mismatch',
      details: { line: 2, expected: '00 B0 00 00 04', actual: '00 B0 00 00 05' },
    });
  });

  it('fails a command past the end with replay-exhausted', async () => {
    const replay = new ReplayTransport('');
    await expect(replay.transmit(fromHex('00 A4 04 0C'))).rejects.toMatchObject({ code: 'transport/replay-exhausted' });
  });

  it('never puts a sensitive command’s data into its error', async () => {
    const replay = new ReplayTransport('=> 00 B0 00 00 04\n<= 90 00\n');
    const failure = await replay.transmit(fromHex('00 20 00 80 04 31 32 33 34'), { sensitive: true }).then(
      () => new Error('no error'),
      (e: Error) => e,
    );
    expect(failure.message).toContain('00 20 00 80 ** PIN hidden **');
    expect(failure.message).not.toContain('31 32 33 34');
  });
});

describe('LoggingTransport', () => {
  it('logs every exchange and hides the body of sensitive commands, length included', async () => {
    const entries: ApduLogEntry[] = [];
    const replay = new ReplayTransport('=> 00 A4 02 0C 02 00 18\n<= 90 00\n=> 00 20 00 80 04 ** ** ** **\n<= 63 C2\n');
    let clock = 0;
    const logged = new LoggingTransport(replay, (e) => entries.push(e), () => (clock += 5));
    await logged.transmit(fromHex('00 A4 02 0C 02 00 18'));
    const pin = fromHex('00 20 00 80 04 39 39 39 39');
    await logged.transmit(pin, { sensitive: true });
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(entries[1]!.command).toEqual([0, 0x20, 0, 0x80, null]);
    expect(entries[1]!.sensitive).toBe(true);
    expect(toHex(entries[1]!.response!)).toBe('63 C2');
    expect(entries[0]!.elapsedMs).toBe(5);
    expect(JSON.stringify(entries)).not.toContain('57'); // 0x39 = 57: no PIN digit anywhere
  });

  it('logs a failed exchange with its error code and rethrows', async () => {
    const entries: ApduLogEntry[] = [];
    const logged = new LoggingTransport(new ReplayTransport(''), (e) => entries.push(e));
    await expect(logged.transmit(fromHex('00 A4 04 0C'))).rejects.toMatchObject({ code: 'transport/replay-exhausted' });
    expect(entries[0]).toMatchObject({ response: null, error: { code: 'transport/replay-exhausted' } });
  });
});
