import { toHex } from '../../bytes';
import { TransportError } from '../../transport';

/**
 * ISO/IEC 7816-3:2006 §9.2: a PPS request is PPSS (FF), PPS0 (bit 5 says PPS1 follows, bits 4..1
 * name the protocol T), PPS1 (Fi/Di, coded as TA1) when present, and PCK, chosen so that every
 * byte from PPSS to PCK XORs to zero. We send PPS1 only; PPS2 and PPS3 stay absent.
 */
export function encodePpsRequest(protocol: 0 | 1, pps1: number | null): Uint8Array {
  const body = pps1 === null ? [0xff, protocol] : [0xff, 0x10 | protocol, pps1];
  return Uint8Array.of(...body, body.reduce((x, b) => x ^ b, 0));
}

/** What a successful PPS exchange leaves in force (ISO/IEC 7816-3:2006 §9.3). */
export interface PpsOutcome {
  readonly protocol: 0 | 1;
  /** The Fi/Di the card agreed to: its PPS1 echo, else the default 11 (Fi 372, Di 1). */
  readonly fiDi: number;
}

/**
 * ISO/IEC 7816-3:2006 §9.3: the card's PPS response is successful when PPSS and PPS0's protocol
 * echo the request, PCK checks, and PPS1 is either echoed or left out (then Fi/Di stay at the
 * default). Anything else is a failed exchange: the card must be reset before it is used again.
 */
export function checkPpsResponse(request: Uint8Array, response: Uint8Array): PpsOutcome {
  const fail = (reason: string): never => {
    throw new TransportError('transport/protocol', `PPS failed: ${reason}`, { request: toHex(request), response: toHex(response) });
  };
  if (response.length < 3) fail(`the card answered ${response.length} bytes`);
  if (response.reduce((x, b) => x ^ b, 0) !== 0) fail('PCK does not check');
  if (response[0] !== 0xff) fail('PPSS is not FF');
  const protocol = response[1]! & 0x0f;
  if (protocol !== (request[1]! & 0x0f)) fail(`the card answered T=${protocol}`);
  const requestedPps1 = (request[1]! & 0x10) !== 0 ? request[2]! : null;
  const echoedPps1 = (response[1]! & 0x10) !== 0 ? response[2]! : null;
  if ((response[1]! & 0xe0) !== 0 && (response[1]! & 0xe0) !== 0x10) fail('the card added PPS2 or PPS3');
  const expectedLength = 3 + (echoedPps1 === null ? 0 : 1);
  if (response.length !== expectedLength) fail(`the response should be ${expectedLength} bytes`);
  if (echoedPps1 !== null && echoedPps1 !== requestedPps1) fail(`the card answered PPS1 ${echoedPps1.toString(16)}`);
  return { protocol: protocol as 0 | 1, fiDi: echoedPps1 ?? 0x11 };
}

