import type { ApduLogRow, EngineEvent, ExposureRowView } from '../../protocol';
import { EMPTY_CARD_DATA, type AppState } from './appState';
import { appendLogRows } from './logWindow';
import { mergeRows } from './mergeRows';

/** What one engine event changes, given the state it arrives in; `null` when it changes nothing. */
function eventPatch(state: AppState, event: EngineEvent): Partial<AppState> | null {
  switch (event.type) {
    case 'apdu':
      return appendLogRows(state, [event.row]);
    case 'row':
      return { rows: mergeRows(state.rows, [event.row]) };
    case 'pins':
      return { pins: event.pins };
    case 'card-changed': {
      // Another card is in the reader: nothing of the previous one may stay next to it (the
      // connection, its source and the reconnect in progress are the reader's, not the card's).
      const { connection, source, interrupted, readerReportOffered } = state;
      return { ...EMPTY_CARD_DATA, connection, source, interrupted, readerReportOffered, log: event.log, pins: event.pins, cardChanged: true };
    }
    case 'progress':
      return state.scanning ? { progress: { done: event.done, total: event.total, current: event.current } } : null;
    case 'connection': {
      // Whatever card comes next, or comes back, starts with its My Number hidden.
      const revealed: Partial<AppState> = event.connected ? { myNumberRevealed: false } : {};
      if (!event.connected && event.reason) {
        // Pulled out from under us: keep what was read on screen, say why, offer to reconnect.
        return { connection: null, interrupted: state.source !== null, readerCheck: null, errorCode: event.reason.code, errorDetails: event.reason.details ?? {} };
      }
      if (!event.connected && !state.interrupted) return { ...EMPTY_CARD_DATA };
      return revealed;
    }
    case 'readers':
      return { readers: event.readers };
    case 'restarted':
      // The engine worker was replaced: everything it knew is gone, so is what we showed of it.
      return { ...EMPTY_CARD_DATA, errorCode: event.reason.code, errorDetails: event.reason.details ?? {} };
    case 'ready':
      return null;
  }
}

/**
 * What a run of engine events changes, applied in order as if one by one, as one patch: the page
 * renders once for a frame's events (ui/store/eventBatcher.ts). Consecutive log rows and matrix
 * rows are gathered and added in one step each; any other event first takes in those before it.
 */
export function applyEngineEvents(initial: AppState, events: readonly EngineEvent[]): Partial<AppState> {
  let state = initial;
  let patch: Partial<AppState> = {};
  let logRows: ApduLogRow[] = [];
  let rows: ExposureRowView[] = [];
  const take = (change: Partial<AppState> | null) => {
    if (!change) return;
    state = { ...state, ...change };
    patch = { ...patch, ...change };
  };
  const takeGathered = () => {
    if (logRows.length > 0) take(appendLogRows(state, logRows));
    if (rows.length > 0) take({ rows: mergeRows(state.rows, rows) });
    logRows = [];
    rows = [];
  };
  for (const event of events) {
    if (event.type === 'apdu') logRows.push(event.row);
    else if (event.type === 'row') rows.push(event.row);
    else {
      takeGathered();
      take(eventPatch(state, event));
    }
  }
  takeGathered();
  return patch;
}
