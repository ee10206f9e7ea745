import { cardFacts, identitySentenceKey } from '../../model/cardFacts';
import { fieldText } from '../../model/fieldText';
import { useAppStore } from '../../store/AppStoreContext';
import {
  selectBusy, selectCardChanged, selectLanguage, selectRows, selectCheckCard, selectClearAll, selectConnectBridgeReader, selectConnection, selectConnectReader, selectDisconnect, selectIdentity, selectInterrupted,
  selectScan, selectScanned, selectScanning, selectShowReaderCheck, selectSource,
} from '../../store/selectors';
import { useT } from '../../useT';
import { ReaderReportButton } from '../ReaderReportButton/ReaderReportButton';

/** The connected card: what it is, its ATR, Scan again, the card check (card type, ATR, applets, card ID and expiry read with no PIN), and a way out. */
export function CardPanel() {
  const t = useT();
  const connection = useAppStore(selectConnection);
  const source = useAppStore(selectSource);
  const identity = useAppStore(selectIdentity);
  const busy = useAppStore(selectBusy);
  const scanning = useAppStore(selectScanning);
  const scanned = useAppStore(selectScanned);
  const scan = useAppStore(selectScan);
  const checkCard = useAppStore(selectCheckCard);
  const disconnect = useAppStore(selectDisconnect);
  const interrupted = useAppStore(selectInterrupted);
  const cardChanged = useAppStore(selectCardChanged);
  const connectReader = useAppStore(selectConnectReader);
  const connectBridgeReader = useAppStore(selectConnectBridgeReader);
  const showReaderCheck = useAppStore(selectShowReaderCheck);
  const clearAll = useAppStore(selectClearAll);
  const rows = useAppStore(selectRows);
  const language = useAppStore(selectLanguage);
  const facts = cardFacts(rows);
  if (!connection && interrupted) {
    return (
      <section className="panel warning" aria-live="polite" data-testid="card-interrupted">
        <h2>{t('card.interrupted')}</h2>
        <div className="actions">
          {source?.kind === 'reader' && (
            <button type="button" className="primary" disabled={busy} onClick={() => void connectReader(source.readerId)} data-testid="reconnect">
              {t('card.reconnect')}
            </button>
          )}
          {source?.kind === 'bridge' && (
            <button type="button" className="primary" disabled={busy} onClick={() => void connectBridgeReader(source.readerName)} data-testid="reconnect">
              {t('card.reconnect')}
            </button>
          )}
          {/* Never disabled: ending the session must work while the engine waits on a hung reader. */}
          <button type="button" onClick={() => void clearAll()} data-testid="back-to-start">
            {t('card.backToStart')}
          </button>
        </div>
        {source?.kind === 'reader' && <ReaderReportButton />}
      </section>
    );
  }
  if (!connection) return null;
  const what =
    source?.kind === 'simulator'
      ? t(source.holder === 'adult' ? 'card.holder.adult' : 'card.holder.child')
      : source?.kind === 'reader'
        ? `${t('card.reader')} ${source.name}`
        : source?.kind === 'smartcard'
          ? `${t('card.smartcard')} ${source.readerName}`
          : source?.kind === 'bridge'
            ? `${t('card.bridge')} ${source.readerName}`
          : t('card.transcript');
  return (
    <section className="panel" aria-live="polite" data-testid="card-panel">
      {source?.kind === 'transcript' ? (
        <>
          <h2 data-testid="connection-line">{t('card.replaying', { file: source.fileName })}</h2>
          <p className="muted small">{t('card.replayingNote')}</p>
        </>
      ) : (
        <h2 data-testid="connection-line">
          {t('card.connected')}: <span className="kind">{what}</span>
        </h2>
      )}
      <p className="mono atr">
        {t('card.atr')} <span data-testid="atr">{connection.atr}</span>
      </p>
      {cardChanged && (
        <p className="notice" role="status" data-testid="card-changed">
          {t('card.changed')}
        </p>
      )}
      <div className="actions">
        {/* The scan starts by itself on connecting (its progress shows where its result will be); this repeats it, or retries one that failed. */}
        {!scanning && (
          <button type="button" disabled={busy} onClick={() => void scan()} data-testid="scan">
            {t(scanned ? 'scan.again' : 'scan.action')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void checkCard()} data-testid="check-card">
          {t('card.check')}
        </button>
        {source?.kind === 'reader' && (
          <button type="button" disabled={busy} onClick={() => void showReaderCheck()} data-testid="reader-check-open">
            {t('card.readerCheck')}
          </button>
        )}
        {/* Never disabled: ending the session must work while the engine waits on a hung reader. */}
        <button type="button" onClick={() => void disconnect()} data-testid="disconnect">
          {t('card.disconnect')}
        </button>
      </div>
      {source?.kind === 'reader' && <ReaderReportButton />}
      {identity && (
        <div className="result" data-testid="identity">
          <IdentitySentence text={t(identitySentenceKey(identity.isMyNumberCard, source?.kind === 'simulator' ? 'simulator' : source?.kind === 'transcript' ? 'transcript' : 'card'), { label: TOKEN_SLOT })} tokenLabel={identity.tokenLabel} />
          <ul className="card-facts">
            <li data-testid="card-check-atr" data-known={identity.atrKnown}>{t(identity.atrKnown ? 'card.check.atrKnown' : 'card.check.atrUnknown')}</li>
            {facts.applets.length > 0 && (
              <li data-testid="card-check-applets">{t('card.check.applets', { applets: facts.applets.map((a) => t(`applet.${a}`)).join(t('card.check.separator')) })}</li>
            )}
            {facts.cardId && <li data-testid="card-check-id">{t('card.check.cardId', { id: fieldText(facts.cardId, language) })}</li>}
            {facts.expiry && <li data-testid="card-check-expiry">{t('card.check.expiry', { date: fieldText(facts.expiry, language) })}</li>}
            {!scanned && <li className="muted">{t('card.check.notScanned')}</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Where the token label goes in the catalog sentence: it is the card's own data, so it is shown as such, not as UI words. */
const TOKEN_SLOT = '\u0000';

/** The card check's sentence with the token label the card returned (its JPKI token, e.g. JPKIAPICCTOKEN2) marked as card data. */
function IdentitySentence({ text, tokenLabel }: { text: string; tokenLabel: string }) {
  const [before, after] = text.split(TOKEN_SLOT);
  return (
    <p>
      {before}
      <span className="mono" data-card-data>
        {tokenLabel}
      </span>
      {after}
    </p>
  );
}
