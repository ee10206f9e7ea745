import { useState, type ChangeEvent, type FormEvent } from 'react';
import { fromBase64, toBase64 } from '../../../bytes/base64';
import { downloadBlob } from '../../model/download';
import { fieldLabel, fieldText } from '../../model/fieldText';
import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage, selectServices, selectSignDocument } from '../../store/selectors';
import { useDates } from '../../useDates';
import { useT } from '../../useT';
import { CertificateActions } from '../CertificateActions/CertificateActions';
import { ServiceError } from './ServiceError';
import { ServicePinField } from './ServicePinField';
import { usePinEntry } from './usePinEntry';

const SIGNATURE_CERTIFICATE_REVEALS = ['name', 'address', 'birthDate', 'sex'];

/**
 * 署名 (docs/card-reference.md §6.5, §12): a text or a file, the signature password with the PIN rules,
 * then the detached CMS signature to download and what travels with it — the signature
 * certificate and the four basic facts it carries.
 */
export function SignDocument() {
  const t = useT();
  const dates = useDates();
  const language = useAppStore(selectLanguage);
  const services = useAppStore(selectServices);
  const sign = useAppStore(selectSignDocument);
  const entry = usePinEntry('jpkiSign');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [signedText, setSignedText] = useState<string | null>(null);
  const content = file ? file.bytes : new TextEncoder().encode(text);
  const result = services.signature;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (chosen) setFile({ name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!entry.ready || content.length === 0 || services.pending) return;
    const { value, confirmLastTry } = entry.take();
    const asText = file ? null : text;
    if (await sign(toBase64(content), value, confirmLastTry)) setSignedText(asText);
  }

  if (entry.notIssued) {
    // No signature certificate, so no key and no password (§6.2, §12): nothing to sign with.
    return (
      <section className="panel service-section" aria-labelledby="sign-heading" data-testid="sign-document">
        <h3 id="sign-heading">{t('sign.heading')}</h3>
        <p className="muted">{t('sign.intro')}</p>
        <p data-testid="sign-not-issued">{t('sign.notIssued')}</p>
      </section>
    );
  }

  return (
    <section className="panel service-section" aria-labelledby="sign-heading" data-testid="sign-document">
      <h3 id="sign-heading">{t('sign.heading')}</h3>
      <p className="muted">{t('sign.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)}>
        {file ? (
          <p className="field" data-testid="sign-file-chosen">
            {t('sign.fileChosen', { name: file.name, size: file.bytes.length })}{' '}
            <button type="button" className="link" onClick={() => setFile(null)}>
              {t('sign.useText')}
            </button>
          </p>
        ) : (
          <label className="stacked">
            <span>{t('sign.text')}</span>
            <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="sign-text" />
          </label>
        )}
        <label className="file-button">
          <span>{t('sign.file')}</span>
          <input type="file" onChange={(e) => void onFile(e)} data-testid="sign-file" />
        </label>
        <ServicePinField entry={entry} label={t('sign.pinLabel')} prefix="sign" />
        {content.length === 0 && <p className="muted small">{t('sign.empty')}</p>}
        {!entry.blocked && (
          <div className="actions">
            <button type="submit" className="primary" disabled={!entry.ready || content.length === 0 || services.pending !== null} data-testid="sign-submit">
              {services.pending === 'sign' ? t('sign.running') : t('sign.action')}
            </button>
          </div>
        )}
      </form>
      <ServiceError action="sign" testId="sign-error" />
      {result && (
        <div data-testid="sign-result" data-self-check={result.selfCheck}>
          <p className={result.selfCheck ? 'result' : 'error'}>{t(result.selfCheck ? 'sign.done' : 'sign.selfCheckFailed')}</p>
          <dl className="facts-list">
            <dt>{t('sign.digest')}</dt>
            <dd className="mono wrap small" data-testid="sign-digest">{result.contentSha256Hex}</dd>
            <dt>{t('sign.time')}</dt>
            <dd>{dates.dateTime(result.signingTime)}</dd>
            <dt>{t('sign.size', { size: result.contentLength })}</dt>
            <dd />
          </dl>
          <div className="actions">
            <button type="button" className="primary" onClick={() => downloadBlob('signature.p7s', fromBase64(result.cmsBase64), 'application/pkcs7-signature')} data-testid="sign-download">
              {t('sign.download')}
            </button>
            {signedText !== null && (
              <button type="button" onClick={() => downloadBlob('signed.txt', new TextEncoder().encode(signedText), 'text/plain;charset=utf-8')} data-testid="sign-download-content">
                {t('sign.downloadContent')}
              </button>
            )}
          </div>
          <h4>{t('sign.travels')}</h4>
          <p>{t('sign.travelsIntro')}</p>
          <dl className="facts-list" data-testid="sign-facts">
            {result.facts.map((fact) => (
              <div key={fact.key} data-testid="sign-fact" data-field={fact.key}>
                <dt>{fieldLabel(fact, language)}</dt>
                <dd>{fieldText(fact, language)}</dd>
              </div>
            ))}
          </dl>
          <p className="linkable-value small">
            {t('sign.certificate', { serial: result.certificate.serialNumberHex })} — {result.certificate.issuer}
          </p>
          {/* The signature certificate carries the four basic facts in subjectAltName (docs/card-reference.md §12). */}
          <CertificateActions derBase64={result.certificateDerBase64} fileName="signature-certificate" reveals={SIGNATURE_CERTIFICATE_REVEALS} serial={result.certificate.serialNumberHex} />
          <p className="muted small mono wrap">{t('sign.opensslHint')}</p>
        </div>
      )}
    </section>
  );
}
