import { useId } from 'react';
import type { SimulatorPersonalityId } from '../../../protocol';
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

/** The whole ATR, or the ATQB's Application Data and Protocol Info, of each (the option names a prefix). */
const BYTES: Readonly<Record<SimulatorPersonalityId, string>> = {
  'my-number': '3B E0 00 FF 81 31 FE 45 14',
  'my-number-c5': '3B C5 FF 81 31 FB 45 80 73 C6 01 00 00',
  'my-number-ta1-13': '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B',
  'my-number-specific': '3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6',
  'contactless-05e0': '00 00 05 E0 · B3 81 A1',
  'contactless-41e0': '00 00 41 E0 · B3 81 A1',
  'contactless-fwi13': '00 4B 51 FF · B3 81 D1',
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
        <span className="mono" data-testid="personality-bytes">
          {t(`start.simulator.personality.bytes.${GROUPS[value]}`, { bytes: BYTES[value] })}
        </span>
        <br />
        {t('start.simulator.personality.hint')}
      </p>
    </>
  );
}
