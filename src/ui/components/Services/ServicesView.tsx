import { useT } from '../../useT';
import { CardDataChecks } from './CardDataChecks';
import { CertificateChecks } from './CertificateChecks';
import { NoPinRead } from './NoPinRead';
import { ServiceLogin } from './ServiceLogin';
import { SignDocument } from './SignDocument';

/** "What a service sees" (サービスから見えるもの): login, the no-PIN read, signing, certificate and card-data checks. */
export function ServicesView() {
  const t = useT();
  return (
    <section aria-labelledby="services-heading" data-testid="services-view">
      <div className="panel">
        <h2 id="services-heading">{t('services.heading')}</h2>
        <p className="muted">{t('services.intro')}</p>
      </div>
      <ServiceLogin />
      <NoPinRead />
      <SignDocument />
      <CertificateChecks />
      <CardDataChecks />
    </section>
  );
}
