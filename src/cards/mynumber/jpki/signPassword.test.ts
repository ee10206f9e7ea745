import { describe, expect, it } from 'vitest';
import type { PinStatus } from '../AppletBase';
import { decodeCertificateFlags } from './certificateFlags';
import { signPasswordNotIssued } from './signPassword';

const BOTH = decodeCertificateFlags(Uint8Array.of(0x8f, 0x8f, 0x00));
const NO_SIGN = decodeCertificateFlags(Uint8Array.of(0x00, 0x8f, 0x00));
const probe = (triesLeft: number): PinStatus => ({ pinId: 'jpkiSign', maxTries: 5, triesLeft, blocked: triesLeft === 0, verified: false });

describe('signPasswordNotIssued (docs/card-reference.md §6.1, §12)', () => {
  it('is "not issued" when EF 0008 byte 0 is not 8F and the probe shows no live counter (63C0)', () => {
    expect(signPasswordNotIssued(NO_SIGN, probe(0))).toBe(true);
  });

  it('is "not issued" when EF 0008 says so and the key EF gave no counter at all (6A82 on SELECT)', () => {
    expect(signPasswordNotIssued(NO_SIGN, null)).toBe(true);
  });

  it('is a real block, not "not issued", when EF 0008 says a signature certificate exists', () => {
    expect(signPasswordNotIssued(BOTH, probe(0))).toBe(false);
  });

  it('concludes nothing without EF 0008: 63C0 alone stays "blocked"', () => {
    expect(signPasswordNotIssued(null, probe(0))).toBe(false);
  });

  it('never hides a counter that still has tries, whatever EF 0008 says', () => {
    expect(signPasswordNotIssued(NO_SIGN, probe(3))).toBe(false);
    expect(signPasswordNotIssued(NO_SIGN, { ...probe(5), verified: true })).toBe(false);
  });
});
