import { ByteReader, MalformedDataError } from '../bytes';
import { DI_TABLE, FI_TABLE } from './atrTables';

/** ISO/IEC 7816-3:2006 §8.2.3: one group of interface bytes TAi, TBi, TCi, TDi (i from 1). */
export interface AtrInterfaceGroup {
  readonly index: number;
  readonly ta: number | null;
  readonly tb: number | null;
  readonly tc: number | null;
  readonly td: number | null;
}

/** ISO/IEC 7816-3:2006 §11.4: the T=1 parameters the ATR sets (or their defaults). */
export interface AtrT1Parameters {
  /** First TA for T=1 (i > 2); default 32. */
  readonly ifsc: number;
  /** First TB for T=1, high nibble; default 4. */
  readonly bwi: number;
  /** First TB for T=1, low nibble; default 13. */
  readonly cwi: number;
  /** First TC for T=1, bit 1; default LRC. */
  readonly edc: 'lrc' | 'crc';
}

/** ISO/IEC 7816-3:2006 §8: an Answer-to-Reset, decoded. */
export interface Atr {
  readonly raw: Uint8Array;
  /** TS: 3B direct, 3F inverse (§8.1). */
  readonly convention: 'direct' | 'inverse';
  readonly t0: number;
  readonly groups: readonly AtrInterfaceGroup[];
  /** Transmission protocols offered, T=15 excluded, in order of first mention; [0] when TD1 is absent. */
  readonly protocols: readonly number[];
  /** True when some TDi names T=15 (global interface bytes follow). */
  readonly hasGlobalT15: boolean;
  /** TA1 as sent, or 0x11 (Fi 372, Di 1) when absent; what CCID SetParameters calls bmFindexDindex. */
  readonly fiDi: number;
  /** null for an RFU index. */
  readonly fi: number | null;
  readonly di: number | null;
  readonly fMaxMHz: number | null;
  /** TC1 (N), 0 when absent. */
  readonly extraGuardTime: number;
  /** TC1 = FF: the minimum guard time (12 etu for T=0, 11 etu for T=1), §8.3. */
  readonly minimumGuardTime: boolean;
  /** TA2 present: the card runs in specific mode for this protocol (§8.3 / §6.3.1). */
  readonly specificMode: { readonly protocol: number; readonly canChange: boolean; readonly implicitParameters: boolean } | null;
  /** TC2, WI for T=0 (§10.2); default 10. */
  readonly t0WaitingInteger: number;
  /** Present whenever T=1 is offered. */
  readonly t1: AtrT1Parameters | null;
  /** First TA for T=15, bits 8..7: 0 clock stop not supported, 1 low, 2 high, 3 no preference (§8.3). */
  readonly clockStop: number;
  /** First TA for T=15, bits 6..1: class indicator (A 5 V, B 3 V, C 1.8 V). 0 when absent. */
  readonly classIndicator: number;
  readonly historical: Uint8Array;
  /** null when absent (only T=0 offered). */
  readonly tck: number | null;
}

const SOURCE = 'ATR';
/** §8.2.1: at most 32 characters after TS. */
const MAX_ATR_LENGTH = 33;

/**
 * ISO/IEC 7816-3:2006 §8.2: parses an ATR as the reader reports it (TS first, already in direct
 * byte values). Refuses a bad TS, missing bytes, bytes after the end, a missing or wrong TCK
 * (§8.2.5: present unless only T=0 is offered; T0..TCK XOR to zero) and RFU T=1 parameters.
 */
