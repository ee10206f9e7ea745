import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApduLogRow, ConnectionInfo, EngineEvent } from '../../protocol';
import { fakeClient, memoryStorage, pinState, row } from '../testing/fakes';
import { createAppStore } from './createAppStore';
import { FRAME_FALLBACK_MS, createEventBatcher, nextAnimationFrame } from './eventBatcher';
import { LOG_ROWS_SHOWN } from './logWindow';

const INFO: ConnectionInfo = { kind: 'simulator', atr: '3B E0', extendedLength: true };
const apdu = (seq: number): EngineEvent => ({
  type: 'apdu',
  row: { seq, name: 'READ BINARY', nameParts: { instruction: 'READ BINARY' }, command: '00 B0 00 00 00', responseData: '5A', sw: '9000', sensitive: false, elapsedMs: 0 } satisfies ApduLogRow,
});

function setup(handlers: Parameters<typeof fakeClient>[0] = {}) {
  const fake = fakeClient({ connectSimulator: () => INFO, ...handlers });
  const store = createAppStore(fake.client, memoryStorage(), ['en'], undefined, { scheduleFrame: fake.scheduleFrame });
  let updates = 0;
  store.subscribe(() => updates++);
  return { ...fake, store, updates: () => updates };
}

describe('createEventBatcher', () => {
  it('asks for one frame however many events come, and hands them over in order', () => {
    const frames: (() => void)[] = [];
    const applied: number[][] = [];
    const batcher = createEventBatcher<number>((events) => applied.push([...events]), (flush) => void frames.push(flush));
    for (let i = 1; i <= 5; i++) batcher.push(i);
    expect(frames).toHaveLength(1);
    expect(applied).toEqual([]);
    frames.shift()!();
    batcher.push(6);
    frames.shift()!();
    expect(applied).toEqual([[1, 2, 3, 4, 5], [6]]);
  });

  it('flush applies now; a frame that comes later finds nothing to do', () => {
    const frames: (() => void)[] = [];
    const applied: number[][] = [];
    const batcher = createEventBatcher<number>((events) => applied.push([...events]), (flush) => void frames.push(flush));
    batcher.push(1);
    batcher.flush();
    frames.forEach((run) => run());
    batcher.flush();
    expect(applied).toEqual([[1]]);
  });
});

