import { lazy } from 'react';

/*
 * Views the start screen never shows, each a chunk of the build loaded from the app's own origin
 * with `import()` (issue "speed to the physical limit" §4: start-up JavaScript ≤ 150 KiB gzip):
 * what a service sees, the PIN dialog, a row's detail, the transcript export dialog and the privacy
 * page. A connected card brings them in at once (`preloadCardViews`), so by the time anyone opens
 * one it is there: no empty frame, no second click.
 */
const loadServicesView = () => import('./components/Services/ServicesView');
const loadPinDialog = () => import('./components/PinDialog/PinDialog');
const loadRowDetail = () => import('./components/RowDetail/RowDetail');
const loadExportTranscriptDialog = () => import('./components/ExportTranscriptDialog/ExportTranscriptDialog');
const loadPrivacyPage = () => import('./components/PrivacyPage/PrivacyPage');

export const ServicesView = lazy(() => loadServicesView().then((m) => ({ default: m.ServicesView })));
export const PinDialog = lazy(() => loadPinDialog().then((m) => ({ default: m.PinDialog })));
export const RowDetail = lazy(() => loadRowDetail().then((m) => ({ default: m.RowDetail })));
export const ExportTranscriptDialog = lazy(() => loadExportTranscriptDialog().then((m) => ({ default: m.ExportTranscriptDialog })));
export const PrivacyPage = lazy(() => loadPrivacyPage().then((m) => ({ default: m.PrivacyPage })));

/** Starts loading the connected card's views (once a card is there, off the path anyone waits on). */
export function preloadCardViews(): void {
  for (const load of [loadServicesView, loadPinDialog, loadRowDetail, loadExportTranscriptDialog]) void load().catch(() => undefined);
}
