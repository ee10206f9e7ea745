import { useEffect, useState, type ChangeEvent } from 'react';
import type { SimulatorHolderId, SimulatorPersonalityId } from '../../../protocol';
import type { CardStateChoice } from '../../store/appState';
import { useAppStore } from '../../store/AppStoreContext';
import { selectBusy, selectConnectSimulator, selectOpenTranscript, selectRehearseScan, selectWarmUp } from '../../store/selectors';
import { drawRehearsalSample } from '../../rehearsalDrawing';
import { whenIdle } from '../../whenIdle';
import { useT } from '../../useT';
import { BridgeChoice } from '../BridgeChoice/BridgeChoice';
import { CardPersonalitySelect } from '../CardPersonalitySelect/CardPersonalitySelect';
import { NfcChoice } from '../NfcChoice/NfcChoice';
import { ReaderChoice } from '../ReaderChoice/ReaderChoice';
import { SmartCardChoice } from '../SmartCardChoice/SmartCardChoice';

/** The first screen: what the card gives away in one sentence, then three ways in — the simulator (holder and card state), a saved transcript, or a reader (USB, PC/SC, the bridge). Each scans the card once chosen. */
export function StartScreen() {
  const t = useT();
  const busy = useAppStore(selectBusy);
  const connectSimulator = useAppStore(selectConnectSimulator);
  const openTranscript = useAppStore(selectOpenTranscript);
  const warmUp = useAppStore(selectWarmUp);
  const rehearseScan = useAppStore(selectRehearseScan);
  const [holder, setHolder] = useState<SimulatorHolderId>('adult');
  const [cardState, setCardState] = useState<CardStateChoice>('fresh');
  const [personality, setPersonality] = useState<SimulatorPersonalityId>('my-number');

  // While the person reads this screen, the engine rehearses a scan (worker/warmUp.ts) and the
  // page draws its sample off the page (rehearsalDrawing.tsx), so the first real one — whichever
  // way in — runs and draws as fast as a later one.
  useEffect(() => whenIdle(() => rehearseScan(drawRehearsalSample)), [rehearseScan]);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    // The File itself goes to the engine worker: reading a hostile 50 MB file here would freeze the page.
    if (file) await openTranscript(file);
  }

  return (
    <section className="panel" aria-labelledby="start-heading" data-testid="start-screen">
      {/* What the person will learn, before any choice: the one identifier the card hands anyone (docs/card-reference.md §6.1). */}
      <p className="lead" data-testid="start-lead">{t('start.lead')}</p>
      <h2 id="start-heading">{t('start.heading')}</h2>
      {/*
        Turning to a way in (pointer or focus) is the moment to bring in what its scan will need, and
        the simulator for the simulator: the click that follows scans at once — in case it comes
        before the idle rehearsal above has brought them in.
      */}
      <div className="choices" onPointerEnter={() => warmUp()} onFocus={() => warmUp()}>
        <div className="choice" onPointerEnter={() => warmUp(holder)} onFocus={() => warmUp(holder)}>
          <h3>{t('start.simulator.title')}</h3>
          <p>{t('start.simulator.body')}</p>
          <label className="field">
            <span>{t('start.simulator.holder')}</span>
            <select
              value={holder}
              onChange={(e) => {
                setHolder(e.target.value as SimulatorHolderId);
                warmUp(e.target.value as SimulatorHolderId);
              }}
              data-testid="holder-select"
            >
              <option value="adult">{t('start.simulator.holder.adult')}</option>
              <option value="child">{t('start.simulator.holder.child')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('start.simulator.cardState')}</span>
            <select value={cardState} onChange={(e) => setCardState(e.target.value as CardStateChoice)} data-testid="card-state-select">
              <option value="fresh">{t('start.simulator.cardState.fresh')}</option>
              <option value="authLastTry">{t('start.simulator.cardState.authLastTry')}</option>
              <option value="authBlocked">{t('start.simulator.cardState.authBlocked')}</option>
            </select>
          </label>
          <CardPersonalitySelect value={personality} onChange={setPersonality} />
          <button type="button" className="primary" disabled={busy} onClick={() => void connectSimulator(holder, cardState, personality)} data-testid="use-simulator">
            {t('start.simulator.action')}
          </button>
        </div>
        <div className="choice">
          <h3>{t('start.transcript.title')}</h3>
          <p>{t('start.transcript.body')}</p>
          <label className="file-button">
            <span>{t('start.transcript.choose')}</span>
            <input type="file" accept=".txt,text/plain" disabled={busy} onChange={(e) => void onFile(e)} data-testid="transcript-input" />
          </label>
        </div>
      </div>
      <h3 className="choices-group">{t('start.readers.title')}</h3>
      <div className="choices">
        <ReaderChoice />
        <SmartCardChoice />
        <BridgeChoice />
        <NfcChoice />
      </div>
    </section>
  );
}
