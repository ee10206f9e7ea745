import { describe, expect, it } from 'vitest';
import { describeExchange } from './apduLog';

const hexBytes = (text: string): Uint8Array => Uint8Array.from(text.split(' ').map((b) => parseInt(b, 16)));

describe('describeExchange (the bridge’s log line)', () => {
  it('shows header, lengths and status word only by default', () => {
    const select = hexBytes('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    expect(describeExchange(select, hexBytes('90 00'), false)).toBe('=> 00 A4 04 0C (15 bytes) <= 90 00 (2 bytes)');
  });

  it('never shows a VERIFY’s PIN bytes, even with --log-apdus', () => {
    const verify = hexBytes('00 20 00 80 04 31 32 33 34');
    const line = describeExchange(verify, hexBytes('63 C2'), true);
    expect(line).toBe('=> 00 20 00 80 ** PIN hidden ** <= 63 C2 (2 bytes)');
    expect(line).not.toContain('31 32');
  });

  it('logs a 4-digit PIN and a 16-character password alike: not even the length shows', () => {
    const short = describeExchange(hexBytes('00 20 00 80 04 31 32 33 34'), hexBytes('90 00'), false);
    const long = describeExchange(hexBytes(`00 20 00 80 10 ${'41 '.repeat(16)}`), hexBytes('90 00'), false);
    expect(short).toBe(long);
    expect(short).not.toMatch(/bytes\) <=|\b04\b|\b10\b/);
  });

  it('shows the bytes of other commands and responses when asked', () => {
    expect(describeExchange(hexBytes('00 B0 00 00 02'), hexBytes('30 82 90 00'), true)).toBe('=> 00 B0 00 00 (5 bytes) 02 <= 90 00 (4 bytes) 30 82');
  });
});