describe('nextAnimationFrame', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('flushes on the animation frame, and the fallback timer then does nothing', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const flush = vi.fn();
    nextAnimationFrame(flush);
    expect(flush).not.toHaveBeenCalled();
    frames[0]!(0);
    vi.advanceTimersByTime(FRAME_FALLBACK_MS * 2);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('flushes by timer when no frame comes (a hidden tab runs none)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const flush = vi.fn();
    nextAnimationFrame(flush);
    vi.advanceTimersByTime(FRAME_FALLBACK_MS - 1);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('asks no frame of a hidden tab, and uses a timer where there are no frames at all', () => {
    vi.useFakeTimers();
    const requestFrame = vi.fn();
    vi.stubGlobal('requestAnimationFrame', requestFrame);
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const flush = vi.fn();
    nextAnimationFrame(flush);
    vi.advanceTimersByTime(0);
    expect(requestFrame).not.toHaveBeenCalled();
    expect(flush).toHaveBeenCalledTimes(1);
  });
});

describe('the store applies engine events once per frame', () => {
  it('holds events until the frame, then applies all of them in one update, in order', () => {
    const { store, send, frame, pendingFrames, updates } = setup();
    const before = updates();
    for (let seq = 1; seq <= 40; seq++) send(apdu(seq));
    send({ type: 'row', row: row({ key: 'jpki/000A', status: 'not-read' }) });
    send({ type: 'row', row: row({ key: 'jpki/0001', status: 'not-read' }) });
    send({ type: 'row', row: row({ key: 'jpki/000A', status: 'read', readWith: 'none' }) });
    send({ type: 'pins', pins: [pinState({ pinId: 'jpkiAuth', triesLeft: 3 })] });
    send({ type: 'pins', pins: [pinState({ pinId: 'jpkiAuth', triesLeft: 2 })] });
    expect(store.getState().log).toEqual([]);
    expect(pendingFrames()).toBe(1);
    frame();
    const state = store.getState();
    expect(updates() - before).toBe(1);
    expect(state.log.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(state.rows.map((r) => [r.key, r.status])).toEqual([['jpki/000A', 'read'], ['jpki/0001', 'not-read']]);
    expect(state.pins[0]?.triesLeft).toBe(2);
  });

  it('loses nothing across frames: every row is shown or counted', () => {
    const { store, send, frame } = setup();
    const total = LOG_ROWS_SHOWN * 3 + 7;
    for (let seq = 1; seq <= total; seq++) {
      send(apdu(seq));
      if (seq % 97 === 0) frame();
    }
    frame();
    const { log, logHidden } = store.getState();
    expect(log.length + logHidden).toBe(total);
    expect(log.map((r) => r.seq)).toEqual(Array.from({ length: LOG_ROWS_SHOWN }, (_, i) => total - LOG_ROWS_SHOWN + i + 1));
  });

  it("takes in a request's events before its result, with no frame run", async () => {
    const { store, send, pendingFrames } = setup({
      scan: () => {
        send({ type: 'row', row: row({ key: 'jpki/0001', status: 'locked', access: { kind: 'pin', anyOf: ['jpkiSign'] } }) });
        send({ type: 'row', row: row({ key: 'jpki/000A', status: 'not-read' }) });
        send(apdu(1));
        send(apdu(2));
        return { rows: [row({ key: 'jpki/000A', status: 'read', readWith: 'none' })], pins: [] };
      },
    });
    // Choosing the simulator scans it at once.
    await store.getState().connectSimulator('adult');
    const state = store.getState();
    // The row events' order holds, and the result (read) wins over the event before it (not-read).
    expect(state.rows.map((r) => [r.key, r.status])).toEqual([['jpki/0001', 'locked'], ['jpki/000A', 'read']]);
    expect(state.log.map((r) => r.seq)).toEqual([1, 2]);
    expect(pendingFrames()).toBe(1);
  });

  it('a failed request also takes in its events first', async () => {
    const { store, send } = setup({
      scan: () => {
        send(apdu(1));
        throw Object.assign(new Error('gone'), { code: 'transport/card-removed' });
      },
    });
    // Choosing the simulator scans it at once.
    await store.getState().connectSimulator('adult');
    expect(store.getState().log.map((r) => r.seq)).toEqual([1]);
    expect(store.getState().errorCode).toBe('transport/card-removed');
  });

  it('a new card wipes the rows that came before it in the same frame, not those after', () => {
    const { store, send, frame } = setup();
    send(apdu(1));
    send({ type: 'row', row: row({ key: 'jpki/000A', status: 'read', readWith: 'none' }) });
    send({ type: 'card-changed', log: [], pins: [] });
    send(apdu(2));
    frame();
    expect(store.getState().log.map((r) => r.seq)).toEqual([2]);
    expect(store.getState().rows).toEqual([]);
    expect(store.getState().cardChanged).toBe(true);
  });

  it('an action takes in the events received before it: opening a transcript shows nothing of them', async () => {
    const { store, send } = setup({ openTranscript: () => ({ ...INFO, kind: 'transcript' }), scan: () => ({ rows: [], pins: [] }) });
    await store.getState().connectSimulator('adult');
    send({ type: 'connection', connected: false, info: null, reason: { code: 'transport/card-removed', message: 'gone' } });
    send(apdu(1));
    await store.getState().openTranscript(new File(['=> 00 A4 04 0C\n<= 90 00\n'], 'session.txt'));
    const state = store.getState();
    expect(state.log).toEqual([]);
    expect([state.connection?.kind, state.interrupted, state.errorCode]).toEqual(['transcript', false, null]);
  });
});
