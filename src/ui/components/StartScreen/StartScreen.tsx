import { useState } from 'react';
import type { SimulatorHolderId } from '../../../worker/protocol';
import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectConnectSimulator } from '../../store/selectors';
import { useT } from '../../useT';

/** The first screen: which card to look at. Readers join here when their drivers land. */
export function StartScreen() {
  const t = useT();
  const busy = useAppStore(selectBusy);
  const connectSimulator = useAppStore(selectConnectSimulator);
  const [holder, setHolder] = useState<SimulatorHolderId>('adult');
  return (
    <section className="panel" aria-labelledby="start-heading">
      <h2 id="start-heading">{t('start.heading')}</h2>
      <div className="choice">
        <h3>{t('start.simulator.title')}</h3>
        <p>{t('start.simulator.body')}</p>
        <label className="field">
          <span>{t('start.simulator.holder')}</span>
          <select value={holder} onChange={(e) => setHolder(e.target.value as SimulatorHolderId)} data-testid="holder-select">
            <option value="adult">{t('start.simulator.holder.adult')}</option>
            <option value="child">{t('start.simulator.holder.child')}</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void connectSimulator(holder)} data-testid="use-simulator">
          {t('start.simulator.action')}
        </button>
      </div>
    </section>
  );
}
