import { describe, expect, it } from 'vitest';
import { MalformedDataError, fromHex, toHex } from '../bytes';
import { commandMatches, formatTranscript, parseTranscript } from './transcript';
import { redactCommand } from './redact';

const SAMPLE = `# docs/card-reference.md §13.1
=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01
<= 90 00

=> 00 20 00 80 04 ** ** ** **   # VERIFY, PIN redacted
<= 63 C2
`;

describe('transcript format', () => {
  it('parses commands, responses, comments and redacted bytes', () => {
    const exchanges = parseTranscript(SAMPLE);
    expect(exchanges.length).toBe(2);
    expect(exchanges[0]!.line).toBe(2);
    expect(toHex(exchanges[1]!.response)).toBe('63 C2');
    expect(exchanges[1]!.command.slice(4)).toEqual([4, null, null, null, null]);
  });

  it('matches any byte at a redacted position and nothing else', () => {
    const [, verify] = parseTranscript(SAMPLE);
    expect(commandMatches(verify!.command, fromHex('00 20 00 80 04 39 39 39 39'))).toBe(true);
    expect(commandMatches(verify!.command, fromHex('00 20 00 80 05 39 39 39 39 39'))).toBe(false);
    expect(commandMatches(verify!.command, fromHex('00 20 00 80 04 39 39 39'))).toBe(false);
  });

  it('formats what it parses', () => {
    expect(formatTranscript(parseTranscript(SAMPLE))).toBe(
      '=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01\n<= 90 00\n=> 00 20 00 80 04 ** ** ** **\n<= 63 C2\n',
    );
  });

  it.each([
    ['=> 00 A4\n<= 90 00', /at least 4 bytes/],
    ['<= 90 00', /without a command/],
    ['=> 00 A4 04 0C\n=> 00 A4 04 0C', /without a response/],
    ['=> 00 A4 04 0C', /no response/],
    ['=> 00 A4 04 0C\n<= 90', /two status bytes/],
    ['hello', /expected "=>"/],
    ['=> 00 A4 04 ZZ\n<= 90 00', /non-hex/],
  ])('rejects %j with a line-numbered error', (text, message) => {
    expect(() => parseTranscript(text)).toThrow(MalformedDataError);
    expect(() => parseTranscript(text)).toThrow(message);
  });
});

describe('redactCommand', () => {
  it('hides the data field of short and extended commands but keeps header and Lc', () => {
    expect(redactCommand(fromHex('00 20 00 80 04 31 32 33 34'))).toEqual([0, 0x20, 0, 0x80, 4, null, null, null, null]);
    expect(redactCommand(fromHex('00 20 00 80 00 00 02 31 32'))).toEqual([0, 0x20, 0, 0x80, 0, 0, 2, null, null]);
    expect(redactCommand(fromHex('00 20 00 80'))).toEqual([0, 0x20, 0, 0x80]);
  });

  it('hides everything past the header of a command it cannot parse', () => {
    expect(redactCommand(fromHex('00 20 00 80 09 31 32'))).toEqual([0, 0x20, 0, 0x80, null, null, null]);
  });
});
