import { MalformedDataError } from '../../bytes';

/**
 * CCID 1.1 §6.1.7 Table 6.1-8 (abProtocolDataStructure for T=0) and §6.2.3 (the same structure in
 * RDR_to_PC_Parameters).
 */
export interface T0Parameters {
  readonly protocol: 0;
  /** bmFindexDindex: TA1 as the card sent it (high nibble Fi index, low nibble Di index). */
  readonly fiDi: number;
  readonly inverseConvention: boolean;
  /** bGuardTimeT0: TC1 (extra guard time). */
  readonly guardTime: number;
  /** bWaitingIntegerT0: TC2 (WI). */
  readonly waitingInteger: number;
  /** bClockStop: 0 not allowed, 1 low, 2 high, 3 either (TA of the T=15 group, bits 8..7). */
  readonly clockStop: number;
}

/** CCID 1.1 §6.1.7 Table 6.1-9: abProtocolDataStructure for T=1. */
export interface T1Parameters {
  readonly protocol: 1;
  readonly fiDi: number;
  readonly inverseConvention: boolean;
  /** Error detection code from the first TC for T=1 (ISO 7816-3 §11.4.4). */
  readonly edc: 'lrc' | 'crc';
  /** bGuardTimeT1: TC1. */
  readonly guardTime: number;
  /** Block waiting integer, 0..9 (high nibble of bmWaitingIntegersT1). */
  readonly bwi: number;
  /** Character waiting integer, 0..15 (low nibble). */
  readonly cwi: number;
  readonly clockStop: number;
  /** Card's information field size, 1..254. */
  readonly ifsc: number;
  readonly nad: number;
}

/** CCID 1.1 §6.1.7: either protocol's parameters, tagged by bProtocolNum. */
export type ProtocolParameters = T0Parameters | T1Parameters;

/** CCID 1.1 Tables 6.1-8 / 6.1-9: the protocol data structure bytes (5 for T=0, 7 for T=1). */
export function encodeProtocolData(p: ProtocolParameters): Uint8Array {
  const convention = p.inverseConvention ? 0x02 : 0x00;
  if (p.protocol === 0) {
    return Uint8Array.of(p.fiDi, convention, p.guardTime, p.waitingInteger, p.clockStop);
  }
  // bmTCCKST1 bits 7..2 are fixed at 000100b by the table; bit 0 chooses CRC.
  const tcck = 0x10 | convention | (p.edc === 'crc' ? 0x01 : 0x00);
  return Uint8Array.of(p.fiDi, tcck, p.guardTime, ((p.bwi & 0x0f) << 4) | (p.cwi & 0x0f), p.clockStop, p.ifsc, p.nad);
}

/** CCID 1.1 §6.2.3: reads the structure that RDR_to_PC_Parameters carries for bProtocolNum. */
export function decodeProtocolData(protocolNum: number, data: Uint8Array, source: string, offset: number): ProtocolParameters {
  const need = protocolNum === 0 ? 5 : protocolNum === 1 ? 7 : -1;
  if (need < 0) throw new MalformedDataError(source, offset - 1, `bProtocolNum ${protocolNum} is neither T=0 nor T=1`);
  if (data.length !== need) {
    throw new MalformedDataError(source, offset, `T=${protocolNum} parameters need ${need} bytes, got ${data.length}`);
  }
  const [fiDi, tcck, guardTime, waiting, clockStop] = [data[0]!, data[1]!, data[2]!, data[3]!, data[4]!];
  const inverseConvention = (tcck & 0x02) !== 0;
  if (protocolNum === 0) return { protocol: 0, fiDi, inverseConvention, guardTime, waitingInteger: waiting, clockStop };
  return {
    protocol: 1,
    fiDi,
    inverseConvention,
    edc: (tcck & 0x01) !== 0 ? 'crc' : 'lrc',
    guardTime,
    bwi: waiting >> 4,
    cwi: waiting & 0x0f,
    clockStop,
    ifsc: data[5]!,
    nad: data[6]!,
  };
}
