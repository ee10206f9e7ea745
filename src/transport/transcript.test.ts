import { describe, expect, it } from 'vitest';
import { MalformedDataError, fromHex, toHex } from '../bytes';
import { commandMatches, formatCommandHex, formatTranscript, parseTranscript } from './transcript';
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

describe('hidden bodies and withheld answers', () => {
  const REDACTED = '=> 00 20 00 80 ** PIN hidden **\n<= 90 00\n=> 00 B0 00 00 11\n<= -- -- -- 90 00\n';

  it('parses a hidden VERIFY body and withheld response bytes, and writes them back the same', () => {
    const [verify, read] = parseTranscript(REDACTED);
    expect(verify!.command).toEqual([0, 0x20, 0, 0x80, null]);
    expect(read!.withheld).toBe(3);
    expect(toHex(read!.response)).toBe('90 00');
    expect(formatTranscript(parseTranscript(REDACTED))).toBe(REDACTED);
  });

  it('matches a hidden body against a PIN of any length, but not a bare tries-left VERIFY', () => {
    const [verify] = parseTranscript(REDACTED);
    expect(commandMatches(verify!.command, fromHex('00 20 00 80 04 31 32 33 34'))).toBe(true);
    expect(commandMatches(verify!.command, fromHex('00 20 00 80 10' + ' 41'.repeat(16)))).toBe(true);
    expect(commandMatches(verify!.command, fromHex('00 20 00 80'))).toBe(false);
    expect(commandMatches(verify!.command, fromHex('00 20 00 81 04 31 32 33 34'))).toBe(false);
  });

  it.each([
    ['=> 00 20 ** PIN hidden **\n<= 90 00', /must follow exactly the 4 header bytes/],
    ['=> 00 B0 00 00 04\n<= -- -- 30 82 90 00', /withheld bytes/],
  ])('rejects %j', (text, message) => {
    expect(() => parseTranscript(text)).toThrow(message);
  });
});

describe('redactCommand', () => {
  it('keeps only the header: neither the PIN nor its length (Lc) shows', () => {
    expect(redactCommand(fromHex('00 20 00 80 04 31 32 33 34'))).toEqual([0, 0x20, 0, 0x80, null]);
    expect(redactCommand(fromHex('00 20 00 80 08 4D 59 4E 41 32 30 32 36'))).toEqual([0, 0x20, 0, 0x80, null]);
    expect(redactCommand(fromHex('00 20 00 80 00 00 02 31 32'))).toEqual([0, 0x20, 0, 0x80, null]);
    expect(redactCommand(fromHex('00 20 00 80'))).toEqual([0, 0x20, 0, 0x80]);
  });

  it('writes a 4-digit PIN and an 8-character password the same way', () => {
    const four = formatCommandHex(redactCommand(fromHex('00 20 00 80 04 31 32 33 34')));
    const eight = formatCommandHex(redactCommand(fromHex('00 20 00 80 08 4D 59 4E 41 32 30 32 36')));
    expect(four).toBe('00 20 00 80 ** PIN hidden **');
    expect(eight).toBe(four);
  });

  it('hides everything past the header of a command it cannot parse', () => {
    expect(redactCommand(fromHex('00 20 00 80 09 31 32'))).toEqual([0, 0x20, 0, 0x80, null]);
  });
});
