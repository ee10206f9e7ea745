import { MalformedDataError } from '../../../bytes';
import type { Tlv } from '../../../apdu';
import { compactHex, requireTlv } from './fields';

/** An RSA public key as the view models show it (docs/card-reference.md §11 "RSA public keys"). */
export interface RsaPublicKeyView {
  readonly bits: number;
  readonly exponent: number;
  /** Modulus, big-endian hex without leading zero bytes. */
  readonly modulusHex: string;
}

/** Bit length of a big-endian unsigned integer (a modulus, §11). */
export function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

/** A big-endian unsigned integer without leading zero bytes (DER INTEGER sign bytes, §6.4). */
export function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

/** Builds the view from exponent and modulus bytes (§11 `90`/`91`, or an X.509 RSAPublicKey, §6.4). */
export function rsaPublicKeyView(exponent: Uint8Array, modulus: Uint8Array, source: string, offset: number): RsaPublicKeyView {
  const e = stripLeadingZeros(exponent);
  // Exponents beyond 2^53 do not occur (§6.4: 65537); refuse rather than lose precision.
  if (e.length === 0 || e.length > 6) throw new MalformedDataError(source, offset, 'RSA exponent out of range');
  const exponentValue = e.reduce((value, byte) => value * 256 + byte, 0);
  const n = stripLeadingZeros(modulus);
  return { bits: bitLength(n), exponent: exponentValue, modulusHex: compactHex(n) };
}

/** The `90` exponent / `91` modulus pair inside `parent` (docs/card-reference.md §11, §7.5, §8.2 DF24). */
export function decodeRsaTlvs(tlvs: readonly Tlv[], source: string, parent: Tlv): RsaPublicKeyView {
  const exponent = requireTlv(tlvs, 0x90, source, parent);
  const modulus = requireTlv(tlvs, 0x91, source, parent);
  return rsaPublicKeyView(exponent.value, modulus.value, source, exponent.valueOffset);
}
