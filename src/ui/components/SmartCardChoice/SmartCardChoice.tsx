import { useEffect } from 'react';
import { useAppStore } from '../../store/AppStoreContext';
import {
  selectBusy, selectConnectSmartCard, selectRefreshSmartCardReaders, selectSmartCardAvailable, selectSmartCardReaders,
} from '../../store/selectors';
import { useT } from '../../useT';

/**
 * PC/SC readers through the Web Smart Card API — offered only where the API exists (the installed
 * app on ChromeOS): every reader the system knows, contact or contactless, with no driver of ours.
 */
export function SmartCardChoice() {
  const t = useT();
  const available = useAppStore(selectSmartCardAvailable);
  const readers = useAppStore(selectSmartCardReaders);
  const busy = useAppStore(selectBusy);
  const refresh = useAppStore(selectRefreshSmartCardReaders);
  const connect = useAppStore(selectConnectSmartCard);
  useEffect(() => {
    if (available) void refresh();
  }, [available, refresh]);
  if (!available) return null;
  return (
    <div className="choice" data-testid="smartcard-section">
      <h3>{t('start.smartCard.title')}</h3>
      <p>{t('start.smartCard.body')}</p>
      {readers.length === 0 ? (
        <p className="muted small" data-testid="smartcard-none">{t('start.smartCard.none')}</p>
      ) : (
        <ul className="reader-list" data-testid="smartcard-list">
          {readers.map((reader) => (
            <li key={reader.name} data-testid="smartcard-item">
              <span className="reader-name">{reader.name}</span>{' '}
              <span className={`badge ${reader.cardPresent ? 'badge-ok' : 'badge-warn'}`}>
                {t(reader.cardPresent ? 'start.smartCard.cardIn' : 'start.smartCard.empty')}
              </span>{' '}
              <button type="button" disabled={busy || !reader.cardPresent} onClick={() => void connect(reader.name)} data-testid="use-smartcard">
                {t('start.reader.use')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" disabled={busy} onClick={() => void refresh()} data-testid="smartcard-refresh">
        {t('start.smartCard.refresh')}
      </button>
    </div>
  );
}
