import { useEffect, useState } from 'react';
import { ApduLog } from './components/ApduLog/ApduLog';
import { AppStatusBanner } from './components/AppStatusBanner/AppStatusBanner';
import { CardPanel } from './components/CardPanel/CardPanel';
import { ErrorBanner } from './components/ErrorBanner/ErrorBanner';
import { LanguageSwitch } from './components/LanguageSwitch/LanguageSwitch';
import { PrivacyPage } from './components/PrivacyPage/PrivacyPage';
import { StartScreen } from './components/StartScreen/StartScreen';
import { useAppStore } from './store/AppStoreContext';
import { selectConnection, selectLanguage } from './store/selectors';
import { useT } from './useT';

/** The application shell. */
export function App() {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const connection = useAppStore(selectConnection);
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
        {showPrivacy ? (
          <PrivacyPage onClose={() => setShowPrivacy(false)} closeLabel={t('privacy.close')} />
        ) : (
          <>
            {connection ? <CardPanel /> : <StartScreen />}
            <ApduLog />
          </>
        )}
      </main>
      <footer className="app-footer">
        <p>{t('privacy.footer')}</p>
        <button type="button" className="link" onClick={() => setShowPrivacy(true)} data-testid="privacy-open">
          {t('privacy.about')}
        </button>
      </footer>
    </div>
  );
}
