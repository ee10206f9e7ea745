import { useAppStore } from '../../store/AppStoreContext';
import { selectLog } from '../../store/selectors';
import { useT } from '../../useT';

/** Every command and response, names decoded, status words explained, PINs shown as `**`. */
export function ApduLog() {
  const t = useT();
  const log = useAppStore(selectLog);
  return (
    <section className="panel" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('log.heading')}</h2>
      {log.length === 0 ? (
        <p className="muted">{t('log.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="apdu-log" data-testid="apdu-log">
            <thead>
              <tr>
                <th scope="col">{t('log.column.seq')}</th>
                <th scope="col">{t('log.column.command')}</th>
                <th scope="col">{t('log.column.response')}</th>
                <th scope="col">{t('log.column.status')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((row) => (
                <tr key={row.seq} data-testid="apdu-row">
                  <td className="num">{row.seq}</td>
                  <td>
                    <div className="name">{row.name}</div>
                    <code>{row.command}</code>
                    {row.sensitive && <span className="badge">{t('log.redacted')}</span>}
                  </td>
                  <td>
                    <code className="wrap">{row.responseData}</code>
                  </td>
                  <td>
                    <code>{row.sw ?? '—'}</code>
                    <div className="muted small">{row.swMeaning}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
