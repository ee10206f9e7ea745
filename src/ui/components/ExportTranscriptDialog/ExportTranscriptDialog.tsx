import type { TranscriptKind } from '../../../protocol';
import { downloadBlob } from '../../model/download';
import { transcriptContents, type ExportContents } from '../../model/transcriptContents';
import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectExportTranscript, selectLanguage, selectRows } from '../../store/selectors';
import { useT } from '../../useT';
import { Modal } from '../Modal/Modal';

const FILE_NAMES: Record<TranscriptKind, string> = {
  full: 'mynalens-transcript.txt',
  redacted: 'mynalens-transcript-redacted.txt',
};

/**
 * Before a transcript is saved (README "Export transcript"): a native <dialog> saying what each
 * kind of file will hold — the personal data by name, from the files this session actually read —
 * with the full transcript's warning (the My Number is 照合番号A; birth date, expiry and security
 * code make 照合番号B), and a button for each kind.
 */
export function ExportTranscriptDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const rows = useAppStore(selectRows);
  const busy = useAppStore(selectBusy);
  const exportTranscript = useAppStore(selectExportTranscript);
  const contents = transcriptContents(rows);

  async function save(kind: TranscriptKind) {
    const text = await exportTranscript(kind);
    if (text !== null) downloadBlob(FILE_NAMES[kind], text, 'text/plain;charset=utf-8');
    onClose();
  }

  return (
    <Modal labelledBy="export-title" onClose={onClose} closeOnBackdrop wide testId="export-dialog">
      <h2 id="export-title">{t('export.title')}</h2>
      <p>{t('export.intro')}</p>
      <section data-testid="export-full">
        <h3>{t('export.full.title')}</h3>
        <p>{t('export.full.body')}</p>
        <FactList contents={contents.full} />
        <div className="warning" role="note">
          <p>{t('export.full.warning')}</p>
          {contents.holdsPinA && <p data-testid="export-pin-a">{t('export.full.pinA')}</p>}
          {contents.holdsPinB && <p data-testid="export-pin-b">{t('export.full.pinB')}</p>}
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void save('full')} data-testid="export-full-save">
          {t('export.full.save')}
        </button>
      </section>
      <section data-testid="export-redacted">
        <h3>{t('export.redacted.title')}</h3>
        <p>{t('export.redacted.body')}</p>
        <FactList contents={contents.redacted} />
        <button type="button" disabled={busy} onClick={() => void save('redacted')} data-testid="export-redacted-save">
          {t('export.redacted.save')}
        </button>
      </section>
      <div className="actions end">
        <button type="button" onClick={onClose} data-testid="export-cancel">
          {t('export.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** The personal data one kind of file holds, each with the files it was read from. */
function FactList({ contents }: { contents: ExportContents }) {
  const t = useT();
  const language = useAppStore(selectLanguage);
  if (contents.facts.length === 0) return <p className="muted">{t('export.nothing')}</p>;
  return (
    <ul className="facts" data-testid="export-facts">
      {contents.facts.map(({ fact, from }) => (
        <li key={fact} data-testid="export-fact" data-fact={fact}>
          {fact === 'authCertificate'
            ? contents.serial
              ? t('summary.fact.authCertificate', { serial: contents.serial })
              : t('summary.fact.authCertificate.noSerial')
            : t(`summary.fact.${fact}`)}{' '}
          <span className="muted small">{t('export.from', { files: from.map((r) => (language === 'ja' ? r.nameJa : r.name)).join(language === 'ja' ? '、' : ', ') })}</span>
        </li>
      ))}
    </ul>
  );
}
