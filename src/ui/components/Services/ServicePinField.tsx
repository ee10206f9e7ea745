import { inputModeFor } from '../../model/pinInput';
import { pinTriesText } from '../../model/pinTriesText';
import { useT } from '../../useT';
import type { PinEntry } from './usePinEntry';

/**
 * A PIN input for a service flow with the same rules and words as the PIN dialog (docs/card-reference.md
 * §10): tries left before typing, the format hint and problem, the last-try confirmation, and what
 * a blocked PIN means. Test ids start with `prefix`.
 */
export function ServicePinField({ entry, label, prefix }: { entry: PinEntry; label: string; prefix: string }) {
  const t = useT();
  const { pin, format, check } = entry;
  const tries = pin ? pinTriesText(pin, 'service') : null;
  if (entry.blocked) {
    return (
      <p className="warning" data-testid={`${prefix}-blocked`}>
        {t('pinDialog.blocked')}
      </p>
    );
  }
  return (
    <div className="service-pin">
      <label className="field pin-field">
        <span>{label}</span>
        <input
          type="password"
          autoComplete="off"
          autoCapitalize={format.kind === 'digits' ? 'off' : 'characters'}
          spellCheck={false}
          inputMode={inputModeFor(format)}
          value={entry.typed}
          onChange={(e) => entry.setTyped(e.target.value)}
          data-testid={`${prefix}-pin-input`}
          aria-describedby={`${prefix}-pin-hint`}
        />
      </label>
      <p id={`${prefix}-pin-hint`} className="muted small" data-testid={`${prefix}-tries`} data-tries={pin?.triesLeft ?? ''}>
        {tries ? t(tries.key, tries.values) : t('servicePin.triesUnknown')}{' '}
        {format.kind === 'digits' ? t('pinDialog.format.digits', { length: format.length }) : t('pinDialog.format.alphanumeric', { min: format.minLength, max: format.maxLength })}
      </p>
      {check.problem && check.problem !== 'empty' && (
        <p className="problem" data-testid={`${prefix}-pin-problem`} data-problem={check.problem}>
          {t(`pinDialog.problem.${check.problem}`)}
        </p>
      )}
      {entry.lastTry && (
        <div className="warning" data-testid={`${prefix}-last-try`}>
          <p>{t('pinDialog.lastTry')}</p>
          <label className="confirm">
            <input type="checkbox" checked={entry.confirmed} onChange={(e) => entry.setConfirmed(e.target.checked)} data-testid={`${prefix}-confirm-last-try`} />
            <span>{t('pinDialog.lastTryConfirm')}</span>
          </label>
        </div>
      )}
    </div>
  );
}
