import type { CcidReply } from './replies';
import { commandParts, LevelParameter, requireNextCommandPartAsked, ResponseChain } from './apduChain';

/** How `exchangeAtApduLevel` reaches the reader. */
export interface ApduLevelLink {
  /** Data bytes one message carries: dwMaxCCIDMessageLength − 10. */
  readonly room: number;
  /** Short and extended APDU level (dwFeatures 0x40000): long commands may be chained. */
  readonly extended: boolean;
  /** One XfrBlock with this wLevelParameter, and its DataBlock. */
  readonly xfr: (data: Uint8Array, levelParameter: number) => Promise<CcidReply & { type: 'data-block' }>;
}

/**
 * One APDU at short or extended APDU level (docs/browser-platform.md §4.6): the command's parts go
 * out as `commandParts` cuts them, each but the last acknowledged by an empty DataBlock ("next part", bChainParameter 10 by the spec),
 * then the answer's parts are gathered by `ResponseChain`, each next one asked for with an empty
 * XfrBlock (wLevelParameter 0010).
 */
export async function exchangeAtApduLevel(apdu: Uint8Array, link: ApduLevelLink): Promise<Uint8Array> {
  const [first, ...rest] = commandParts(apdu, link.room, link.extended);
  let reply = await link.xfr(first!.data, first!.levelParameter);
  for (const part of rest) {
    requireNextCommandPartAsked(reply);
    reply = await link.xfr(part.data, part.levelParameter);
  }
  const chain = new ResponseChain();
  while (chain.accept(reply.data, reply.chainParameter) === 'more') reply = await link.xfr(new Uint8Array(0), LevelParameter.nextResponsePart);
  return chain.response;
}
