import type * as Asn1 from 'asn1js';
import { asn1js } from '../pkijsModule';
import { MalformedDataError } from '../../../bytes';

/**
 * The one wrapper around `asn1js.fromBER` (house rule 3). asn1js reports most failures as data
 * (`offset === -1`), but a few it throws — a GeneralizedTime or UTCTime whose text is not a time,
 * met inside an encapsulated BIT STRING, throws a plain `Error` — so both become
 * `MalformedDataError` naming `source` and `offset` (docs/card-reference.md §6.4, §9.4).
 */
export function parseBer(bytes: Uint8Array, source: string, offset = 0): Asn1.AsnType {
  let parsed: ReturnType<typeof Asn1.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes);
  } catch (error) {
    throw new MalformedDataError(source, offset, `not BER: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed.offset === -1) throw new MalformedDataError(source, offset, `not BER: ${parsed.result.error}`);
  return parsed.result;
}
