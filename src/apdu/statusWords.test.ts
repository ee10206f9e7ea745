import { describe, expect, it } from 'vitest';
import { SW, bytesRemaining, correctLe, describeStatusWord, retriesLeft, retriesStatus } from './statusWords';
import { StatusWordError } from './StatusWordError';
import { command } from './CommandApdu';

describe('status words', () => {
  it('reads tries left from 63Cx only', () => {
    expect(retriesLeft(0x63c3)).toBe(3);
    expect(retriesLeft(0x63c0)).toBe(0);
    expect(retriesLeft(0x6300)).toBeNull();
    expect(retriesLeft(0x6984)).toBeNull();
    expect(retriesStatus(2)).toBe(0x63c2);
    expect(() => retriesStatus(16)).toThrow(RangeError);
  });

  it('reads 61xx and 6Cxx, with 00 meaning 256', () => {
    expect(bytesRemaining(0x6110)).toBe(16);
    expect(bytesRemaining(0x6100)).toBe(256);
    expect(correctLe(0x6c04)).toBe(4);
    expect(correctLe(0x9000)).toBeNull();
  });

  it('describes the words the card reference lists', () => {
    expect(describeStatusWord(SW.SECURITY_STATUS_NOT_SATISFIED)).toMatch(/PIN required/);
    expect(describeStatusWord(0x6984)).toMatch(/blocked/);
    expect(describeStatusWord(0x63c1)).toBe('verification failed or queried: 1 try left');
    expect(describeStatusWord(0x6b00)).toMatch(/outside/);
  });

  it('StatusWordError carries the header and SW', () => {
    const error = StatusWordError.forCommand(command(0x00, 0xb0, 0x00, 0x00, { ne: 4 }), 0x6982);
    expect(error.sw).toBe(0x6982);
    expect(error.message).toBe('00 B0 00 00 → 6982 (security status not satisfied (PIN required))');
  });
});
