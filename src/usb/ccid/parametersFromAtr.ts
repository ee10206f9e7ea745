import type { Atr } from '../atr';
import type { T0Parameters, T1Parameters } from './parameters';

/**
 * CCID 1.1 §6.1.7 Table 6.1-9 filled from ISO/IEC 7816-3 §8.3 and §11.4: what a TPDU-level reader
 * without automatic parameter negotiation must be told before T=1 blocks flow. TC1 goes over as is
 * (FF keeps its "minimum guard time" meaning in bGuardTimeT1); NAD is 0, as we address one card.
 * Returns null when the card does not offer T=1.
 */
export function t1ParametersFromAtr(atr: Atr): T1Parameters | null {
  if (!atr.t1) return null;
  return {
    protocol: 1,
    fiDi: atr.fiDi,
    inverseConvention: atr.convention === 'inverse',
    edc: atr.t1.edc,
    guardTime: atr.extraGuardTime,
    bwi: atr.t1.bwi,
    cwi: atr.t1.cwi,
    clockStop: atr.clockStop,
    ifsc: atr.t1.ifsc,
    nad: 0,
  };
}

/**
 * CCID 1.1 §6.1.7 Table 6.1-8 from ISO/IEC 7816-3 §8.3 and §10.2: the T=0 parameters (TA1, TC1,
 * WI from TC2) for a TPDU-level reader that leaves them to the host.
 */
export function t0ParametersFromAtr(atr: Atr): T0Parameters {
  return {
    protocol: 0,
    fiDi: atr.fiDi,
    inverseConvention: atr.convention === 'inverse',
    guardTime: atr.extraGuardTime,
    waitingInteger: atr.t0WaitingInteger,
    clockStop: atr.clockStop,
  };
}
