import type { ExposureRowView, FieldView, FileContentView } from '../../../protocol';
import { errorMessage } from '../../i18n/errorMessages';
import { carriesMyNumber, hexWithHidden } from '../../model/myNumberMask';
import { linkableSerial } from '../../model/transcriptContents';
import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage, selectMyNumberRevealed, selectSelectRow, selectSelectedRow } from '../../store/selectors';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../useT';
import { CertificateActions } from '../CertificateActions/CertificateActions';
import { FieldList } from '../FieldList/FieldList';
import { ImageGallery } from '../ImageGallery/ImageGallery';
import { Modal } from '../Modal/Modal';
import { MyNumberReveal } from '../MyNumberReveal/MyNumberReveal';

/** The rows whose detail carries a note, each a catalog entry `rowNote.<row key>` (docs/card-reference.md §6.1, §7.1, §8.1, §9.3). */
const NOTED = ['jpki/0001', 'jpki/0008', 'jpki/000A', 'text/0003', 'text/0008', 'visual/0006', 'juki/0002'] as const;
const rowNote = (key: string): MessageKey | null => ((NOTED as readonly string[]).includes(key) ? (`rowNote.${key}` as MessageKey) : null);

/**
 * One row opened: what the file is, its access rule, and its content — the decoded meaning first,
 * the hex (keys, signatures, the raw bytes) behind "technical details" (docs/peers.md §6).
 */
export function RowDetail() {
  const t = useT();
  const row = useAppStore(selectSelectedRow);
  const language = useAppStore(selectLanguage);
  const selectRow = useAppStore(selectSelectRow);
  if (!row) return null;
  const title = language === 'ja' ? row.nameJa : row.name;
  return (
    <Modal labelledBy="detail-title" onClose={() => selectRow(null)} closeOnBackdrop wide testId="row-detail" data={{ 'data-row': row.key }}>
        <div className="dialog-head">
          <h2 id="detail-title">
            {title} <span className="file-id">{row.fileId}</span>
          </h2>
          <button type="button" onClick={() => selectRow(null)} data-testid="detail-close">
            {t('detail.close')}
          </button>
        </div>
        <p className="muted small">
          {t(`applet.${row.applet}`)} · {t('detail.spec', { section: row.specSection })}
          {rowNote(row.key) && ` · ${t(rowNote(row.key)!)}`}
        </p>
        {row.content ? (
          <>
            {carriesMyNumber(row.content) && <MyNumberBar />}
            <Decoded row={row} content={row.content} />
            <details className="technical" data-testid="technical-details">
              <summary data-testid="detail-raw">{t('detail.technical')}</summary>
              {row.content.fields.some(isTechnical) && <FieldList fields={row.content.fields.filter(isTechnical)} />}
              {!row.content.decodeError && <RawBytes content={row.content} />}
            </details>
          </>
        ) : (
          <NotRead row={row} />
        )}
    </Modal>
  );
}

/** Hex that means something only to a specialist (a key's modulus, a signature); a certificate's serial is not one of them. */
function isTechnical(field: FieldView): boolean {
  return field.kind === 'hex' && !field.linkable;
}

function Decoded({ row, content }: { row: ExposureRowView; content: FileContentView }) {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const fields = content.fields.filter((f) => !isTechnical(f));
  // The card face — photo, name, address — comes first in the visual applet (docs/card-reference.md §8).
  const faceFirst = row.applet === 'visual';
  return (
    <div data-testid="detail-decoded-view">
      <h3>{language === 'ja' ? content.titleJa : content.title}</h3>
      {content.decodeError && (
        <div className="error" data-testid="decode-error" data-code={content.decodeError.code}>
          <p>{t('detail.decodeError')}</p>
          <p className="small">{errorMessage(content.decodeError.code, language, content.decodeError.details)}</p>
        </div>
      )}
      {faceFirst && <ImageGallery images={content.images} />}
      {(fields.length > 0 || content.fields.length === 0) && <FieldList fields={fields} />}
      {!faceFirst && <ImageGallery images={content.images} />}
      {content.certificateDerBase64 && (
        <CertificateActions derBase64={content.certificateDerBase64} fileName={`mynalens-${row.applet}-${row.fileId}`} reveals={row.reveals} serial={linkableSerial(row)} />
      )}
      {content.decodeError && <RawBytes content={content} />}
    </div>
  );
}

/** Reveal / Hide for a file that carries the My Number, above both views, with the 特定個人情報 note (docs/card-reference.md §17). */
function MyNumberBar() {
  const t = useT();
  return (
    <div className="my-number-bar" data-testid="my-number-bar">
      <div className="my-number-line">
        <MyNumberReveal testId="my-number-reveal" />
        <span className="muted small">{t('detail.myNumberHidden')}</span>
      </div>
      <p className="note small" data-testid="my-number-note">{t('detail.myNumberNote')}</p>
    </div>
  );
}

/** The file's bytes, those that carry the My Number as `••` until Reveal (docs/card-reference.md §17). */
function RawBytes({ content }: { content: FileContentView }) {
  const t = useT();
  const revealed = useAppStore(selectMyNumberRevealed);
  return (
    <div className="raw" data-testid="detail-raw-view">
      <p className="muted small">{t('detail.bytes', { count: content.byteLength })}</p>
      <pre className="hex">{hexWithHidden(content.rawHex, revealed ? [] : content.myNumberSpans)}</pre>
    </div>
  );
}

function NotRead({ row }: { row: ExposureRowView }) {
  const t = useT();
  const language = useAppStore(selectLanguage);
  if (row.status === 'error') {
    return (
      <p className="error" data-testid="read-error">
        {t('detail.readError')} {row.errorCode ? errorMessage(row.errorCode, language) : ''}
      </p>
    );
  }
  // No PIN opens a file the card was never issued (§6.2, §12): say so rather than "enter its PIN".
  if (row.status === 'not-issued') return <p data-testid="detail-not-issued">{t('detail.notIssued')}</p>;
  return <p className="muted">{t('detail.notRead', { hint: row.access.kind === 'pin' ? t('detail.lockedHint') : '' })}</p>;
}
