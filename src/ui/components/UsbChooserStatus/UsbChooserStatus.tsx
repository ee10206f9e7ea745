import { useAppStore } from '../../store/AppStoreContext';
import { selectUsbChooser } from '../../store/selectors';
import { useT } from '../../useT';

/**
 * What "Connect a USB reader…" is doing, in a live region: while the browser's chooser is open,
 * where to look; once it closes, what happened — no reader chosen, a device this page cannot use
 * as a reader, or connected: `navigator.usb.requestDevice` opens the browser's own window, which the page cannot draw or see.
 */
export function UsbChooserStatus() {
  const t = useT();
  const chooser = useAppStore(selectUsbChooser);
  return (
    <p className="muted small chooser-status" role="status" data-testid="usb-chooser-status" data-phase={chooser?.phase ?? ''}>
      {chooser === null
        ? ''
        : chooser.phase === 'open'
          ? t('usb.chooser.open')
          : chooser.phase === 'none-chosen'
            ? t('usb.chooser.noneChosen')
            : chooser.phase === 'not-supported'
              ? t('usb.chooser.notSupported', { name: chooser.name })
              : t('usb.chooser.connected', { name: chooser.name })}
    </p>
  );
}
