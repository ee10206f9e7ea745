import { fromBase64 } from '../../../bytes/base64';
import { downloadBlob, toPem } from '../../model/download';
import { certificateReveals } from '../../model/transcriptContents';
import { useT } from '../../useT';

/**
 * Saves a certificate as PEM or DER, made here from the DER the engine decoded; nothing is
 * uploaded. Above the buttons it names what the saved file reveals (docs/card-reference.md §12):
 * its serial number, and the holder facts the certificate carries — for the signature
 * certificate the name, address, date of birth and sex — or that a CA certificate names no one.
 */
export function CertificateActions({ derBase64, fileName, reveals, serial }: {
  derBase64: string;
  fileName: string;
  /** The holder facts of the certificate's row (`ExposureRowView.reveals`); none for a CA certificate. */
  reveals: readonly string[];
  serial: string | null;
}) {
  const t = useT();
  const facts = certificateReveals(reveals);
  const personal = reveals.length > 0;
  return (
    <>
      <div className="muted small" data-testid="certificate-reveals">
        <p>{t('detail.exportReveals')}</p>
        <ul>
          {personal ? (
            <>
              <li data-fact="serial">{t('detail.exportRevealsSerial', { serial: serial ? ` ${serial}` : '' })}</li>
              {facts.map((fact) => (
                <li key={fact} data-fact={fact}>{t(`summary.fact.${fact}`)}</li>
              ))}
            </>
          ) : (
            <li data-fact="none">{t('detail.exportRevealsNoPerson')}</li>
          )}
        </ul>
      </div>
      <div className="actions">
      <button type="button" onClick={() => downloadBlob(`${fileName}.pem`, toPem(derBase64), 'application/x-pem-file')} data-testid="export-pem">
        {t('detail.exportPem')}
      </button>
      <button type="button" onClick={() => downloadBlob(`${fileName}.der`, fromBase64(derBase64), 'application/pkix-cert')} data-testid="export-der">
        {t('detail.exportDer')}
      </button>
      </div>
    </>
  );
}
