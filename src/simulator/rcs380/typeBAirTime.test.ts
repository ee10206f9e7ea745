import { describe, expect, it } from 'vitest';
import { etuMicros, exchangeMicros, frameMicros, payloadCharactersMicros, payloadOnlyMicros } from './typeBAirTime';

/** Figures worked out by hand from ISO/IEC 14443-2/-3 Type B timing (fc = 13.56 MHz, etu = 128/fc at 106 kbit/s). */
describe('the Type B link-time model', () => {
  it('one etu is 9.44 µs at 106 kbit/s and halves with each doubling', () => {
    expect(etuMicros(106)).toBeCloseTo(9.4395, 3);
    expect(etuMicros(212)).toBeCloseTo(4.7198, 3);
    expect(etuMicros(424)).toBeCloseTo(2.3599, 3);
    expect(etuMicros(847)).toBeCloseTo(1.1799, 3);
  });

  it('a frame is SOF (12 etu) + 10 etu a byte + EOF (10 etu): WUPB with CRC_B, 5 bytes, is 72 etu ≈ 679.6 µs at 106', () => {
    expect(frameMicros(5, 106)).toBeCloseTo(72 * 9.4395, 1);
  });

  it('an exchange adds TR0 + TR1 (2304/fc ≈ 169.9 µs), the card frame and the reader guard of 14 etu', () => {
    // R(NAK) + CRC (3 bytes) out, R(ACK) + CRC (3 bytes) back, at 424: 2 × 52 etu + 14 etu = 118 etu of 2.36 µs, plus 169.9 µs.
    expect(exchangeMicros(3, 3, 424, 424)).toBeCloseTo(118 * 2.3599 + 169.91, 1);
    expect(exchangeMicros(3, null, 106, 106)).toBeCloseTo(frameMicros(3, 106), 6);
  });

  it('the payload-only floor is 8 bits a byte at the rate: 1 KiB at 424 kbit/s ≈ 19.3 ms', () => {
    expect(payloadOnlyMicros(1024, 424)).toBeCloseTo(19320.75, 1);
  });

  it('as characters the same 1 KiB at 424 kbit/s is 10 240 etu of 2.36 µs ≈ 24.17 ms: 1.25× the raw bits', () => {
    expect(payloadCharactersMicros(1024, 424)).toBeCloseTo(10240 * 2.35988, 0);
    expect(payloadCharactersMicros(1024, 424) / payloadOnlyMicros(1024, 424)).toBeCloseTo(1.25, 2);
  });
});
