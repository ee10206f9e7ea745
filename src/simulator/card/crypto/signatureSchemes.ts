import { sha256 } from './sha256';
import { pkcs1Type1, sha256DigestInfo } from './pkcs1';
import { PSS_SALT_LENGTH, emsaPssEncode } from './pss';
import { rsaPrivate, type RsaPrivateKey } from './rsa';

/** Random bytes (docs/card-reference.md §2 GET CHALLENGE, §6.5 PSS salt), injectable so tests can fix them. */
export type RandomSource = (length: number) => Uint8Array;

/** The platform CSPRNG (`crypto.getRandomValues`, synchronous in browsers and Node ≥ 19). */
export const platformRandom: RandomSource = (length) => crypto.getRandomValues(new Uint8Array(length));

/** What a signing request produced (docs/card-reference.md §6.5): a signature, or why the card refuses the input. */
export type SigningOutcome =
  | { readonly kind: 'signature'; readonly signature: Uint8Array }
  /** Input length outside the scheme's range: the card's `6985` (docs/card-reference.md §4, §6.5). */
  | { readonly kind: 'input-out-of-range' }
  /** The private-key operation failed its self-check: the card's `6F00`. */
  | { readonly kind: 'key-fault' };

/** Input lengths of each `80 2A` scheme (docs/card-reference.md §6.5 table, myna-card `check_input`). */
const INPUT_RANGE: Readonly<Record<number, readonly [number, number]>> = {
  0x00: [1, 245],
  0x01: [1, 255],
  0x02: [32, 32],
  0x03: [1, 255],
  0x04: [32, 32],
  0x05: [1, 255],
};

/** True for the P1 values `80 2A` knows (docs/card-reference.md §6.5: 00–05; others answer `6A86`). */
export function isSignatureScheme(p1: number): boolean {
  return INPUT_RANGE[p1] !== undefined;
}

function inRange(p1: number, length: number): boolean {
  const range = INPUT_RANGE[p1];
  return range !== undefined && length >= range[0] && length <= range[1];
}

/**
 * The encoded message for each scheme (docs/card-reference.md §6.5): 00 pads the data as given;
 * 01 pads the bare SHA-256 of the data; 02 wraps the given hash in a DigestInfo; 03 hashes and
 * wraps; 04 PSS over the given hash; 05 hashes, then PSS.
 */
function encode(p1: number, data: Uint8Array, key: RsaPrivateKey, random: RandomSource): Uint8Array | null {
  switch (p1) {
    case 0x00:
      return pkcs1Type1(data, key.byteLength);
    case 0x01:
      return pkcs1Type1(sha256(data), key.byteLength);
    case 0x02:
      return pkcs1Type1(sha256DigestInfo(data), key.byteLength);
    case 0x03:
      return pkcs1Type1(sha256DigestInfo(sha256(data)), key.byteLength);
    case 0x04:
      return emsaPssEncode(data, random(PSS_SALT_LENGTH), key.bitLength);
    case 0x05:
      return emsaPssEncode(sha256(data), random(PSS_SALT_LENGTH), key.bitLength);
    default:
      return null;
  }
}

/** Signs `data` under scheme `p1` (docs/card-reference.md §6.5). `p1` must satisfy `isSignatureScheme`. */
export function signWithScheme(p1: number, data: Uint8Array, key: RsaPrivateKey, random: RandomSource): SigningOutcome {
  if (!inRange(p1, data.length)) return { kind: 'input-out-of-range' };
  const encoded = encode(p1, data, key, random);
  // A payload that fits the range but not the key (a key shorter than 2048 bits) is also out of range.
  if (encoded === null) return { kind: 'input-out-of-range' };
  const signature = rsaPrivate(key, encoded);
  return signature ? { kind: 'signature', signature } : { kind: 'key-fault' };
}

/**
 * INTERNAL AUTHENTICATE's signature: PKCS #1 v1.5 over DigestInfo(SHA-256(challenge)), i.e. an
 * ordinary sha256WithRSAEncryption signature of the challenge (docs/card-reference.md §2).
 */
export function signChallenge(challenge: Uint8Array, key: RsaPrivateKey): SigningOutcome {
  const encoded = pkcs1Type1(sha256DigestInfo(sha256(challenge)), key.byteLength);
  if (encoded === null) return { kind: 'input-out-of-range' };
  const signature = rsaPrivate(key, encoded);
  return signature ? { kind: 'signature', signature } : { kind: 'key-fault' };
}
