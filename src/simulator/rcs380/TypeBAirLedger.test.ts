import { describe, expect, it } from 'vitest';
import { TypeBAirLedger } from './TypeBAirLedger';
import { etuMicros, exchangeMicros } from './typeBAirTime';

/** Hand-worked from ISO/IEC 14443-2/-3 Type B timing: an etu at 424 kbit/s is 32/fc ≈ 2.36 µs; TR0 + TR1 = 2304/fc ≈ 169.9 µs. */
describe('the Type B link-time ledger', () => {
  it('splits an I-block exchange into payload, PCB, SOF/EOF/CRC_B and turnaround, by kind and rate', () => {
    const ledger = new TypeBAirLedger();
    // I-block with a 5-byte APDU + CRC_B out; I-block with 90 00 + CRC_B back.
    ledger.count([0x02, 0x00, 0xa4, 0x04, 0x0c, 0x00, 0xaa, 0xbb], [0x02, 0x90, 0x00, 0xcc, 0xdd], 424, 424);
    const etu = etuMicros(424);
    const totals = ledger.byKind.get('I-block at 424 kbit/s')!;
    expect(totals.exchanges).toBe(1);
    expect(totals.payload).toBeCloseTo((5 + 2) * 10 * etu, 6);
    expect(totals.protocol).toBeCloseTo(2 * 10 * etu, 6); // the two PCBs
    expect(totals.framing).toBeCloseTo(2 * (12 + 10 + 20) * etu, 6);
    expect(totals.turnaround).toBeCloseTo((2304 / 13.56e6) * 1e6 + 14 * etu, 6);
    expect(ledger.micros).toBeCloseTo(exchangeMicros(8, 5, 424, 424), 6);
    expect([ledger.bytesToCard, ledger.bytesToReader]).toEqual([8, 5]);
  });

  it('counts activation at its own rate and a silent card with no turnaround', () => {
    const ledger = new TypeBAirLedger();
    ledger.count([0x05, 0x00, 0x08, 0x39, 0x73], null, 106, 106);
    ledger.count([0xa3, 0x11, 0x22], [0x12, 0x01, 0x02, 0x33, 0x44], 424, 424);
    expect(ledger.byKind.get('WUPB/REQB at 106 kbit/s')).toMatchObject({ exchanges: 1, payload: 0, turnaround: 0 });
    expect(ledger.byKind.get('R(ACK) at 424 kbit/s')?.payload).toBeCloseTo(2 * 10 * etuMicros(424), 6);
  });
});
