import { noPinSummary } from '../../model/noPinSummary';
import { useAppStore } from '../../store/AppStoreContext';
import { selectReadWithoutPin, selectRows, selectScanned, selectScanning, selectSetView, selectSource } from '../../store/selectors';
import { useT } from '../../useT';
import { SERIAL_SLOT, SerialMark, aroundSerial } from '../SerialMark/SerialMark';

/**
 * The headline: in large type, what anyone who touches the card to a reader learns with no PIN —
 * first the authentication certificate and the serial that links a person's logins, then the other
 * no-PIN facts (docs/peers.md §5.1–§5.2). Every sentence follows from what this card answered: no
 * serial is claimed that was not read, and a transcript speaks of the recorded card, not "yours".
 */
export function ExposureSummary() {
  const t = useT();
  const rows = useAppStore(selectRows);
  const scanned = useAppStore(selectScanned);
  const scanning = useAppStore(selectScanning);
  const source = useAppStore(selectSource);
  const setView = useAppStore(selectSetView);
  const readWithoutPin = useAppStore(selectReadWithoutPin);
  const summary = noPinSummary(rows);
  if (scanning || (!scanned && summary.rowsRead === 0)) return null;
  const recorded = source?.kind === 'transcript';
  const others = summary.facts.filter((f) => f !== 'authCertificate');
  const authRead = summary.facts.includes('authCertificate');

  function seeServicesLink() {
    setView('services');
    // What a service gets with no PIN, at once; logging in (with the PIN) shows two services' records side by side.
    void readWithoutPin();
    // Land on the login: two logins (each with the PIN) put the two services' records side by side.
    requestAnimationFrame(() => {
      document.getElementById('login-heading')?.scrollIntoView({ block: 'start' });
      document.querySelector<HTMLInputElement>('[data-testid="service-login"] input')?.focus({ preventScroll: true });
    });
  }

  return (
    <section className="panel summary" aria-labelledby="summary-heading" data-testid="no-pin-summary">
      {summary.rowsRead === 0 ? (
        <h2 id="summary-heading" className="headline" data-testid="headline">{t('summary.none')}</h2>
      ) : (
        <>
          <h2 id="summary-heading" className="headline" data-testid="headline" data-serial={summary.serial ?? ''}>
            {authRead ? (
              summary.serial ? (
                <AuthHeadline text={t(recorded ? 'headline.auth.recorded' : 'headline.auth', { serial: SERIAL_SLOT })} serial={summary.serial} />
              ) : (
                <span data-testid="fact-authCertificate">{t(recorded ? 'headline.auth.noSerial.recorded' : 'headline.auth.noSerial')}</span>
              )
            ) : (
              t('headline.noAuth')
            )}
          </h2>
          {authRead && summary.serial && (
            <div className="actions">
              <button type="button" className="primary" onClick={seeServicesLink} data-testid="see-services-link">
                {t('headline.seeServices')}
              </button>
            </div>
          )}
          {others.length > 0 && (
            <>
              <h3 className="summary-more">{t('summary.more')}</h3>
              <ul className="facts">
                {others.map((fact) => (
                  <li key={fact} data-testid={`fact-${fact}`}>
                    {t(`summary.fact.${fact}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {!summary.facts.some((f) => f === 'name' || f === 'myNumber') && <p className="muted">{t('summary.notShown')}</p>}
        </>
      )}
    </section>
  );
}

function AuthHeadline({ text, serial }: { text: string; serial: string }) {
  const [before, after] = aroundSerial(text);
  return (
    <span data-testid="fact-authCertificate">
      {before}
      <SerialMark serial={serial} />
      {after}
    </span>
  );
}
