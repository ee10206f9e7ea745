import { FileNames } from '../FileNames/FileNames';
import { useAppStore } from '../../store/AppStoreContext';
import { selectDismissPinOpened, selectPinOpened, selectRows, selectSelectRow } from '../../store/selectors';
import { useT } from '../../useT';

/**
 * After a PIN was accepted its dialog closes; this says on the page what the PIN opened, each file
 * one click from its decoded content (docs/card-reference.md §10).
 */
export function PinOpened() {
  const t = useT();
  const opened = useAppStore(selectPinOpened);
  const rows = useAppStore(selectRows);
  const selectRow = useAppStore(selectSelectRow);
  const dismiss = useAppStore(selectDismissPinOpened);
  if (!opened) return null;
  const name = t(`pin.name.${opened.pinId}`);
  const files = opened.keys.flatMap((key) => rows.filter((r) => r.key === key));
  return (
    <section className="panel result pin-opened" role="status" aria-labelledby="pin-opened-heading" data-testid="pin-opened" data-pin={opened.pinId}>
      <h2 id="pin-opened-heading">{t('pinOpened.heading', { name })}</h2>
      <p>{files.length > 0 ? t('pinOpened.files', { count: files.length }) : t('pinOpened.none')}</p>
      {files.length > 0 && <FileNames rows={files} onOpen={selectRow} />}
      <div className="actions">
        <button type="button" onClick={dismiss} data-testid="pin-opened-dismiss">
          {t('pinOpened.dismiss')}
        </button>
      </div>
    </section>
  );
}
