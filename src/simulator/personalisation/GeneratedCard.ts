import type {
  CommonContent,
  JpkiContent,
  JukiContent,
  RsaPrivateJwk,
  TextContent,
  VisualContent,
} from './Personalisation';

/**
 * The shape of a committed `generated/<holder>.ts` module: the `Personalisation` content with
 * every byte string as standard base64 (RFC 4648 §4) so the module is plain text. Typed against
 * `Personalisation` so the generator and the loader cannot drift apart.
 */

/** `T` with each `Uint8Array` field replaced by its base64 text (and `Uint8Array | null` by `string | null`). */
export type Base64Fields<T> = {
  readonly [K in keyof T]: T[K] extends Uint8Array ? string : T[K] extends Uint8Array | null ? string | null : T[K];
};

/** Text AP content plus the private half of the EF 0006 session key (docs/card-reference.md §7.7, §7.8). */
export type GeneratedTextContent = Base64Fields<TextContent> & {
  /**
   * Kept so secure messaging (docs/card-reference.md §7.8) can be added without re-issuing the card;
   * `Personalisation` does not carry it yet because the simulator MVP does not need it.
   */
  readonly sessionKey: RsaPrivateJwk;
};

/** One holder's committed issuance output. */
export interface GeneratedCard {
  readonly holderId: string;
  readonly jpki: Base64Fields<JpkiContent>;
  readonly text: GeneratedTextContent;
  readonly visual: Base64Fields<VisualContent>;
  readonly common: Base64Fields<CommonContent>;
  readonly juki: Base64Fields<JukiContent>;
  /** Card-level GET DATA objects (docs/card-reference.md §9.4) as `[tag, base64]`, in tag order. */
  readonly cardLevel: readonly (readonly [number, string])[];
}

/** A simulator issuer's public key as a JWK (RFC 7518 §6.3.1), for authenticity checks. */
export interface RsaPublicJwk {
  readonly kty: 'RSA';
  readonly n: string;
  readonly e: string;
}

/** A card-verifiable-certificate issuer of the simulator hierarchy (docs/card-reference.md §7.5). */
export interface SimulatorCvIssuer {
  /** The 16-byte key ID as base64 (7 digits, `08 05`, 3 digits, 4 padding bytes). */
  readonly keyId: string;
  /** The same key ID readable, e.g. `9000033/001`. */
  readonly label: string;
  readonly publicKey: RsaPublicJwk;
}
