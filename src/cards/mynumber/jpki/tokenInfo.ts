import { ByteReader, asciiString } from '../../../bytes';

/** What the token label says the JPKI token is (docs/card-reference.md §6.3). */
export type TokenType = 'my-number-card' | 'android-smartphone' | 'iphone' | 'juki-card' | 'unknown';

const TOKEN_TYPES: ReadonlyMap<string, TokenType> = new Map([
  ['JPKIAPICCTOKEN2', 'my-number-card'],
  ['JPKIAPGPSETOKEN', 'android-smartphone'],
  ['JPKIAPIOSTOKEN', 'iphone'],
  ['JPKIAPICCTOKEN', 'juki-card'],
]);

/** PKCS#11 CK_TOKEN_INFO flag bits present on the card (docs/card-reference.md §6.3: `0000040D`). */
const FLAG_NAMES: readonly (readonly [number, string])[] = [
  [0x00000001, 'CKF_RNG'],
  [0x00000002, 'CKF_WRITE_PROTECTED'],
  [0x00000004, 'CKF_LOGIN_REQUIRED'],
  [0x00000008, 'CKF_USER_PIN_INITIALIZED'],
  [0x00000400, 'CKF_TOKEN_INITIALIZED'],
];

/** JPKI EF 0006 (docs/card-reference.md §6.3): a PKCS#11 CK_TOKEN_INFO with 32-bit big-endian CK_ULONGs. */
export interface TokenInfoView {
  readonly label: string;
  readonly tokenType: TokenType;
  readonly manufacturerId: string;
  readonly model: string;
  readonly serialNumber: string;
  readonly flags: number;
  readonly flagNames: readonly string[];
  readonly maxSessionCount: number;
  readonly sessionCount: number;
  readonly maxRwSessionCount: number;
  readonly rwSessionCount: number;
  readonly maxPinLength: number;
  readonly minPinLength: number;
  readonly totalPublicMemory: number;
  readonly freePublicMemory: number;
  readonly totalPrivateMemory: number;
  readonly freePrivateMemory: number;
  /** ASCII on the card ("03"), not a CK_VERSION (§6.3). */
  readonly hardwareVersion: string;
  readonly firmwareVersion: string;
  readonly utcTime: string;
}

/** Decodes the 160 bytes of JPKI EF 0006 (docs/card-reference.md §6.3). */
export function decodeTokenInfo(bytes: Uint8Array, source = 'JPKI AP EF 0006'): TokenInfoView {
  const reader = new ByteReader(bytes, source);
  const text = (length: number) => trimPadding(asciiString(reader.bytesOf(length)));
  const label = text(32);
  const manufacturerId = text(32);
  const model = text(16);
  const serialNumber = text(16);
  const flags = reader.u32();
  const counts = Array.from({ length: 10 }, () => reader.u32());
  const hardwareVersion = text(2);
  const firmwareVersion = text(2);
  const utcTime = text(16);
  if (!reader.atEnd) throw reader.error(`${reader.remaining} bytes after the token info`);
  const [maxSessionCount, sessionCount, maxRwSessionCount, rwSessionCount, maxPinLength, minPinLength, ...memory] = counts as [
    number, number, number, number, number, number, number, number, number, number,
  ];
  const [totalPublicMemory, freePublicMemory, totalPrivateMemory, freePrivateMemory] = memory as [number, number, number, number];
  return {
    label,
    tokenType: TOKEN_TYPES.get(label) ?? 'unknown',
    manufacturerId,
    model,
    serialNumber,
    flags,
    flagNames: FLAG_NAMES.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name),
    maxSessionCount,
    sessionCount,
    maxRwSessionCount,
    rwSessionCount,
    maxPinLength,
    minPinLength,
    totalPublicMemory,
    freePublicMemory,
    totalPrivateMemory,
    freePrivateMemory,
    hardwareVersion,
    firmwareVersion,
    utcTime,
  };
}

/** PKCS#11 pads text fields with spaces; the card may also end them with NULs. */
function trimPadding(text: string): string {
  return text.replace(/[ \0]+$/, '');
}
