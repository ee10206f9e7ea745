import { useState, type FormEvent } from 'react';
import type { PinFormatView } from '../../../protocol';
import { errorMessage } from '../../i18n/errorMessages';
import { checkPin, inputModeFor } from '../../model/pinInput';
import { pinTriesText } from '../../model/pinTriesText';
import { useAppStore } from '../../store/AppStoreContext';
import { selectClosePinDialog, selectLanguage, selectPinDialog, selectPins, selectSubmitPin } from '../../store/selectors';
import { useT } from '../../useT';
import { Modal } from '../Modal/Modal';

/**
 * Entry of one PIN (docs/card-reference.md §10): tries left before typing, format checked while typing
 * (a malformed PIN is never sent), an explicit confirmation for the last try, and what a block means.
 * The typed value lives only in this input and is cleared on submit.
 */
export function PinDialog() {
  const t = useT();
  const dialog = useAppStore(selectPinDialog);
  const pins = useAppStore(selectPins);
  const language = useAppStore(selectLanguage);
  const submitPin = useAppStore(selectSubmitPin);
  const close = useAppStore(selectClosePinDialog);
  const [typed, setTyped] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const pin = pins.find((p) => p.pinId === dialog?.pinId);
  if (!dialog || !pin) return null;

  const check = checkPin(pin.format, typed);
  const lastTry = pin.triesLeft === 1;
  const canSend = check.problem === null && !dialog.submitting && (!lastTry || confirmed);
  const name = t(`pin.name.${pin.pinId}`);
  const tries = pinTriesText(pin, 'dialog');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!canSend) return;
    const value = check.value;
    setTyped('');
    setConfirmed(false);
    await submitPin(value, lastTry);
  }

  function onClose() {
    setTyped('');
    setConfirmed(false);
    close();
  }

  return (
    <Modal labelledBy="pin-dialog-title" onClose={onClose} closeOnBackdrop={typed === '' && !dialog.submitting} testId="pin-dialog" data={{ 'data-pin': pin.pinId }}>
        <h2 id="pin-dialog-title">{t('pinDialog.title', { name })}</h2>
        {pin.notIssued ? (
          <p data-testid="pin-not-issued-explanation">{t('pinDialog.notIssued')}</p>
        ) : pin.blocked ? (
          <p className="warning" data-testid="pin-blocked-explanation">{t('pinDialog.blocked')}</p>
        ) : (
          <form onSubmit={(e) => void onSubmit(e)}>
            <p data-testid="pin-dialog-tries">{t(tries.key, tries.values)}</p>
            <p className="muted small">{formatHint(t, pin.format)}</p>
            <label className="field pin-field">
              <span>{t('pinDialog.label')}</span>
              <input
                type="password"
                autoComplete="off"
                autoCapitalize={pin.format.kind === 'digits' ? 'off' : 'characters'}
                spellCheck={false}
                inputMode={inputModeFor(pin.format)}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                data-testid="pin-input"
                aria-describedby="pin-problem"
                autoFocus
              />
            </label>
            <p id="pin-problem" className={check.problem && check.problem !== 'empty' ? 'problem' : 'muted small'} data-testid="pin-problem" data-problem={check.problem ?? ''}>
              {check.problem && !(check.problem === 'empty' && dialog.errorCode) ? t(`pinDialog.problem.${check.problem}`) : '\u00a0'}
            </p>
            {lastTry && (
              <div className="warning" data-testid="pin-last-try">
                <p>{t('pinDialog.lastTry')}</p>
                <label className="confirm">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="pin-confirm-last-try" />
                  <span>{t('pinDialog.lastTryConfirm')}</span>
                </label>
              </div>
            )}
            <div className="actions">
              <button type="submit" className="primary" disabled={!canSend} data-testid="pin-submit">
                {dialog.submitting ? t('pinDialog.submitting') : t('pinDialog.submit')}
              </button>
            </div>
          </form>
        )}
        {dialog.errorCode && !(pin.blocked && dialog.errorCode === 'card/pin-blocked') && (
          <p className="error" role="alert" data-testid="pin-error" data-code={dialog.errorCode}>
            {errorMessage(dialog.errorCode, language, dialog.errorDetails)}
          </p>
        )}
        <div className="actions end">
          <button type="button" onClick={onClose} data-testid="pin-close">
            {t('pinDialog.cancel')}
          </button>
        </div>
    </Modal>
  );
}

function formatHint(t: ReturnType<typeof useT>, format: PinFormatView): string {
  return format.kind === 'digits'
    ? t('pinDialog.format.digits', { length: format.length })
    : t('pinDialog.format.alphanumeric', { min: format.minLength, max: format.maxLength });
}
