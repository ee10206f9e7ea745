import { Suspense, useEffect, useState, useTransition } from 'react';
import { ApduLog } from './components/ApduLog/ApduLog';
import { AppStatusBanner } from './components/AppStatusBanner/AppStatusBanner';
import { ErrorBanner } from './components/ErrorBanner/ErrorBanner';
import { LanguageSwitch } from './components/LanguageSwitch/LanguageSwitch';
import { StartScreen } from './components/StartScreen/StartScreen';
import { UsbChooserStatus } from './components/UsbChooserStatus/UsbChooserStatus';
import { LoadedCardView, PinDialog, PrivacyPage, RowDetail, preloadCardViews, useCardViewLoaded } from './lazyViews';
import { useAppStore } from './store/AppStoreContext';
import { selectConnection, selectInterrupted, selectLanguage, selectPinDialog, selectScanning, selectSelectedRow } from './store/selectors';
import { ScanProgress } from './components/ScanProgress/ScanProgress';
import { useCardViewShown } from './cardViewHold';
import { useT } from './useT';

/** The application shell: start screen, or the connected card with its exposure matrix, PINs and log, or what a service sees. */
export function App() {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const connection = useAppStore(selectConnection);
  const interrupted = useAppStore(selectInterrupted);
  const pinDialog = useAppStore(selectPinDialog);
  const selectedRow = useAppStore(selectSelectedRow);
  const [showPrivacy, setShowPrivacy] = useState(false);
  const [, startTransition] = useTransition();
  const scanning = useAppStore(selectScanning);
  const connected = Boolean(connection || interrupted);
  const cardViewShown = useCardViewShown(connected, scanning);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const cardViewLoaded = useCardViewLoaded(connected);
  useEffect(() => {
    if (connected) void preloadCardViews();
  }, [connected]);
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main>
        <AppStatusBanner />
        <ErrorBanner />
        <UsbChooserStatus />
        {/* One boundary around both: opening the privacy page is a transition, so the page stays as it is while that chunk loads. */}
        <Suspense fallback={null}>
          {showPrivacy ? (
            <PrivacyPage onClose={() => setShowPrivacy(false)} closeLabel={t('privacy.close')} />
          ) : (
            <>
              {/* A connection's first scan shows its progress alone for a moment (cardViewHold.ts), then the card. */}
              {cardViewShown && cardViewLoaded ? <LoadedCardView /> : connected && scanning ? <ScanProgress /> : <StartScreen />}
              <ApduLog />
            </>
          )}
        </Suspense>
      </main>
      <Suspense fallback={null}>
        {pinDialog && <PinDialog key={pinDialog.pinId} />}
        {selectedRow && <RowDetail key={selectedRow.key} />}
      </Suspense>
      <footer className="app-footer">
        <p>{t('privacy.footer')}</p>
        <button type="button" className="link" onClick={() => startTransition(() => setShowPrivacy(true))} data-testid="privacy-open">
          {t('privacy.about')}
        </button>
      </footer>
    </div>
  );
}
