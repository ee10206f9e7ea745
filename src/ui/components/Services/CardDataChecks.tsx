import type { CardDataCheckView } from '../../../protocol';
import { useAppStore } from '../../store/AppStoreContext';
import { selectCheckCardData, selectOpenPinDialog, selectPins, selectServices, selectLanguage } from '../../store/selectors';
import { useT } from '../../useT';
import { ServiceError } from './ServiceError';

/**
 * Card-data authenticity (docs/card-reference.md §7.4, §8.2): the text AP integrity record and the visual
 * AP card-face signature, step by step, saying which step was possible and with whose key.
 */
export function CardDataChecks() {
  const t = useT();
  const services = useAppStore(selectServices);
  const check = useAppStore(selectCheckCardData);
  return (
    <section className="panel service-section" aria-labelledby="carddata-heading" data-testid="card-data-checks">
      <h3 id="carddata-heading">{t('cardData.heading')}</h3>
      <p className="muted">{t('cardData.intro')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={services.pending !== null} onClick={() => void check()} data-testid="carddata-check">
          {services.pending === 'cardData' ? t('cardData.running') : t('cardData.action')}
        </button>
      </div>
      <ServiceError action="cardData" testId="carddata-error" />
      {services.cardData?.map((c) => <CardDataCheck key={c.which} check={c} />)}
    </section>
  );
}

function CardDataCheck({ check }: { check: CardDataCheckView }) {
  const t = useT();
  const pins = useAppStore(selectPins);
  const language = useAppStore(selectLanguage);
  const openPin = useAppStore(selectOpenPinDialog);
  const title = t(check.which === 'textIntegrity' ? 'cardData.textIntegrity' : 'cardData.cardFace');
  if (check.state === 'needs-pin' || !check.status) {
    return (
      <article className="check" data-testid="carddata-item" data-which={check.which} data-state="needs-pin">
        <h4>{title}</h4>
        <p className="muted">{t('cardData.needsPin')}</p>
        <div className="actions">
          {(check.needs ?? []).map((pinId) => {
            const pin = pins.find((p) => p.pinId === pinId);
            const name = pin ? (language === 'ja' ? pin.nameJa : pin.name) : t(`pin.short.${pinId}`);
            return (
              <button type="button" key={pinId} onClick={() => openPin(pinId)} disabled={!pin} data-testid={`carddata-enter-${pinId}`}>
                {t('cardData.enterPin', { pin: name })}
              </button>
            );
          })}
        </div>
      </article>
    );
  }
  return (
    <article className="check" data-testid="carddata-item" data-which={check.which} data-state="checked" data-status={check.status}>
      <h4>{title}</h4>
      <p className={check.status === 'verified' ? 'result' : check.status === 'failed' ? 'error' : 'warning'} data-testid="carddata-status">
        {t(`cardData.status.${check.status}`)}
      </p>
      <ul className="steps">
        {(check.steps ?? []).map((step) => (
          <li key={step.id} data-testid="carddata-step" data-step={step.id} data-outcome={step.outcome}>
            {t(`cardData.step.${step.id}`, { signer: check.signerKeyId ?? '?', issuer: check.issuerKeyId ?? '?' })}:{' '}
            <strong className={`outcome outcome-${step.outcome}`}>{t(`cardData.outcome.${step.outcome}`)}</strong>
          </li>
        ))}
      </ul>
      <p className="small muted">{t(check.issuerKey === 'simulator' ? 'cardData.issuer.simulator' : 'cardData.issuer.unavailable')}</p>
      {check.which === 'cardFace' && <p className="small muted">{t('cardData.notCovered')}</p>}
    </article>
  );
}
