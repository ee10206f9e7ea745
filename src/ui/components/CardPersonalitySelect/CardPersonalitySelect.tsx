import { useId } from 'react';
import type { SimulatorPersonalityId } from '../../../worker/protocol';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../useT';

/**
 * The simulator's card personalities (simulator/cardPersonalities.ts, issue 15 §1), grouped by
 * interface. Each is named by the ATR or ATQB it presents — never by a chip maker, which the
 * public list does not tell. A Record, so the compiler asks for every id the protocol names.
 */
const GROUPS: Readonly<Record<SimulatorPersonalityId, 'contact' | 'contactless'>> = {
  'my-number': 'contact',
  'my-number-c5': 'contact',
  'my-number-ta1-13': 'contact',
  'my-number-specific': 'contact',
  'contactless-05e0': 'contactless',
  'contactless-41e0': 'contactless',
  'contactless-fwi13': 'contactless',
};

const IDS = Object.keys(GROUPS) as SimulatorPersonalityId[];

function labelKey(id: SimulatorPersonalityId): MessageKey {
  return `start.simulator.personality.${id}`;
}

/** The start screen's select of the card the simulator presents, with a one-line hint on what it changes. */
export function CardPersonalitySelect({ value, onChange }: { value: SimulatorPersonalityId; onChange: (id: SimulatorPersonalityId) => void }) {
  const t = useT();
  const hintId = useId();
  return (
    <>
      <label className="field">
        <span>{t('start.simulator.personality')}</span>
        <select value={value} onChange={(e) => onChange(e.target.value as SimulatorPersonalityId)} aria-describedby={hintId} data-testid="personality-select">
          {(['contact', 'contactless'] as const).map((group) => (
            <optgroup key={group} label={t(`start.simulator.personality.${group}`)}>
              {IDS.filter((id) => GROUPS[id] === group).map((id) => (
                <option key={id} value={id}>
                  {t(labelKey(id))}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p id={hintId} className="small muted">
        {t('start.simulator.personality.hint')}
      </p>
    </>
  );
}
