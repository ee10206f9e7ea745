import { useState } from 'react';
import { groupMyNumber, maskMyNumber } from '../../model/myNumberMask';
import { useT } from '../../useT';

/** The My Number, masked until the person presses Reveal, with the 特定個人情報 note (docs/card-reference.md §17). */
export function MyNumberValue({ value }: { value: string }) {
  const t = useT();
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="my-number">
      <div className="my-number-line">
        <span className="mono my-number-digits" data-testid="my-number-value" data-revealed={revealed}>
          {revealed ? groupMyNumber(value) : maskMyNumber(value)}
        </span>
        <button type="button" onClick={() => setRevealed(!revealed)} data-testid="my-number-reveal">
          {revealed ? t('detail.hide') : t('detail.reveal')}
        </button>
      </div>
      <p className="note small" data-testid="my-number-note">{t('detail.myNumberNote')}</p>
    </div>
  );
}
