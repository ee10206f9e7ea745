import type { FieldView } from '../../../protocol';
import { fieldText } from '../../model/fieldText';
import { hexByteCount } from '../../model/myNumberMask';
import { useAppStore } from '../../store/AppStoreContext';
import { selectLanguage, selectMyNumberRevealed } from '../../store/selectors';
import { useT } from '../../useT';
import { MyNumberValue } from '../MyNumberValue/MyNumberValue';
import { SerialMark } from '../SerialMark/SerialMark';

/**
 * Decoded fields as label/value pairs; the My Number and the values computed from it masked until
 * Reveal, a holder's certificate serial called out with how it reaches others — the authentication
 * certificate's marked in the colour it has everywhere on the page (docs/card-reference.md §7.4, §12, §17).
 */
export function FieldList({ fields }: { fields: readonly FieldView[] }) {
  const t = useT();
  const language = useAppStore(selectLanguage);
  const revealed = useAppStore(selectMyNumberRevealed);
  const firstLinkable = fields.findIndex((f) => f.linkable);
  if (fields.length === 0) return <p className="muted">{t('detail.noFields')}</p>;
  return (
    <dl className="fields" data-testid="fields">
      {fields.map((field, index) => (
        <div key={`${field.label}-${index}`} className={field.linkable ? 'field-row linkable' : 'field-row'} data-testid="field" data-kind={field.kind} data-derived={field.derivedFromMyNumber === true || undefined}>
          <dt>{language === 'ja' ? field.labelJa : field.label}</dt>
          <dd>
            {field.kind === 'myNumber' ? (
              <MyNumberValue value={field.value} />
            ) : field.derivedFromMyNumber && !revealed ? (
              <span className="muted" data-testid="field-value" data-hidden="true">
                {t('detail.derivedHidden', { count: hexByteCount(field.value) })}
              </span>
            ) : field.linkable === 'logins' && index === firstLinkable ? (
              <span data-testid="field-value">
                <SerialMark serial={fieldText(field, language)} />
              </span>
            ) : (
              <span className={field.kind === 'hex' ? 'mono wrap' : undefined} data-testid="field-value" data-keyed={field.valueKey ? true : undefined}>{fieldText(field, language)}</span>
            )}
            {index === firstLinkable && field.linkable && (
              <p className="callout small" data-testid="linkable-note" data-linkable={field.linkable}>{t(`detail.linkable.${field.linkable}`)}</p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
