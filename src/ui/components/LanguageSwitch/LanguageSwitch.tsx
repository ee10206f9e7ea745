import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage, selectSetLanguage } from '../../store/selectors';
import { useT } from '../../useT';

/** Japanese / English, remembered as the one persisted preference. */
export function LanguageSwitch() {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const setLanguage = useAppStore(selectSetLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      <button type="button" aria-pressed={language === 'ja'} onClick={() => setLanguage('ja')} data-testid="lang-ja" lang="ja">
        日本語
      </button>
      <button type="button" aria-pressed={language === 'en'} onClick={() => setLanguage('en')} data-testid="lang-en" lang="en">
        English
      </button>
    </div>
  );
}
