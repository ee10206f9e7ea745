import { TransportError } from '../../transport/TransportError';
import { frameSizeFromIndex } from './frameSize';
import type { ExchangeFrame } from './IsoDepProtocol';
import { encodeAttrib, encodeWupb, parseAtqb, parseAttribResponse, type Atqb, type AttribResponse } from './typeB';

/** A Type B card brought to the ISO/IEC 14443-4 protocol state. */
export interface TypeBActivation {
  readonly atqb: Atqb;
  readonly attrib: AttribResponse;
  /** FSD we announced (bytes). */
  readonly fsd: number;
  /** WUPB attempts it took. */
  readonly attempts: number;
}

export interface TypeBActivationOptions {
  /** WUPB attempts before concluding there is no card (bounded polling). */
  readonly attempts: number;
  /** Pause between attempts. */
  readonly intervalMs: number;
  /** FSDI to announce in ATTRIB (8 = 256 bytes). */
  readonly fsdi: number;
}

/**
 * How long to wait for ATQB: nfcpy rcs380.py `sense_ttb` gives SENSB_REQ 30 ms (ISO/IEC 14443-3
 * §7.1.6 puts ATQB within a few ms of WUPB; the rest is margin for the chip).
 */
const ATQB_WAIT_MS = 30;

/**
 * ISO/IEC 14443-3 §7 activation of one Type B card: WUPB → ATQB, then ATTRIB with our FSD at
 * 106 kbit/s → answer (MBLI, CID), the answer awaited for the card's FWT (§7.10: "the PICC
 * shall answer ATTRIB within FWT"), at least ATQB_WAIT_MS. Resolves null when no card answered
 * in `attempts` tries; a card that answers but is not ISO/IEC 14443-4 is a typed error.
 */
export async function activateTypeB(exchange: ExchangeFrame, options: TypeBActivationOptions): Promise<TypeBActivation | null> {
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    const answer = await exchange(encodeWupb(), ATQB_WAIT_MS);
    if (answer.kind !== 'frame') continue;
    let atqb: Atqb;
    try {
      atqb = parseAtqb(answer.bytes);
    } catch {
      continue; // a collision or a damaged ATQB: poll again
    }
    if (!atqb.iso14443_4) throw new TransportError('transport/protocol', 'the card in the field does not speak ISO/IEC 14443-4', { protocolType: atqb.protocolType });
    const reply = await exchange(encodeAttrib({ pupi: atqb.pupi, fsdi: options.fsdi }), Math.max(ATQB_WAIT_MS, atqb.fwtMs));
    if (reply.kind !== 'frame' || reply.bytes.length === 0) continue;
    return { atqb, attrib: parseAttribResponse(reply.bytes), fsd: frameSizeFromIndex(options.fsdi), attempts: attempt };
  }
  return null;
}
