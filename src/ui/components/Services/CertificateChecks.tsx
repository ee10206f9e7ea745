import type { CertificateCheckView } from '../../../protocol';
import { useAppStore } from '../../store/AppStoreContext';
import { selectCheckCertificates, selectServices } from '../../store/selectors';
import { useDates } from '../../useDates';
import { useT } from '../../useT';
import { ServiceError } from './ServiceError';

/**
 * The certificate self-check (docs/card-reference.md §12): each JPKI certificate against the bundled
 * CAs and the CA on the card, validity dates, and in plain words what this cannot prove
 * (revocation) and that verification as a service is reserved by law.
 */
export function CertificateChecks() {
  const t = useT();
  const services = useAppStore(selectServices);
  const check = useAppStore(selectCheckCertificates);
  return (
    <section className="panel service-section" aria-labelledby="certs-heading" data-testid="certificate-checks">
      <h3 id="certs-heading">{t('certs.heading')}</h3>
      <p className="muted">{t('certs.intro')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={services.pending !== null} onClick={() => void check()} data-testid="certs-check">
          {services.pending === 'certificates' ? t('certs.running') : t('certs.action')}
        </button>
      </div>
      <ServiceError action="certificates" testId="certs-error" />
      {services.certificates?.certificates.map((c) => <CertificateCheck key={c.which} check={c} />)}
      <p className="warning small" data-testid="certs-revocation">{t('certs.revocation')}</p>
      <p className="note small" data-testid="certs-law">{t('certs.law')}</p>
    </section>
  );
}

function CertificateCheck({ check }: { check: CertificateCheckView }) {
  const t = useT();
  const dates = useDates();
  const title = t(check.which === 'auth' ? 'certs.auth' : 'certs.sign');
  if (check.state !== 'checked' || !check.record || !check.bundled || !check.onCard) {
    return (
      <article className="check" data-testid="cert-check" data-which={check.which} data-state={check.state}>
        <h4>{title}</h4>
        <p className="muted">{t(check.state === 'absent' ? 'certs.absent' : 'certs.needsPin')}</p>
      </article>
    );
  }
  const { record, bundled, onCard } = check;
  const validityDate = check.validity === 'not-yet-valid' ? record.notBefore : record.notAfter;
  return (
    <article className="check" data-testid="cert-check" data-which={check.which} data-state={check.state}>
      <h4>{title}</h4>
      <p className="linkable-value">
        {t('login.serial')}: <span className="mono" data-testid="cert-serial">{record.serialNumberHex}</span>
      </p>
      <p className="small">{t('login.issuer')}: {record.issuer}</p>
      <p className={check.validity === 'valid' ? 'result small' : 'error small'} data-testid="cert-validity" data-validity={check.validity}>
        {t(`certs.validity.${check.validity ?? 'valid'}`, { date: dates.date(validityDate) })}
      </p>
      <h5>{t(check.trustStore === 'simulator' ? 'certs.store.simulator' : 'certs.store.jlis')}</h5>
      <p className={bundled.status === 'verified' ? 'result small' : bundled.status === 'issuer-not-bundled' ? 'warning small' : 'error small'} data-testid="cert-bundled" data-status={bundled.status}>
        {t(`certs.status.${bundled.status}`, { anchor: bundled.anchorLabel ?? '' })}
      </p>
      {bundled.anchorValidity === 'expired' && bundled.anchorNotAfter && <p className="muted small">{t('certs.anchorExpired', { date: dates.date(bundled.anchorNotAfter) })}</p>}
      <h5>{t('certs.onCard')}</h5>
      {onCard.status === 'absent' ? (
        <p className="muted small" data-testid="cert-on-card" data-status="absent">{t('certs.onCard.absent')}</p>
      ) : (
        <p className={onCard.status === 'verified' ? 'result small' : 'error small'} data-testid="cert-on-card" data-status={onCard.status}>
          {t(`certs.status.${onCard.status}`, { anchor: t('certs.onCard.serial', { serial: onCard.caSerialHex ?? '?' }) })}
        </p>
      )}
      {onCard.caIsBundled && <p className="small">{t('certs.onCard.bundled')}</p>}
      <p className="note small">{t('certs.onCard.note')}</p>
    </article>
  );
}
