import type { ReaderView } from '../../../protocol';

/**
 * PC/SC names an RC-S300 may carry: libccid's "Sony FeliCa RC-S300/S" / "/P" and Sony's Windows
 * driver's "Sony FeliCa Port/PaSoRi 4.0" (the RC-S300's product line).
 */
const RCS300_PCSC_NAME = /RC-S300|PaSoRi 4\.0/i;

/**
 * The PC/SC reader to use instead of this WebUSB one, if any. An RC-S300 on the experimental
 * vendor route is better reached through the Web Smart Card API where the page has it: the
 * system's CCID driver talks to its standard interface, and the reader does Type B and ISO-DEP
 * itself (issue 15 §4).
 */
export function smartCardAlternative(reader: ReaderView, smartCardReaders: readonly { readonly name: string }[]): string | null {
  if (reader.route !== 'rcs300') return null;
  return smartCardReaders.find((r) => RCS300_PCSC_NAME.test(r.name))?.name ?? null;
}
