import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage } from '../../store/selectors';
import { PRIVACY_TEXT } from './privacyText';

/** "About privacy": what the app reads, keeps and sends, and how to verify it. */
export function PrivacyPage({ onClose, closeLabel }: { onClose: () => void; closeLabel: string }) {
  const language = useAppStore(selectLanguage);
  return (
    <section className="panel privacy" data-testid="privacy-page" aria-labelledby="privacy-heading">
      {PRIVACY_TEXT[language].map((section, index) => (
        <div key={section.heading}>
          {index === 0 ? <h2 id="privacy-heading">{section.heading}</h2> : <h3>{section.heading}</h3>}
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ))}
      <button type="button" onClick={onClose} data-testid="privacy-close">
        {closeLabel}
      </button>
    </section>
  );
}
