import { useAppStore } from '../../store/AppStoreContext';
import { selectNfcAvailable, selectNfcTap, selectStopNfcTap, selectWaitForNfcTap } from '../../store/selectors';
import { useT } from '../../useT';

/**
 * The phone's NFC, honestly (docs/browser-platform.md §3): offered only where Web NFC exists (Chrome
 * for Android). It can notice the card; it cannot read it, and says so — never a fake success.
 */
export function NfcChoice() {
  const t = useT();
  const available = useAppStore(selectNfcAvailable);
  const tap = useAppStore(selectNfcTap);
  const wait = useAppStore(selectWaitForNfcTap);
  const stop = useAppStore(selectStopNfcTap);
  if (!available) return null;
  return (
    <div className="choice" data-testid="nfc-section">
      <h3>{t('start.nfc.title')}</h3>
      <p>{t('start.nfc.body')}</p>
      {tap === 'waiting' ? (
        <>
          <p className="result" role="status" data-testid="nfc-waiting">{t('start.nfc.waiting')}</p>
          <button type="button" onClick={stop}>
            {t('start.nfc.stop')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void wait()} data-testid="nfc-start">
          {t('start.nfc.start')}
        </button>
      )}
      {tap === 'card-without-ndef' && (
        <p className="warning" role="status" data-testid="nfc-detected">{t('start.nfc.detected')}</p>
      )}
      {tap === 'ndef-tag' && (
        <p className="warning" role="status" data-testid="nfc-ndef">{t('start.nfc.ndef')}</p>
      )}
    </div>
  );
}
