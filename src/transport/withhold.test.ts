import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { hiddenBody } from './transcript';
import { withholdPinProtectedAnswers } from './withhold';

/** Hand-written from docs/card-reference.md §5 and §7.1: the text applet, its PIN (EF 0011), My Number (EF 0001). */
const TEXT = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08';
const exchange = (command: string | (number | null)[], response: string) => ({
  command: typeof command === 'string' ? Array.from(fromHex(command)) : command,
  response: fromHex(response),
});

describe('withholdPinProtectedAnswers', () => {
  it('withholds the data of answers given while a PIN is verified in the applet, keeping length and status word', () => {
    const out = withholdPinProtectedAnswers([
      exchange(TEXT, '90 00'),
      exchange('00 A4 02 0C 02 00 04', '90 00'),
      exchange('00 B0 00 00 05', '7F 21 82 02 33 90 00'), // free: read before the PIN
      exchange('00 A4 02 0C 02 00 11', '90 00'),
      exchange(hiddenBody([0x00, 0x20, 0x00, 0x80]), '90 00'),
      exchange('00 A4 02 0C 02 00 01', '90 00'),
      exchange('00 B0 00 00 11', 'FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF 90 00'),
      exchange(TEXT, '90 00'), // selecting the applet again forgets the PIN (§5)
      exchange('00 A4 02 0C 02 00 04', '90 00'),
      exchange('00 B0 00 00 05', '7F 21 82 02 33 90 00'),
    ]);
    expect(out.map((e) => e.withheld)).toEqual([0, 0, 0, 0, 0, 0, 17, 0, 0, 0]);
    expect(toHex(out[6]!.response)).toBe('90 00');
    expect(toHex(out[9]!.response)).toBe('7F 21 82 02 33 90 00');
  });

  it('keeps everything after a wrong PIN: nothing was opened', () => {
    const out = withholdPinProtectedAnswers([
      exchange(TEXT, '90 00'),
      exchange('00 A4 02 0C 02 00 11', '90 00'),
      exchange(hiddenBody([0x00, 0x20, 0x00, 0x80]), '63 C2'),
      exchange('00 A4 02 0C 02 00 01', '90 00'),
      exchange('00 B0 00 00 11', '69 82'),
      exchange('00 A4 02 0C 02 00 05', '90 00'),
      exchange('00 B0 00 00 05', 'FF 40 82 00 9F 90 00'),
    ]);
    expect(out.every((e) => e.withheld === 0)).toBe(true);
  });
});
