import type { FormEvent } from 'react';
import type { ServiceLoginView } from '../../../protocol';
import { useAppStore } from '../../store/AppStoreContext';
import { selectServiceLogin, selectServices } from '../../store/selectors';
import { useDates } from '../../useDates';
import { useT } from '../../useT';
import { SERIAL_SLOT, SerialMark, aroundSerial } from '../SerialMark/SerialMark';
import { ServiceError } from './ServiceError';
import { ServicePinField } from './ServicePinField';
import { usePinEntry } from './usePinEntry';

/** Services are named A, B, C… by the order of login. */
function serviceName(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

/**
 * 利用者証明 as a service sees it (docs/card-reference.md §6.5, §13.4): a login form with the auth PIN,
 * then each service's record side by side, the serial number marked as the linkable fact and
 * highlighted where two services hold the same one.
 */
export function ServiceLogin() {
  const t = useT();
  const services = useAppStore(selectServices);
  const login = useAppStore(selectServiceLogin);
  const entry = usePinEntry('jpkiAuth');
  const next = serviceName(services.logins.length);
  const running = services.pending === 'login';
  const serials = services.logins.map((l) => l.record.serialNumberHex);
  const repeated = serials.find((s, i) => serials.indexOf(s) !== i) ?? null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!entry.ready || services.pending) return;
    const { value, confirmLastTry } = entry.take();
    await login(value, confirmLastTry);
  }

  return (
    <section className="panel service-section" aria-labelledby="login-heading" data-testid="service-login">
      <h3 id="login-heading">{t('login.heading')}</h3>
      <p className="muted">{t('login.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)}>
        <ServicePinField entry={entry} label={t('login.pinLabel')} prefix="login" />
        {!entry.blocked && (
          <div className="actions">
            <button type="submit" className="primary" disabled={!entry.ready || services.pending !== null} data-testid="login-submit">
              {running ? t('login.running') : t('login.action', { name: next })}
            </button>
          </div>
        )}
      </form>
      <ServiceError action="login" testId="login-error" />
      {services.logins.length > 0 && (
        <>
          <h4>{t('login.records')}</h4>
          <div className="records">
            {services.logins.map((l, index) => (
              <ServiceRecord key={`${l.at}-${index}`} login={l} name={serviceName(index)} matches={l.record.serialNumberHex === repeated} />
            ))}
          </div>
          {repeated ? (
            <p className="callout" data-testid="same-serial-note">
              <SameSerial text={t('login.same', { serial: SERIAL_SLOT })} serial={repeated} />
            </p>
          ) : (
            <p className="muted small">{t('login.second')}</p>
          )}
        </>
      )}
    </section>
  );
}

function ServiceRecord({ login, name, matches }: { login: ServiceLoginView; name: string; matches: boolean }) {
  const t = useT();
  const dates = useDates();
  const { record } = login;
  return (
    <article className={matches ? 'record match' : 'record'} data-testid="service-record" data-service={name} aria-labelledby={`record-${name}`}>
      <h5 id={`record-${name}`}>{t('login.service', { name })}</h5>
      <p className={login.signatureValid ? 'result small' : 'error small'} data-testid="record-verdict" data-valid={login.signatureValid}>
        {t(login.signatureValid ? 'login.accepted' : 'login.rejected')}
      </p>
      <dl>
        <dt>{t('login.serial')}</dt>
        <dd className="linkable-value">
          <span data-testid="record-serial" data-match={matches}>
            <SerialMark serial={record.serialNumberHex} />
          </span>{' '}
          <span className="muted small">({record.serialNumberDecimal})</span>
          <span className="callout small">{t('login.linkNote')}</span>
        </dd>
        <dt>{t('login.issuer')}</dt>
        <dd className="small">{record.issuer}</dd>
        <dt>{t('login.validity', { from: dates.date(record.notBefore), to: dates.date(record.notAfter) })}</dt>
        <dd className="small muted">{t('login.at', { time: dates.dateTime(login.at) })}</dd>
        <dt>{t('login.challenge')}</dt>
        <dd className="mono wrap small">{login.challengeHex}</dd>
        <dt>{t('login.signature')}</dt>
        <dd className="mono wrap small clip">{login.signatureHex}</dd>
      </dl>
    </article>
  );
}

function SameSerial({ text, serial }: { text: string; serial: string }) {
  const [before, after] = aroundSerial(text);
  return (
    <>
      {before}
      <SerialMark serial={serial} />
      {after}
    </>
  );
}
