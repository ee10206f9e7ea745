import { hex16 } from '../bytes';
import { EXPOSURE, type Access, type ExposureEntry } from '../cards/mynumber/exposure';
import type { AccessView, AppletKey, ExposureRowView } from '../protocol';

/**
 * The applets in the order a scan visits them (docs/card-reference.md §9.1, §9.4): card-level
 * objects first, since the ISD they need is current at power-on and after the card check (§13.9).
 */
export const SCAN_ORDER: readonly AppletKey[] = ['cardLevel', 'jpki', 'text', 'visual', 'common', 'juki'];

/** Four upper-case hex digits, as files are named in the card reference (§6.1, §7.1, §8.1, §9). */
function fileIdHex(fileId: number): string {
  return hex16(fileId);
}

/** A row's key, `jpki/000A` or `cardLevel/0045` (docs/card-reference.md §6–§9). */
export function rowKey(applet: AppletKey, fileId: number): string {
  return `${applet}/${fileIdHex(fileId)}`;
}

/** An access rule as plain data (docs/card-reference.md §5 and each applet's EF map). */
function accessView(access: Access): AccessView {
  return access.kind === 'pin' ? { kind: 'pin', anyOf: [...access.anyOf] } : { kind: access.kind };
}

/**
 * A row as the declaration gives it before anything is read (docs/card-reference.md §6.1, §7.1, §8.1,
 * §9): status `not-read`, nobody has read it yet.
 */
export function initialRow(entry: ExposureEntry): ExposureRowView {
  return {
    key: rowKey(entry.applet, entry.fileId),
    applet: entry.applet,
    fileId: fileIdHex(entry.fileId),
    name: entry.name,
    nameJa: entry.nameJa,
    access: accessView(entry.access),
    containsMyNumber: entry.containsMyNumber,
    reveals: [...entry.reveals],
    specSection: entry.specSection,
    status: 'not-read',
    readWith: null,
    openedBy: [],
  };
}

/** Every row of the exposure matrix in declaration order (docs/card-reference.md §6–§9). */
export function initialRows(): ExposureRowView[] {
  return EXPOSURE.map(initialRow);
}

/** The entries of one applet in declaration order (docs/card-reference.md §6.1, §7.1, §8.1, §9). */
export function entriesOf(applet: AppletKey): readonly ExposureEntry[] {
  return EXPOSURE.filter((e) => e.applet === applet);
}

/** True for files the no-PIN scan reads: free and readable by MynaLens (docs/card-reference.md §5, §13.3). */
export function isFreeReadable(entry: ExposureEntry): boolean {
  return entry.access.kind === 'free' && entry.layout.kind !== 'none';
}
