import { useEffect, useState } from 'react';
import { ApduLog } from './components/ApduLog/ApduLog';
import { AppStatusBanner } from './components/AppStatusBanner/AppStatusBanner';
import { CardPanel } from './components/CardPanel/CardPanel';
import { ErrorBanner } from './components/ErrorBanner/ErrorBanner';
import { ExposureMatrix } from './components/ExposureMatrix/ExposureMatrix';
import { ExposureSummary } from './components/ExposureSummary/ExposureSummary';
import { LanguageSwitch } from './components/LanguageSwitch/LanguageSwitch';
import { PinDialog } from './components/PinDialog/PinDialog';
import { PinList } from './components/PinList/PinList';
import { PinOpened } from './components/PinOpened/PinOpened';
import { PrivacyPage } from './components/PrivacyPage/PrivacyPage';
import { ReaderCheck } from './components/ReaderCheck/ReaderCheck';
import { RowDetail } from './components/RowDetail/RowDetail';
import { ScanProgress } from './components/ScanProgress/ScanProgress';
import { ServicesView } from './components/Services/ServicesView';
import { panelId, tabId, ViewNav } from './components/Services/ViewNav';
import { StartScreen } from './components/StartScreen/StartScreen';
import { UsbChooserStatus } from './components/UsbChooserStatus/UsbChooserStatus';
import { useAppStore } from './store/AppStoreContext';
import { selectConnection, selectInterrupted, selectLanguage, selectPinDialog, selectSelectedRow, selectView } from './store/selectors';
import { useT } from './useT';

/** The application shell: start screen, or the connected card with its exposure matrix, PINs and log, or what a service sees. */
export function App() {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const connection = useAppStore(selectConnection);
  const interrupted = useAppStore(selectInterrupted);
  const pinDialog = useAppStore(selectPinDialog);
  const selectedRow = useAppStore(selectSelectedRow);
  const view = useAppStore(selectView);
  const [showPrivacy, setShowPrivacy] = useState(false);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
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
        {showPrivacy ? (
          <PrivacyPage onClose={() => setShowPrivacy(false)} closeLabel={t('privacy.close')} />
        ) : (
          <>
            {connection || interrupted ? (
              <>
                <CardPanel />
                <ReaderCheck />
                <ViewNav />
                <div role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} data-testid="view-panel">
                  {view === 'services' ? (
                    <>
                      <PinOpened />
                      <ServicesView />
                    </>
                  ) : (
                    <>
                      <ScanProgress />
                      <ExposureSummary />
                      <PinOpened />
                      <PinList />
                      <ExposureMatrix />
                    </>
                  )}
                </div>
              </>
            ) : (
              <StartScreen />
            )}
            <ApduLog />
          </>
        )}
      </main>
      {pinDialog && <PinDialog key={pinDialog.pinId} />}
      {selectedRow && <RowDetail key={selectedRow.key} />}
      <footer className="app-footer">
        <p>{t('privacy.footer')}</p>
        <button type="button" className="link" onClick={() => setShowPrivacy(true)} data-testid="privacy-open">
          {t('privacy.about')}
        </button>
      </footer>
    </div>
  );
}
