import { describe, expect, it } from 'vitest';
import { fromHex, MalformedDataError, toHex } from '../bytes';
import { parseAtr } from './atr';

function failure(hex: string): MalformedDataError {
  try {
    parseAtr(fromHex(hex));
  } catch (e) {
    if (e instanceof MalformedDataError) return e;
    throw e;
  }
  throw new Error('expected MalformedDataError');
}

describe('parseAtr (ISO/IEC 7816-3:2006 §8)', () => {
  it('decodes the My Number Card contact ATR (docs/card-reference.md §1, docs/test-rigs.md §A.3)', () => {
    // T0=E0: TB1 TC1 TD1, K=0. TC1=FF. TD1=81: TD2 follows, T=1. TD2=31: TA3 TB3, T=1.
    // TA3=FE → IFSC 254; TB3=45 → BWI 4, CWI 5. TCK: E0^00^FF^81^31^FE^45 = 14.
    const atr = parseAtr(fromHex('3B E0 00 FF 81 31 FE 45 14'));
    expect(atr).toMatchObject({
      convention: 'direct',
      protocols: [1],
      hasGlobalT15: false,
      fiDi: 0x11,
      fi: 372,
      di: 1,
      fMaxMHz: 5,
      extraGuardTime: 0xff,
      minimumGuardTime: true,
      specificMode: null,
      t1: { ifsc: 254, bwi: 4, cwi: 5, edc: 'lrc' },
      tck: 0x14,
    });
    expect(atr.historical).toHaveLength(0);
    expect(atr.groups).toEqual([
      { index: 1, ta: null, tb: 0x00, tc: 0xff, td: 0x81 },
      { index: 2, ta: null, tb: null, tc: null, td: 0x31 },
      { index: 3, ta: 0xfe, tb: 0x45, tc: null, td: null },
    ]);
  });

  it('decodes a T=0 ATR with three historical bytes and no TCK', () => {
    const atr = parseAtr(fromHex('3B 03 4A 50 4B'));
    expect(atr).toMatchObject({ protocols: [0], t1: null, tck: null, fi: 372, di: 1, t0WaitingInteger: 10, extraGuardTime: 0, minimumGuardTime: false });
    expect(toHex(atr.historical)).toBe('4A 50 4B');
  });

  it('decodes the other contact-style ATRs listed for My Number / JPKI (docs/card-reference.md §1)', () => {
    // DA: TA1 TC1 TD1, K=10; TA1=13 → Fi 372, Di 4; TA3=FB → IFSC 251; TB3=46 → BWI 4, CWI 6.
    const a = parseAtr(fromHex('3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B'));
    expect(a).toMatchObject({ fi: 372, di: 4, fMaxMHz: 5, protocols: [1], t1: { ifsc: 251, bwi: 4, cwi: 6 }, tck: 0x3b });
    expect(toHex(a.historical)).toBe('80 12 39 2F 31 C1 73 C6 01 C0');
    // C5: TC1 TD1, K=5; TCK is 00.
    const b = parseAtr(fromHex('3B C5 FF 81 31 FB 45 80 73 C6 01 00 00'));
    expect(b).toMatchObject({ protocols: [1], t1: { ifsc: 251, bwi: 4, cwi: 5 }, tck: 0x00 });
    expect(toHex(b.historical)).toBe('80 73 C6 01 00');
  });

  it('decodes the reader-synthesised contactless ATRs (docs/card-reference.md §1): T=0 and T=1 offered, T=1 defaults', () => {
    for (const [hex, historical] of [
      ['3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F', '00 00 05 E0 B3 81 A1 00'],
      ['3B 88 80 01 00 00 41 E0 B3 81 A1 00 3B', '00 00 41 E0 B3 81 A1 00'],
      ['3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F', '00 4B 51 FF B3 81 D1 00'],
    ] as const) {
      const atr = parseAtr(fromHex(hex));
      // TD1=80 names T=0 with TD2 following; TD2=01 names T=1; no T=1 group, so ISO defaults.
      expect(atr).toMatchObject({ protocols: [0, 1], t1: { ifsc: 32, bwi: 4, cwi: 13, edc: 'lrc' } });
      expect(toHex(atr.historical)).toBe(historical);
    }
  });

  it('decodes a contactless ATR with TA1, specific mode in TA2 and the T=1 group in group 4', () => {
    // F5: TA1..TD1, K=5. TA1=91 → Fi 512 (f max 5), Di 1. TD1=91: TA2 TD2, T=1. TA2=81: specific
    // mode T=1, cannot change. TD2=81: TD3, T=1. TD3=71: TA4 TB4 TC4, T=1 → IFSC 254, BWI 4, CWI 0, LRC.
    const atr = parseAtr(fromHex('3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6'));
    expect(atr).toMatchObject({
      fiDi: 0x91,
      fi: 512,
      di: 1,
      fMaxMHz: 5,
      specificMode: { protocol: 1, canChange: false, implicitParameters: false },
      protocols: [1],
      t1: { ifsc: 254, bwi: 4, cwi: 0, edc: 'lrc' },
      tck: 0xd6,
    });
    expect(toHex(atr.historical)).toBe('42 00 01 00 D1');
  });

  it('reads the T=15 global bytes (clock stop, class) and CRC from the first TC for T=1', () => {
    // 3F inverse. T0=80: TD1. TD1=81 → TD2, T=1. TD2=1F → TA3, T=15: group 3 is the first T=15
    // group, TA3=C3 → clock stop 3 (no preference), class bits 000011 (A and B). No T=1 group, so
    // T=1 keeps its defaults. TCK: 80^81^1F^C3 = DD.
    // Second ATR: TD1=81, TD2=41 → TC3, T=1; TC3=01 → CRC. TCK: 80^81^41^01 = 41.
    const global = parseAtr(fromHex('3F 80 81 1F C3 DD'));
    expect(global).toMatchObject({ convention: 'inverse', protocols: [1], hasGlobalT15: true, clockStop: 3, classIndicator: 3, t1: { ifsc: 32, edc: 'lrc' } });
    const crc = parseAtr(fromHex('3B 80 81 41 01 41'));
    expect(crc.t1).toEqual({ ifsc: 32, bwi: 4, cwi: 13, edc: 'crc' });
  });

  it('refuses a bad TS at offset 0 and missing interface or historical bytes where they run out', () => {
    expect(failure('3A E0 00 FF 81 31 FE 45 14')).toMatchObject({ offset: 0 });
    expect(failure('3B E0 00 FF 81 31 FE')).toMatchObject({ offset: 7 });
    // The three historical bytes are reported missing from where they start.
    expect(failure('3B 03 4A 50')).toMatchObject({ offset: 2 });
    expect(failure('3B')).toMatchObject({ offset: 1 });
  });

  it('refuses a wrong or missing TCK (§8.2.5) at the TCK offset', () => {
    expect(failure('3B E0 00 FF 81 31 FE 45 15')).toMatchObject({ offset: 8 });
    expect(failure('3B E0 00 FF 81 31 FE 45')).toMatchObject({ offset: 8 });
  });

  it('refuses bytes after the end, an ATR over 33 bytes, IFSC 00/FF and BWI above 9', () => {
    expect(failure('3B 03 4A 50 4B 00')).toMatchObject({ offset: 5 });
    expect(failure(`3B 0F ${'00 '.repeat(15)} ${'00 '.repeat(17)}`)).toMatchObject({ offset: 33 });
    // TA3=FF: E0^00^FF^81^31^FF^45 = 15.
    expect(failure('3B E0 00 FF 81 31 FF 45 15')).toMatchObject({ offset: 6 });
    // TB3=A5: E0^00^FF^81^31^FE^A5 = F4.
    expect(failure('3B E0 00 FF 81 31 FE A5 F4')).toMatchObject({ offset: 7 });
  });
});
