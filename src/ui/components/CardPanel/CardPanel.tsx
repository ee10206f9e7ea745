import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectCheckCard, selectConnection, selectDisconnect, selectIdentity } from '../../store/selectors';
import { useT } from '../../useT';

/** The connected card: its ATR, the card check, and a way out. */
export function CardPanel() {
  const t = useT();
  const connection = useAppStore(selectConnection);
  const identity = useAppStore(selectIdentity);
  const busy = useAppStore(selectBusy);
  const checkCard = useAppStore(selectCheckCard);
  const disconnect = useAppStore(selectDisconnect);
  if (!connection) return null;
  return (
    <section className="panel" aria-live="polite" data-testid="card-panel">
      <h2>
        {t('card.connected')}: <span className="kind">{connection.kind}</span>
      </h2>
      <p className="mono">
        {t('card.atr')} <span data-testid="atr">{connection.atr}</span>
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void checkCard()} data-testid="check-card">
          {busy ? t('card.checking') : t('card.check')}
        </button>
        <button type="button" disabled={busy} onClick={() => void disconnect()} data-testid="disconnect">
          {t('card.disconnect')}
        </button>
      </div>
      {identity && (
        <p className="result" data-testid="identity">
          {t(identity.isMyNumberCard ? 'card.identity.myNumber' : 'card.identity.other', { label: identity.tokenLabel })}
        </p>
      )}
    </section>
  );
}
