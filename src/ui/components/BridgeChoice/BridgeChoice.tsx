import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/AppStoreContext';
import {
  selectBridgeAvailable, selectBridgeReaders, selectBridgeStatus, selectBusy, selectConnectBridgeReader, selectFindBridge, selectPairBridge,
  selectRefreshBridgeReaders,
} from '../../store/selectors';
import { useT } from '../../useT';

/**
 * PC/SC readers through the MynaLens bridge (`npm run bridge`), offered in desktop browsers. The
 * page never reaches for the bridge on its own: only "Look for the bridge" does, after the text
 * that says Chrome may ask for local network access and why to allow it.
 */
export function BridgeChoice() {
  const t = useT();
  const available = useAppStore(selectBridgeAvailable);
  const status = useAppStore(selectBridgeStatus);
  const readers = useAppStore(selectBridgeReaders);
  const busy = useAppStore(selectBusy);
  const find = useAppStore(selectFindBridge);
  const pair = useAppStore(selectPairBridge);
  const refresh = useAppStore(selectRefreshBridgeReaders);
  const connect = useAppStore(selectConnectBridgeReader);
  const [code, setCode] = useState('');
  if (!available) return null;

  function onPair(event: FormEvent) {
    event.preventDefault();
    const typed = code;
    setCode('');
    void pair(typed);
  }

  return (
    <div className="choice" data-testid="bridge-section">
      <h3>{t('start.bridge.title')}</h3>
      <p>{t('start.bridge.body')}</p>
      {status === 'ready' ? (
        <>
          <p className="muted small" data-testid="bridge-connected">{t('start.bridge.connected')}</p>
          {readers.length === 0 ? (
            <p className="muted small" data-testid="bridge-none">{t('start.bridge.none')}</p>
          ) : (
            <ul className="reader-list" data-testid="bridge-list">
              {readers.map((reader) => (
                <li key={reader.name} data-testid="bridge-item">
                  <span className="reader-name">{reader.name}</span>{' '}
                  <span className={`badge ${reader.cardPresent ? 'badge-ok' : 'badge-warn'}`}>
                    {t(reader.cardPresent ? 'start.smartCard.cardIn' : 'start.smartCard.empty')}
                  </span>{' '}
                  <button type="button" disabled={busy || !reader.cardPresent} onClick={() => void connect(reader.name)} data-testid="use-bridge-reader">
                    {t('start.reader.use')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" disabled={busy} onClick={() => void refresh()} data-testid="bridge-refresh">
            {t('start.smartCard.refresh')}
          </button>
        </>
      ) : status === 'needs-pairing' ? (
        <form onSubmit={onPair} data-testid="bridge-pairing">
          <p>{t('start.bridge.pairIntro')}</p>
          <label className="field">
            <span>{t('start.bridge.code')}</span>
            <input
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid="bridge-code"
            />
          </label>
          <button type="submit" className="primary" disabled={busy || code.trim().length === 0} data-testid="bridge-pair">
            {t('start.bridge.pair')}
          </button>
        </form>
      ) : (
        <>
          <p className="muted small" data-testid="bridge-how-to">{t('start.bridge.howTo')}</p>
          <p className="muted small" data-testid="bridge-network-note">{t('start.bridge.networkPrompt')}</p>
          <button type="button" disabled={busy} onClick={() => void find()} data-testid="bridge-find">
            {status === 'looking' ? t('start.bridge.looking') : t('start.bridge.find')}
          </button>
        </>
      )}
    </div>
  );
}
