import { fromBase64 } from '../../../bytes/base64';
import { downloadBlob, toPem } from '../../model/download';
import { useT } from '../../useT';

/** Saves a certificate as PEM or DER, made here from the DER the engine decoded; nothing is uploaded. */
export function CertificateActions({ derBase64, fileName }: { derBase64: string; fileName: string }) {
  const t = useT();
  return (
    <div className="actions">
      <button type="button" onClick={() => downloadBlob(`${fileName}.pem`, toPem(derBase64), 'application/x-pem-file')} data-testid="export-pem">
        {t('detail.exportPem')}
      </button>
      <button type="button" onClick={() => downloadBlob(`${fileName}.der`, fromBase64(derBase64), 'application/pkix-cert')} data-testid="export-der">
        {t('detail.exportDer')}
      </button>
    </div>
  );
}
