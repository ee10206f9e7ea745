import { TransportError } from '../../transport/TransportError';
import { decodeIsoDepBlock, encodeIsoDepBlock } from './block';
import { frameSizeFromIndex } from './frameSize';
import type { ExchangeFrame } from './IsoDepProtocol';
import {
  chooseTypeBBitRates,
  DEFAULT_TYPE_B_RATES,
  encodeAttrib,
  encodeWupb,
  parseAtqb,
  parseAttribResponse,
  type Atqb,
  type AttribResponse,
  type TypeBBitRates,
} from './typeB';

/** A Type B card brought to the ISO/IEC 14443-4 protocol state. */
export interface TypeBActivation {
  readonly atqb: Atqb;
  readonly attrib: AttribResponse;
  /** FSD we announced (bytes). */
  readonly fsd: number;
  /** WUPB attempts it took. */
  readonly attempts: number;
  /** The bit rates in use after ATTRIB. */
  readonly bitRates: TypeBBitRates;
  /** Set when the card did not answer at these higher rates and was activated again at 106 kbit/s. */
  readonly fellBackFrom: TypeBBitRates | null;
}

/** How a reader moves to another bit rate; a reader without it stays at 106 kbit/s. */
export interface BitRateControl {
  /** Rates above 106 kbit/s the reader can run (e.g. [212, 424] for the RC-S380's Port-100). */
  readonly rates: readonly number[];
  /** Sets the reader's RF and framing for these rates (after the answer to ATTRIB, and back to 106 on fallback). */
  readonly set: (rates: TypeBBitRates) => Promise<void>;
  /** Field off and on again, so a card left at a higher rate powers up anew at 106 kbit/s. */
  readonly resetField: () => Promise<void>;
}

export interface TypeBActivationOptions {
  /** WUPB attempts before concluding there is no card (bounded polling). */
  readonly attempts: number;
  /** Pause between attempts. */
  readonly intervalMs: number;
  /** FSDI to announce in ATTRIB (8 = 256 bytes). */
  readonly fsdi: number;
  /** The reader's other bit rates; without it ATTRIB asks for 106 kbit/s both ways. */
  readonly bitRates?: BitRateControl;
}

/**
 * How long to wait for ATQB: nfcpy rcs380.py `sense_ttb` gives SENSB_REQ 30 ms (ISO/IEC 14443-3
 * §7.1.6 puts ATQB within a few ms of WUPB; the rest is margin for the chip).
 */
const ATQB_WAIT_MS = 30;
/** R(NAK) probes at the new rate before falling back (the ISO-DEP retransmission count, plus the first). */
const RATE_PROBES = 3;

const isDefault = (r: TypeBBitRates) => r.toCard === 106 && r.toReader === 106;

/**
 * ISO/IEC 14443-3 §7 activation of one Type B card: WUPB → ATQB, then ATTRIB with our FSD and the
 * fastest bit rates both sides support (`chooseTypeBBitRates`) → answer (MBLI, CID), awaited for
 * the card's FWT (§7.10: "the PICC shall answer ATTRIB within FWT"), at least ATQB_WAIT_MS.
 *
 * The answer to ATTRIB still comes at 106 kbit/s; only then do both sides switch (§7.10.4). The
 * reader follows, and one R(NAK) — which a card in the protocol state answers with R(ACK), ISO/IEC
 * 14443-4 §7.5.4 rule 11, leaving the block numbers as they were — proves the card hears and is
 * heard at the new rate. If it is not, or the card ignored the ATTRIB, the reader goes back to
 * 106 kbit/s, cycles the field so the card starts over, and activates it again asking for 106.
 *
 * Resolves null when no card answered in `attempts` tries; a card that answers but is not
 * ISO/IEC 14443-4 is a typed error.
 */
export async function activateTypeB(exchange: ExchangeFrame, options: TypeBActivationOptions): Promise<TypeBActivation | null> {
  let fellBackFrom: TypeBBitRates | null = null;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    let outcome = await pollOnce(exchange, options, fellBackFrom ? undefined : options.bitRates);
    if (outcome.kind === 'not-heard' && options.bitRates) {
      // Not heard at the higher rate (or ATTRIB ignored): the card powered anew, activated at 106 within this attempt.
      fellBackFrom = outcome.rates;
      await options.bitRates.resetField();
      outcome = await pollOnce(exchange, options, undefined);
    }
    if (outcome.kind === 'activated') return { ...outcome.activation, attempts: attempt, fellBackFrom };
  }
  return null;
}

type PollOutcome =
  | { readonly kind: 'activated'; readonly activation: Omit<TypeBActivation, 'attempts' | 'fellBackFrom'> }
  | { readonly kind: 'no-card' }
  /** ATTRIB asked for `rates` above 106 and the card was not heard at them. */
  | { readonly kind: 'not-heard'; readonly rates: TypeBBitRates };

/** One WUPB → ATQB → ATTRIB round, at the fastest common rate when the reader can change rates. */
async function pollOnce(exchange: ExchangeFrame, options: TypeBActivationOptions, control: BitRateControl | undefined): Promise<PollOutcome> {
  const answer = await exchange(encodeWupb(), ATQB_WAIT_MS);
  if (answer.kind !== 'frame') return { kind: 'no-card' };
  let atqb: Atqb;
  try {
    atqb = parseAtqb(answer.bytes);
  } catch {
    return { kind: 'no-card' }; // a collision or a damaged ATQB: poll again
  }
  if (!atqb.iso14443_4) throw new TransportError('transport/protocol', 'the card in the field does not speak ISO/IEC 14443-4', { protocolType: atqb.protocolType });
  const bitRates = control ? chooseTypeBBitRates(atqb, control.rates) : DEFAULT_TYPE_B_RATES;
  const reply = await exchange(encodeAttrib({ pupi: atqb.pupi, fsdi: options.fsdi, bitRates }), Math.max(ATQB_WAIT_MS, atqb.fwtMs));
  const answered = reply.kind === 'frame' && reply.bytes.length > 0 ? reply.bytes : null;
  const activated = (bytes: Uint8Array): PollOutcome => ({
    kind: 'activated',
    activation: { atqb, attrib: parseAttribResponse(bytes), fsd: frameSizeFromIndex(options.fsdi), bitRates },
  });
  if (!control || isDefault(bitRates)) return answered ? activated(answered) : { kind: 'no-card' };
  if (answered) {
    await control.set(bitRates);
    if (await answersAt(exchange, atqb.fwtMs)) return activated(answered);
    await control.set(DEFAULT_TYPE_B_RATES);
  }
  return { kind: 'not-heard', rates: bitRates };
}

/** One R(NAK) with block number 0, up to RATE_PROBES times: any valid block back means the link works. */
async function answersAt(exchange: ExchangeFrame, fwtMs: number): Promise<boolean> {
  const nak = encodeIsoDepBlock({ kind: 'R', blockNumber: 0, ack: false });
  for (let probe = 0; probe < RATE_PROBES; probe++) {
    const outcome = await exchange(nak, Math.max(ATQB_WAIT_MS, fwtMs));
    if (outcome.kind !== 'frame') continue;
    try {
      decodeIsoDepBlock(outcome.bytes);
      return true;
    } catch {
      // a damaged or invalid block: ask again
    }
  }
  return false;
}
