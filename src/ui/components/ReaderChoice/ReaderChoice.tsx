import { useEffect } from 'react';
import type { ReaderView } from '../../../protocol';
import { useAppStore } from '../../store/AppStoreContext';
import { selectAddReader, selectBusy, selectConnectReader, selectReaders, selectRefreshReaders, selectSmartCardReaders, selectUsb } from '../../store/selectors';
import { useT } from '../../useT';
import { smartCardAlternative } from './smartCardAlternative';


function statusKey(reader: ReaderView) {
  if (reader.blockedBy === 'usb/protected-class') return 'start.reader.needsInstalledApp' as const;
  if (reader.blockedBy === 'usb/not-a-reader') return 'start.reader.notSupported' as const;
  return 'start.reader.ready' as const;
}

/**
 * The start screen's reader choice: offered only where WebUSB exists; says which readers work in
 * this page and which need the installed app; lists readers granted before (they reconnect after a
 * reload without the chooser), and opens the chooser for a new one.
 */
export function ReaderChoice() {
  const t = useT();
  const usb = useAppStore(selectUsb);
  const readers = useAppStore(selectReaders);
  const smartCardReaders = useAppStore(selectSmartCardReaders);
  const busy = useAppStore(selectBusy);
  const addReader = useAppStore(selectAddReader);
  const connectReader = useAppStore(selectConnectReader);
  const refreshReaders = useAppStore(selectRefreshReaders);
  useEffect(() => {
    void refreshReaders();
  }, [refreshReaders]);

  if (!usb.webUsb) {
    return (
      <div className="choice" data-testid="reader-section">
        <h3>{t('start.reader.title')}</h3>
        <p data-testid="reader-unavailable">{t('start.reader.noWebUsb')}</p>
      </div>
    );
  }
  return (
    <div className="choice" data-testid="reader-section">
      <h3>{t('start.reader.title')}</h3>
      <p>{t('start.reader.body')}</p>
      <p className="muted small" data-testid="reader-guidance">
        {usb.unrestricted ? t('start.reader.worksInstalled') : t('start.reader.worksHere', { readers: t('start.reader.plainPageReaders') })}
      </p>
      <button type="button" className="primary" disabled={busy} onClick={() => void addReader()} data-testid="connect-reader">
        {t('start.reader.connect')}
      </button>
      {readers.length > 0 && (
        <>
          <h4>{t('start.reader.granted')}</h4>
          <ul className="reader-list" data-testid="reader-list">
            {readers.map((reader) => (
              <li key={reader.id} data-testid="reader-item">
                <span className="reader-name">{reader.name}</span>{' '}
                <span className="mono small muted">
                  {reader.vendorId}:{reader.productId}
                </span>{' '}
                <span className={`badge ${reader.blockedBy ? 'badge-warn' : 'badge-ok'}`}>{t(statusKey(reader))}</span>{' '}
                {reader.experimental && (
                  <span className="badge badge-warn" title={t('start.reader.experimentalNote')} data-testid="reader-experimental">
                    {t('start.reader.experimental')}
                  </span>
                )}{' '}
                <button type="button" disabled={busy} onClick={() => void connectReader(reader.id)} data-testid="use-reader">
                  {t('start.reader.use')}
                </button>
                {smartCardAlternative(reader, smartCardReaders) && (
                  <p className="muted small" data-testid="reader-prefer-smartcard">
                    {t('start.reader.preferSmartCard', { name: smartCardAlternative(reader, smartCardReaders) ?? '' })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
