import type { PinStateView } from '../../../protocol';
import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectOpenPinDialog, selectPins } from '../../store/selectors';
import { useT } from '../../useT';
import { openWhenWide } from '../Fold/openWhenWide';
import { pinTriesText } from '../../model/pinTriesText';

/**
 * Every PIN with its tries left (read without spending any, docs/card-reference.md §2) and a way to
 * enter it; a credential the card was never issued (§6.2, §12) says so instead.
 */
export function PinList() {
  const t = useT();
  const pins = useAppStore(selectPins);
  const busy = useAppStore(selectBusy);
  const openPinDialog = useAppStore(selectOpenPinDialog);
  if (pins.length === 0) return null;
  const tries = (p: PinStateView) => {
    const said = pinTriesText(p, 'list');
    return t(said.key, said.values);
  };
  return (
    <section className="panel" aria-labelledby="pins-heading" data-testid="pin-list">
      <details className="pins-fold" ref={openWhenWide}>
        <summary>
          <h2 id="pins-heading">{t('pins.heading')}</h2> <span className="muted small">{t('pins.count', { count: pins.length })}</span>
        </summary>
        <p className="muted">{t('pins.intro')}</p>
        <ul className="pins">
        {pins.map((p) => (
          <li key={p.pinId} className={p.blocked ? 'pin blocked' : p.notIssued ? 'pin not-issued' : 'pin'} data-testid={`pin-${p.pinId}`} data-not-issued={p.notIssued || undefined}>
            <div className="pin-name">
              <span>{t(`pin.name.${p.pinId}`)}</span>
              <span className="muted small">{t(`applet.${p.applet}`)}</span>
              {/* The card has no such credential (§6.2, §12): nothing to count, enter or reset. */}
              {p.notIssued && <span className="pin-not-issued" data-testid={`pin-not-issued-${p.pinId}`}>{t('pins.notIssued')}</span>}
            </div>
            {!p.notIssued && (
              <>
                <div className="pin-state">
                  <span data-testid={`pin-tries-${p.pinId}`} data-tries={p.triesLeft ?? ''}>{tries(p)}</span>
                  {p.blocked && <span className="badge badge-danger" data-testid={`pin-blocked-${p.pinId}`}>{t('pins.blocked')}</span>}
                  {p.verified && <span className="badge badge-ok">{t('pins.verified')}</span>}
                </div>
                <button type="button" disabled={busy} onClick={() => openPinDialog(p.pinId)} data-testid={`pin-open-${p.pinId}`}>
                  {p.blocked ? t('pins.blocked') : t('pins.enter')}
                </button>
              </>
            )}
          </li>
        ))}
        </ul>
      </details>
    </section>
  );
}
