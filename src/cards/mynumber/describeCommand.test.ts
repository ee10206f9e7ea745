import { describe, expect, it } from 'vitest';
import { fromHex } from '../../bytes';
import { redactCommand } from '../../transport';
import { describeCommand } from './describeCommand';

describe('describeCommand (docs/card-reference.md §2)', () => {
  it('tells a tries-left VERIFY from one that carried a PIN, also once the PIN and its length are hidden', () => {
    expect(describeCommand(Array.from(fromHex('00 20 00 80')))).toBe('VERIFY (tries left)');
    expect(describeCommand(redactCommand(fromHex('00 20 00 80 04 31 32 33 34')))).toBe('VERIFY');
    expect(describeCommand(redactCommand(fromHex('00 20 00 80 08 4D 59 4E 41 32 30 32 36')))).toBe('VERIFY');
  });

  it('names the applet or file a command addresses', () => {
    expect(describeCommand(Array.from(fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')))).toBe('SELECT JPKI AP');
    expect(describeCommand(Array.from(fromHex('00 A4 02 0C 02 00 0A')))).toBe('SELECT EF 000A');
    expect(describeCommand(Array.from(fromHex('00 B0 01 00 00')))).toBe('READ BINARY @0100');
  });
});