export function parseAtr(bytes: Uint8Array): Atr {
  const r = new ByteReader(bytes, SOURCE);
  if (bytes.length > MAX_ATR_LENGTH) throw new MalformedDataError(SOURCE, MAX_ATR_LENGTH, `an ATR has at most 33 bytes, got ${bytes.length}`);
  const ts = r.u8();
  if (ts !== 0x3b && ts !== 0x3f) throw new MalformedDataError(SOURCE, 0, `TS 0x${ts.toString(16)} is neither 3B nor 3F`);
  const t0 = r.u8();
  const groups: AtrInterfaceGroup[] = [];
  const protocols: number[] = [];
  const offsets = new Map<string, number>();
  let y = t0 >> 4;
  let tckRequired = false;
  let hasGlobalT15 = false;
  for (let index = 1; y !== 0; index++) {
    const read = (bit: number, name: string): number | null => {
      if ((y & bit) === 0) return null;
      offsets.set(`${name}${index}`, r.offset);
      return r.u8();
    };
    const group = { index, ta: read(1, 'TA'), tb: read(2, 'TB'), tc: read(4, 'TC'), td: read(8, 'TD') };
    groups.push(group);
    y = group.td === null ? 0 : group.td >> 4;
    if (group.td !== null) {
      const t = group.td & 0x0f;
      if (t !== 0) tckRequired = true;
      if (t === 15) hasGlobalT15 = true;
      else if (!protocols.includes(t)) protocols.push(t);
    }
  }
  if (protocols.length === 0) protocols.push(0);
  const historical = r.bytesOf(t0 & 0x0f);
  let tck: number | null = null;
  if (tckRequired) {
    const at = r.offset;
    tck = r.u8();
    let check = 0;
    for (const b of bytes.subarray(1, at + 1)) check ^= b;
    if (check !== 0) throw new MalformedDataError(SOURCE, at, `TCK ${tck.toString(16)} does not make T0..TCK XOR to zero (off by ${check.toString(16)})`);
  }
  if (!r.atEnd) throw r.error(`${r.remaining} bytes after the end of the ATR`);
  return decode(bytes, ts, t0, groups, protocols, hasGlobalT15, historical, tck, offsets);
}

function decode(
  raw: Uint8Array,
  ts: number,
  t0: number,
  groups: readonly AtrInterfaceGroup[],
  protocols: readonly number[],
  hasGlobalT15: boolean,
  historical: Uint8Array,
  tck: number | null,
  offsets: ReadonlyMap<string, number>,
): Atr {
  const g1 = groups[0];
  const g2 = groups[1];
  const fiDi = g1?.ta ?? 0x11;
  const fiEntry = FI_TABLE[fiDi >> 4] ?? null;
  const ta2 = g2?.ta ?? null;
  const t15 = firstSpecific(groups, 15);
  return {
    raw,
    convention: ts === 0x3b ? 'direct' : 'inverse',
    t0,
    groups,
    protocols,
    hasGlobalT15,
    fiDi,
    fi: fiEntry?.fi ?? null,
    di: DI_TABLE[fiDi & 0x0f] ?? null,
    fMaxMHz: fiEntry?.fMaxMHz ?? null,
    extraGuardTime: g1?.tc ?? 0,
    minimumGuardTime: g1?.tc === 0xff,
    specificMode: ta2 === null ? null : { protocol: ta2 & 0x0f, canChange: (ta2 & 0x80) === 0, implicitParameters: (ta2 & 0x10) !== 0 },
    t0WaitingInteger: g2?.tc ?? 10,
    t1: protocols.includes(1) ? t1Parameters(groups, offsets) : null,
    clockStop: t15?.ta == null ? 0 : t15.ta >> 6,
    classIndicator: t15?.ta == null ? 0 : t15.ta & 0x3f,
    historical,
    tck,
  };
}

/** §8.2.3: the first group whose bytes are specific to protocol T: group i > 2 after a TD(i-1) naming T. */
function firstSpecific(groups: readonly AtrInterfaceGroup[], t: number): AtrInterfaceGroup | null {
  for (let i = 2; i < groups.length; i++) {
    const previous = groups[i - 1]!;
    if (previous.td !== null && (previous.td & 0x0f) === t) return groups[i]!;
  }
  return null;
}

function t1Parameters(groups: readonly AtrInterfaceGroup[], offsets: ReadonlyMap<string, number>): AtrT1Parameters {
  const group = firstSpecific(groups, 1);
  const ifsc = group?.ta ?? 32;
  const tb = group?.tb ?? 0x4d;
  // §11.4.2: IFSC 00 and FF are RFU; §11.4.3: BWI A..F are RFU.
  if (ifsc === 0x00 || ifsc === 0xff) {
    throw new MalformedDataError(SOURCE, offsets.get(`TA${group?.index}`) ?? 0, `IFSC 0x${ifsc.toString(16)} is reserved`);
  }
  if (tb >> 4 > 9) throw new MalformedDataError(SOURCE, offsets.get(`TB${group?.index}`) ?? 0, `BWI ${tb >> 4} is reserved`);
  return { ifsc, bwi: tb >> 4, cwi: tb & 0x0f, edc: ((group?.tc ?? 0) & 0x01) !== 0 ? 'crc' : 'lrc' };
}
