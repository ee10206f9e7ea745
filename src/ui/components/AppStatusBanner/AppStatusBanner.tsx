import { useAppStore } from '../../store/AppStoreContext';
import { selectAppStatus, selectApplyUpdate, selectDismissAppStatus } from '../../store/selectors';
import { useT } from '../../useT';

/** "Ready offline" and "update available — reload", from the service worker. */
export function AppStatusBanner() {
  const t = useT();
  const status = useAppStore(selectAppStatus);
  const applyUpdate = useAppStore(selectApplyUpdate);
  const dismiss = useAppStore(selectDismissAppStatus);
  if (!status) return null;
  return (
    <div className="notice app-status-banner" role="status" data-testid="app-status" data-status={status}>
      <span>{t(status === 'offline-ready' ? 'pwa.offlineReady' : 'pwa.updateAvailable')}</span>
      <span className="actions">
        {status === 'update-available' && applyUpdate && (
          <button type="button" className="primary" onClick={applyUpdate}>
            {t('pwa.reload')}
          </button>
        )}
        <button type="button" onClick={dismiss}>
          {t('pwa.dismiss')}
        </button>
      </span>
    </div>
  );
}
