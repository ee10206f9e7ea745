import type { ApduChannel } from '../apdu';
import { CardLevel } from '../cards/mynumber/cardLevel/CardLevel';
import { CardError } from '../cards/mynumber/errors';
import { JpkiApplet } from '../cards/mynumber/jpki/JpkiApplet';

/**
 * What tells one card from another, read with no PIN: the card identification number
 * (card-level GET DATA `0045`, docs/card-reference.md §9.4) or, on a card that does not give it,
 * the serial number of the JPKI authentication certificate (§6.4, §12: one per certificate).
 * Card data: it lives in the session and is forgotten with it.
 */
export interface CardFingerprint {
  readonly by: 'card-identification-number' | 'auth-certificate-serial';
  readonly value: string;
}

/**
 * Reads which card is in the reader (vectors: src/vectors/cardIdentity.vectors.ts): SELECT the
 * ISD and GET DATA `0045` (§9.4); if the card refuses either, SELECT JPKI and read the
 * authentication certificate (§13.3) for its serial. Null when the card gives neither (not a My
 * Number Card). A card refusing is not an error here; a transport failure is, and throws.
 */
export async function readCardFingerprint(channel: ApduChannel): Promise<CardFingerprint | null> {
  const number = await unlessRefused(async () => {
    const cardLevel = new CardLevel(channel);
    await cardLevel.select();
    return cardLevel.readCardIdentificationNumber();
  });
  if (number) return { by: 'card-identification-number', value: number };
  const serial = await unlessRefused(async () => {
    const jpki = new JpkiApplet(channel);
    await jpki.select();
    return (await jpki.readAuthCertificate())?.view.serialNumberHex ?? null;
  });
  return serial ? { by: 'auth-certificate-serial', value: serial } : null;
}

/**
 * True only when both readings name the same card. A card that could not be told apart is never
 * "the same": continuing a session on it could show one person's data beside another's.
 */
export function isSameCard(before: CardFingerprint | null, now: CardFingerprint | null): boolean {
  return before !== null && now !== null && before.by === now.by && before.value === now.value;
}

/** The answer, or null where the card said no (a status word, bytes that do not decode). */
async function unlessRefused(read: () => Promise<string | null>): Promise<string | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CardError) return null;
    throw error;
  }
}
