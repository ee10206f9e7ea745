import { useAppStore } from '../../store/AppStoreContext';
import {
  selectBusy, selectCardChanged, selectCheckCard, selectClearAll, selectConnectBridgeReader, selectConnection, selectConnectReader, selectDisconnect, selectIdentity, selectInterrupted,
  selectProgress, selectScan, selectScanned, selectScanning, selectShowReaderCheck, selectSource,
} from '../../store/selectors';
import { useT } from '../../useT';
import { ReaderReportButton } from '../ReaderReportButton/ReaderReportButton';

/** The connected card: what it is, its ATR, the scan with its progress, the card check, and a way out. */
export function CardPanel() {
  const t = useT();
  const connection = useAppStore(selectConnection);
  const source = useAppStore(selectSource);
  const identity = useAppStore(selectIdentity);
  const busy = useAppStore(selectBusy);
  const scanning = useAppStore(selectScanning);
  const scanned = useAppStore(selectScanned);
  const progress = useAppStore(selectProgress);
  const scan = useAppStore(selectScan);
  const checkCard = useAppStore(selectCheckCard);
  const disconnect = useAppStore(selectDisconnect);
  const interrupted = useAppStore(selectInterrupted);
  const cardChanged = useAppStore(selectCardChanged);
  const connectReader = useAppStore(selectConnectReader);
  const connectBridgeReader = useAppStore(selectConnectBridgeReader);
  const showReaderCheck = useAppStore(selectShowReaderCheck);
  const clearAll = useAppStore(selectClearAll);
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
      {!scanned && <p className="muted">{t('scan.hint')}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void scan()} data-testid="scan">
          {scanning ? t('scan.scanning') : t(scanned ? 'scan.again' : 'scan.action')}
        </button>
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
      {progress && (
        <div className="progress" data-testid="scan-progress">
          <progress max={Math.max(progress.total, 1)} value={progress.done} />
          <span className="muted small">{progress.total > 0 ? t('scan.progress', { ...progress }) : t('scan.scanning')}</span>
        </div>
      )}
      {identity && (
        <p className="result" data-testid="identity">
          {t(identity.isMyNumberCard ? 'card.identity.myNumber' : 'card.identity.other', { label: identity.tokenLabel })}
        </p>
      )}
    </section>
  );
}
