/**
 * The authentication certificate's serial number, marked in one colour everywhere the page shows it
 * (headline, certificate detail, what a service sees), so a person sees it is the same number that
 * links them (docs/card-reference.md §6.5, §13.4). Any view that prints the serial uses this.
 */
export function SerialMark({ serial }: { serial: string }) {
  return (
    <mark className="serial-mark" data-testid="serial-mark" data-serial={serial}>
      {serial}
    </mark>
  );
}

/** Splits a translated sentence around its `{serial}` slot, to put a `SerialMark` there. */
export function aroundSerial(text: string): readonly [string, string] {
  const at = text.indexOf(SERIAL_SLOT);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SERIAL_SLOT.length)];
}

/** What to pass as `{serial}` to a sentence that `aroundSerial` will split. */
export const SERIAL_SLOT = '\u0000serial\u0000';
