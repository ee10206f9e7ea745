import type { AppletKey, ExposureRowView, PinKey } from '../../protocol';

/** The applets in the order the card reference describes them (§6 JPKI … §9.4 card level). */
const APPLET_ORDER: readonly AppletKey[] = ['jpki', 'text', 'visual', 'common', 'juki', 'cardLevel'];

/** Every credential in docs/card-reference.md §10 order, so columns always read the same way. */
const PIN_ORDER: readonly PinKey[] = [
  'jpkiAuth', 'jpkiSign', 'textPin', 'textPinA', 'textPinB', 'visualBirth', 'visualPinA', 'visualPinB', 'commonPin', 'jukiPin',
];

/** A matrix column: what anyone can read ("none"), or what one credential opens. */
export type MatrixColumn = 'none' | PinKey;

/** What one cell says about one file under one credential (docs/card-reference.md §5 access rules). */
export type Cell =
  | { readonly kind: 'read' }
  | { readonly kind: 'readable' }
  | { readonly kind: 'absent' }
  /** The file belongs to a signature certificate this card was never issued (§6.2, §12): no PIN opens it. */
  | { readonly kind: 'not-issued' }
  | { readonly kind: 'locked'; readonly by: readonly PinKey[] }
  | { readonly kind: 'never' }
  | { readonly kind: 'internal' }
  | { readonly kind: 'unknown' };

/** One applet's block of the matrix. */
export interface AppletGroup {
  readonly applet: AppletKey;
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly ExposureRowView[];
}

/** Groups rows by applet in reference order; each group's columns come from its rows' access rules. */
export function groupRows(rows: readonly ExposureRowView[]): readonly AppletGroup[] {
  return APPLET_ORDER.flatMap((applet) => {
    const own = rows.filter((r) => r.applet === applet);
    if (own.length === 0) return [];
    const pins = new Set<PinKey>();
    for (const r of own) if (r.access.kind === 'pin') for (const p of r.access.anyOf) pins.add(p);
    const columns: MatrixColumn[] = ['none', ...PIN_ORDER.filter((p) => pins.has(p))];
    return [{ applet, columns, rows: own }];
  });
}

/**
 * The cell of `row` under `column` — what the file's access rule says (docs/card-reference.md §5):
 * not issued under every column when the card has no such file (§6.2, §12);
 * readable with that credential, or locked and by which PINs; absent when this card has no such file.
 * Only the no-PIN column also says "read ✓", once the file was read with no PIN — as anyone with a
 * reader could. Which PINs actually opened a file is the session column's to say (`sessionRead`), so
 * a PIN column never claims a read that PIN did not make.
 */
export function cellFor(row: ExposureRowView, column: MatrixColumn): Cell {
  const { access } = row;
  if (row.status === 'not-issued') return { kind: 'not-issued' };
  if (access.kind === 'never') return { kind: 'never' };
  if (access.kind === 'internal') return { kind: 'internal' };
  const readWithNoPin = column === 'none' && row.status === 'read' && row.openedBy.includes('none');
  if (access.kind === 'unknown') {
    if (readWithNoPin) return { kind: 'read' };
    return row.status === 'absent' ? { kind: 'absent' } : { kind: 'unknown' };
  }
  const opens = access.kind === 'free' || (column !== 'none' && access.anyOf.includes(column));
  if (!opens) return { kind: 'locked', by: access.kind === 'pin' ? access.anyOf : [] };
  if (row.status === 'absent') return { kind: 'absent' };
  if (readWithNoPin && row.content) return { kind: 'read' };
  return { kind: 'readable' };
}

/** What this session read of a file: with no PIN, and after which PINs, in the order they opened it. */
export interface SessionRead {
  readonly withoutPin: boolean;
  readonly pins: readonly PinKey[];
}

/** The session column for a read row (every credential that opened it, not only the last), or null when it was not read. */
export function sessionRead(row: ExposureRowView): SessionRead | null {
  if (row.status !== 'read') return null;
  return { withoutPin: row.openedBy.includes('none'), pins: row.openedBy.filter((c): c is PinKey => c !== 'none') };
}
