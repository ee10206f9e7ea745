import { useAppStore } from '../../store/AppStoreContext';
import { selectReadWithoutPin, selectServices } from '../../store/selectors';
import { statusWordText } from '../../model/statusWordText';
import { commandNameText } from '../../model/commandNameText';
import { useT } from '../../useT';
import { SerialMark } from '../SerialMark/SerialMark';
import { ServiceError } from './ServiceError';

/**
 * The authentication certificate read with no PIN (docs/card-reference.md §6.1, §13.3): the exact APDUs,
 * none of them a VERIFY, and the serial number they hand out.
 */
export function NoPinRead() {
  const t = useT();
  const statusText = (sw: string | null) => {
    const status = statusWordText(sw);
    return t(status.key, status.values);
  };
  const services = useAppStore(selectServices);
  const read = useAppStore(selectReadWithoutPin);
  const result = services.noPin;
  const verifies = result ? result.apdus.filter((r) => r.command.startsWith('00 20')).length : 0;
  return (
    <section className="panel service-section" aria-labelledby="nopin-heading" data-testid="no-pin-read">
      <h3 id="nopin-heading">{t('noPin.heading')}</h3>
      <p className="muted">{t('noPin.intro')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={services.pending !== null} onClick={() => void read()} data-testid="nopin-read">
          {services.pending === 'noPin' ? t('noPin.running') : t('noPin.action')}
        </button>
      </div>
      <ServiceError action="noPin" testId="nopin-error" />
      {result && (
        <>
          <p className="small" data-testid="nopin-summary">{t('noPin.summary', { count: result.apdus.length, verifies })}</p>
          <div className="table-scroll">
            <table className="apdu-log">
              <thead>
                <tr>
                  <th scope="col">{t('log.column.seq')}</th>
                  <th scope="col">{t('log.column.command')}</th>
                  <th scope="col">{t('log.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {result.apdus.map((row) => (
                  <tr key={row.seq} data-testid="nopin-apdu">
                    <td className="num">{row.seq}</td>
                    <td>
                      <div className="name">{commandNameText(row.nameParts, t)}</div>
                      <code className="wrap" data-testid="nopin-apdu-command">{row.command}</code>
                    </td>
                    <td>
                      <code>{row.sw ?? '—'}</code> <span className="muted small">{statusText(row.sw)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="linkable-value">
            {t('noPin.serial')}: <span data-testid="nopin-serial"><SerialMark serial={result.record.serialNumberHex} /></span>{' '}
            <span className="muted small">({result.record.serialNumberDecimal})</span>
          </p>
          <p className="callout small">{t('login.linkNote')}</p>
        </>
      )}
    </section>
  );
}
