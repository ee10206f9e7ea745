/**
 * The status words MynaLens meets, named once (ISO/IEC 7816-4 §5.6 and JICSAP Table 25 as
 * listed in docs/card-reference.md §4). No other module writes a raw status-word literal.
 */
export const SW = {
  OK: 0x9000,
  /** 61xx: xx more bytes available with GET RESPONSE (T=0). */
  BYTES_REMAINING: 0x6100,
  /** 6282: end of file reached before Ne bytes (some cards; the My Number Card sends 9000). */
  END_OF_FILE: 0x6282,
  /** 6300: verification failed, no counter. */
  VERIFY_FAILED: 0x6300,
  /** 63Cx: verification failed or queried, x tries left. */
  RETRIES_BASE: 0x63c0,
  MEMORY_FAILURE: 0x6581,
  SECURITY_ENVIRONMENT_FAULTY: 0x66f1,
  WRONG_LENGTH: 0x6700,
  LOGICAL_CHANNEL_NOT_SUPPORTED: 0x6881,
  SECURE_MESSAGING_NOT_SUPPORTED: 0x6882,
  INCOMPATIBLE_FILE_STRUCTURE: 0x6981,
  SECURITY_STATUS_NOT_SATISFIED: 0x6982,
  AUTH_METHOD_BLOCKED: 0x6983,
  /** 6984: referenced data (the key EF) blocked — what this card answers after a PIN is blocked. */
  REFERENCE_DATA_BLOCKED: 0x6984,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  NO_CURRENT_EF: 0x6986,
  SM_DATA_MISSING: 0x6987,
  SM_DATA_INCORRECT: 0x6988,
  SM_SESSION_CLOSED: 0x69fc,
  INCORRECT_DATA: 0x6a80,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  FILE_NOT_FOUND: 0x6a82,
  RECORD_NOT_FOUND: 0x6a83,
  INCORRECT_P1P2: 0x6a86,
  REFERENCED_DATA_NOT_FOUND: 0x6a88,
  WRONG_P1P2_OFFSET: 0x6b00,
  /** 6Cxx: wrong Le, xx is the right one. */
  WRONG_LE_BASE: 0x6c00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  NO_PRECISE_DIAGNOSIS: 0x6f00,
} as const;

const DESCRIPTIONS: ReadonlyMap<number, string> = new Map([
  [SW.OK, 'normal end'],
  [SW.END_OF_FILE, 'end of file reached before Le bytes'],
  [SW.VERIFY_FAILED, 'verification failed'],
  [SW.MEMORY_FAILURE, 'memory failure'],
  [SW.SECURITY_ENVIRONMENT_FAULTY, 'security environment faulty'],
  [SW.WRONG_LENGTH, 'wrong length (Lc or Le)'],
  [SW.LOGICAL_CHANNEL_NOT_SUPPORTED, 'logical channel not supported'],
  [SW.SECURE_MESSAGING_NOT_SUPPORTED, 'secure messaging not supported'],
  [SW.INCOMPATIBLE_FILE_STRUCTURE, 'command incompatible with file structure'],
  [SW.SECURITY_STATUS_NOT_SATISFIED, 'security status not satisfied (PIN required)'],
  [SW.AUTH_METHOD_BLOCKED, 'authentication method blocked'],
  [SW.REFERENCE_DATA_BLOCKED, 'referenced data blocked (PIN blocked)'],
  [SW.CONDITIONS_NOT_SATISFIED, 'conditions of use not satisfied'],
  [SW.NO_CURRENT_EF, 'no current EF'],
  [SW.SM_DATA_MISSING, 'secure-messaging data object missing'],
  [SW.SM_DATA_INCORRECT, 'secure-messaging data object incorrect'],
  [SW.SM_SESSION_CLOSED, 'secure-messaging session closed'],
  [SW.INCORRECT_DATA, 'incorrect data field'],
  [SW.FUNCTION_NOT_SUPPORTED, 'function not supported'],
  [SW.FILE_NOT_FOUND, 'file or application not found'],
  [SW.RECORD_NOT_FOUND, 'record not found'],
  [SW.INCORRECT_P1P2, 'incorrect parameters P1-P2'],
  [SW.REFERENCED_DATA_NOT_FOUND, 'referenced data not found'],
  [SW.WRONG_P1P2_OFFSET, 'offset outside the file'],
  [SW.INS_NOT_SUPPORTED, 'instruction not supported'],
  [SW.CLA_NOT_SUPPORTED, 'class not supported'],
  [SW.NO_PRECISE_DIAGNOSIS, 'no precise diagnosis'],
]);

/** For 63Cx, the x (tries left); otherwise `null`. */
export function retriesLeft(sw: number): number | null {
  return (sw & 0xfff0) === SW.RETRIES_BASE ? sw & 0x0f : null;
}

/** The status word 63Cx for `tries` tries left (0–15). */
export function retriesStatus(tries: number): number {
  if (!Number.isInteger(tries) || tries < 0 || tries > 15) throw new RangeError(`tries out of range: ${tries}`);
  return SW.RETRIES_BASE | tries;
}

/** For 61xx, the number of bytes waiting (00 means 256); otherwise `null`. */
export function bytesRemaining(sw: number): number | null {
  if ((sw & 0xff00) !== SW.BYTES_REMAINING) return null;
  return sw & 0xff || 256;
}

/** For 6Cxx, the Ne the card asks for (00 means 256); otherwise `null`. */
export function correctLe(sw: number): number | null {
  if ((sw & 0xff00) !== SW.WRONG_LE_BASE) return null;
  return sw & 0xff || 256;
}

/** A short English description of any status word, for logs and developer views. */
export function describeStatusWord(sw: number): string {
  const known = DESCRIPTIONS.get(sw);
  if (known) return known;
  const tries = retriesLeft(sw);
  if (tries !== null) return `verification failed or queried: ${tries} ${tries === 1 ? 'try' : 'tries'} left`;
  const remaining = bytesRemaining(sw);
  if (remaining !== null) return `${remaining} response bytes available (GET RESPONSE)`;
  const le = correctLe(sw);
  if (le !== null) return `wrong Le; the card expects ${le}`;
  if (sw >> 8 === 0x62 || sw >> 8 === 0x63) return 'warning';
  return 'error';
}
