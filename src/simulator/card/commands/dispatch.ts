import { SW, encodeResponse, parseCommand, type ParsedCommand } from '../../../apdu';
import type { CardSession } from '../CardSession';
import type { RandomSource } from '../crypto/signatureSchemes';
import { changeKey, changeReferenceData } from './changePin';
import { computeSignature } from './computeSignature';
import { getChallenge } from './getChallenge';
import { getData } from './getData';
import { getResponse } from './getResponse';
import { internalAuthenticate } from './internalAuthenticate';
import { lastCommandIndicator, setPublicIcKey, setSessionKey } from './proprietary';
import { readBinary } from './readBinary';
import { readRecord } from './readRecord';
import { moreDataStatus, type CommandHandler, type CommandResult } from './result';
import { select } from './select';
import { verify } from './verify';

/** ISO commands, CLA 00 (docs/card-reference.md §2). */
const ISO_COMMANDS: ReadonlyMap<number, CommandHandler> = new Map([
  [0xa4, select],
  [0xb0, readBinary],
  [0xb2, readRecord],
  [0x20, verify],
  [0x24, changeReferenceData],
  [0x84, getChallenge],
  [0x88, internalAuthenticate],
  [0xca, getData],
  [0xc0, getResponse],
]);

/** Proprietary commands, CLA 80 (docs/card-reference.md §2). */
const PROPRIETARY_COMMANDS: ReadonlyMap<number, CommandHandler> = new Map([
  [0x2a, computeSignature],
  [0x32, changeKey],
  [0xae, setSessionKey],
  [0xa2, setPublicIcKey],
  [0xfc, lastCommandIndicator],
]);

/** What the CLA byte says (ISO 7816-4 §5.4.1): class, logical channel, secure messaging. */
interface ClassByte {
  readonly proprietary: boolean;
  readonly channel: number;
  readonly secureMessaging: boolean;
}

/**
 * Decodes CLA. Accepted: the first interindustry values 0x00–0x0F and their proprietary
 * mirror 0x80–0x8F (channel in bits 2–1, SM in bits 4–3), and the further interindustry values
 * 0x40–0x7F (channels 4–19). Everything else — command chaining (0x10–0x3F), 0x90–0xFF — is
 * `null`: `6E00`, since the card chains nothing (no source shows it) and knows no other class.
 */
function classify(cla: number): ClassByte | null {
  if (cla <= 0x0f || (cla >= 0x80 && cla <= 0x8f)) {
    return { proprietary: cla >= 0x80, channel: cla & 0x03, secureMessaging: (cla & 0x0c) !== 0 };
  }
  if (cla >= 0x40 && cla <= 0x7f) return { proprietary: false, channel: 4 + (cla & 0x0f), secureMessaging: (cla & 0x20) !== 0 };
  return null;
}

function sw(value: number): Uint8Array {
  return encodeResponse(new Uint8Array(0), value);
}

/**
 * One command through the card (docs/card-reference.md §1, §2, §4): CLA (`6E00`, other logical channel
 * `6881`), length (`6700` for a length that fits no ISO case), secure messaging (refused card-wide,
 * §1: `6882` to SELECT and any other command, `69FC` to READ BINARY and VERIFY), then the INS
 * (`6D00` when unknown in that class — so `00 2A`, ISO PSO, is `6D00` too).
 */
export function dispatch(bytes: Uint8Array, session: CardSession, random: RandomSource): Uint8Array {
  if (bytes.length < 4) return sw(SW.WRONG_LENGTH);
  const cla = classify(bytes[0]!);
  const ins = bytes[1]!;
  if (!cla) return sw(SW.CLA_NOT_SUPPORTED);
  if (cla.channel !== 0) return sw(SW.LOGICAL_CHANNEL_NOT_SUPPORTED);
  let parsed: ParsedCommand;
  try {
    parsed = parseCommand(bytes);
  } catch {
    return sw(SW.WRONG_LENGTH);
  }
  if (cla.secureMessaging) {
    return sw(ins === 0xb0 || ins === 0x20 ? SW.SM_SESSION_CLOSED : SW.SECURE_MESSAGING_NOT_SUPPORTED);
  }
  const handler = (cla.proprietary ? PROPRIETARY_COMMANDS : ISO_COMMANDS).get(ins);
  if (!handler) return sw(SW.INS_NOT_SUPPORTED);
  // Data announced with 61xx is only for the very next command (ISO 7816-4 §5.3.4).
  if (handler !== getResponse) session.pendingResponse = null;
  return finish(handler({ parsed, session, random }), parsed, session);
}

/**
 * Fits response data to Ne. Without Le (a case-4 command whose Le a T=0 reader dropped, or a
 * case-3 command that produces data) the data waits for GET RESPONSE behind `61xx`. Data longer
 * than Ne: `6Cxx` with the exact length when a short Le could carry it, else `6700`.
 */
function finish(result: CommandResult, parsed: ParsedCommand, session: CardSession): Uint8Array {
  const { data } = result;
  const { ne } = parsed.command;
  if (data.length === 0) return sw(result.sw);
  if (ne === null) {
    session.pendingResponse = data;
    return sw(moreDataStatus(data.length));
  }
  if (data.length > ne) return sw(data.length <= 256 ? SW.WRONG_LE_BASE | (data.length & 0xff) : SW.WRONG_LENGTH);
  return encodeResponse(data, result.sw);
}
