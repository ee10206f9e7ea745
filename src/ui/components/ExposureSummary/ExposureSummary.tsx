import { noPinSummary } from '../../model/noPinSummary';
import { useAppStore } from '../../store/AppStoreContext';
import { selectRows, selectScanned } from '../../store/selectors';
import { useT } from '../../useT';

/** The headline: in plain words, what anyone who touches the card to a reader learns with no PIN (docs/peers.md §5.1–§5.2). */
export function ExposureSummary() {
  const t = useT();
  const rows = useAppStore(selectRows);
  const scanned = useAppStore(selectScanned);
  const summary = noPinSummary(rows);
  if (!scanned && summary.rowsRead === 0) return null;
  return (
    <section className="panel summary" aria-labelledby="summary-heading" data-testid="no-pin-summary">
      <h2 id="summary-heading">{t('summary.heading')}</h2>
      {summary.rowsRead === 0 ? (
        <p>{t('summary.none')}</p>
      ) : (
        <>
          <p>{t('summary.intro', { count: summary.rowsRead })}</p>
          <ul className="facts">
            {summary.facts.map((fact) => (
              <li key={fact} data-testid={`fact-${fact}`}>
                {fact === 'authCertificate'
                  ? summary.serial
                    ? t('summary.fact.authCertificate', { serial: summary.serial })
                    : t('summary.fact.authCertificate.noSerial')
                  : t(`summary.fact.${fact}`)}
              </li>
            ))}
          </ul>
          {!summary.facts.some((f) => f === 'name' || f === 'myNumber') && <p className="muted">{t('summary.notShown')}</p>}
        </>
      )}
    </section>
  );
}
