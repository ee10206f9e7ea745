import { describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../protocol';
import { SCAN_SUMMARY, fakeClient, memoryStorage, pinState, row } from '../testing/fakes';
import { LOG_ROWS_SHOWN } from './logWindow';
import { createAppStore, END_SESSION_ANSWER_MS } from './createAppStore';
import { WARMED_UP_MARK } from './warmedUpMark';

const INFO: ConnectionInfo = { kind: 'simulator', atr: '3B E0', extendedLength: true };
const content = { rawHex: '3082', byteLength: 2, fields: [], images: [] };

function setup(handlers: Parameters<typeof fakeClient>[0] = {}) {
  const fake = fakeClient({ connectSimulator: () => INFO, ...handlers });
  const storage = memoryStorage();
  const store = createAppStore(fake.client, storage, ['en-GB'], undefined, { scheduleFrame: fake.scheduleFrame });
  return { ...fake, store, storage };
}

describe('createAppStore', () => {
  it('passes the chosen card state as triesLeft, and none for a fresh card', async () => {
    const { store, calls } = setup();
    await store.getState().connectSimulator('adult', 'authLastTry');
    await store.getState().connectSimulator('child');
    expect(calls.filter((c) => c.method === 'connectSimulator').map((c) => c.params)).toEqual([{ holder: 'adult', triesLeft: { jpkiAuth: 1 } }, { holder: 'child' }]);
    expect(store.getState().source).toEqual({ kind: 'simulator', holder: 'child' });
  });

  it('opens a transcript under its file name, and exports the kind asked for', async () => {
    const { store, calls } = setup({
      openTranscript: () => ({ kind: 'transcript', atr: '3B E0', extendedLength: true, transcript: { fileName: 'session.txt' } }),
      exportTranscript: (params) => ({ text: `# kind: ${params.kind ?? 'full'}` }),
    });
    await store.getState().openTranscript(new File(['=> 00 A4 04 0C\n<= 90 00\n'], 'session.txt'));
    expect(calls[0]).toMatchObject({ method: 'openTranscript', params: { fileName: 'session.txt' } });
    // Opening the file is asking to see it: the scan follows at once.
    expect(calls[1]).toMatchObject({ method: 'scan' });
    expect(store.getState().source).toEqual({ kind: 'transcript', fileName: 'session.txt' });
    expect(await store.getState().exportTranscript('redacted')).toBe('# kind: redacted');
    expect(calls.at(-1)).toMatchObject({ method: 'exportTranscript', params: { kind: 'redacted' } });
  });

  it('the first visit to the services view reads tries left, even while another call is still running', async () => {
    let release: () => void = () => {};
    const { store, calls } = setup({
      identifyCard: () => new Promise((resolve) => (release = () => resolve({ tokenLabel: 'JPKIAPICCTOKEN2', isMyNumberCard: true, atrKnown: true }))),
      pinStatus: (_, send) => {
        send({ type: 'pins', pins: [pinState({ pinId: 'jpkiAuth', triesLeft: 1 })] });
        return null;
      },
    });
    await store.getState().connectSimulator('adult');
    const checking = store.getState().checkCard();
    expect(store.getState().busy).toBe(true);
    store.getState().setView('services');
    expect(calls.map((c) => c.method)).toContain('pinStatus');
    release();
    await checking;
    await vi.waitFor(() => expect(store.getState().pins.map((p) => p.triesLeft)).toEqual([1]));
    // A second visit reads nothing more: the view already has them.
    store.getState().setView('exposure');
    store.getState().setView('services');
    expect(calls.filter((c) => c.method === 'pinStatus')).toHaveLength(1);
  });

  it('choosing the simulator scans at once: fills rows and PINs live from events, tracks progress, then takes the summary', async () => {
    let release: () => void = () => {};
    const { store, emit } = setup({
      scan: (_, send) =>
        new Promise((resolve) => {
          release = () => {
            send({ type: 'row', row: row({ key: 'jpki/000A', status: 'read', readWith: 'none', content }) });
            send({ type: 'pins', pins: [pinState({ pinId: 'jpkiAuth' })] });
            resolve(SCAN_SUMMARY);
          };
        }),
    });
    const scanning = store.getState().connectSimulator('adult');
    await vi.waitUntil(() => store.getState().scanning);
    emit({ type: 'progress', done: 1, total: 40, current: { kind: 'read', key: 'jpki/000A' } });
    expect(store.getState().progress).toEqual({ done: 1, total: 40, current: { kind: 'read', key: 'jpki/000A' } });
    emit({ type: 'row', row: row({ key: 'jpki/000A', status: 'not-read' }) });
    emit({ type: 'row', row: row({ key: 'jpki/0001', access: { kind: 'pin', anyOf: ['jpkiSign'] }, status: 'locked' }) });
    expect(store.getState().rows.map((r) => r.key)).toEqual(['jpki/000A', 'jpki/0001']);
    release();
    await scanning;
    const state = store.getState();
    expect(state.scanning).toBe(false);
    expect(state.progress).toBeNull();
    expect(state.scanned).toBe(true);
    expect(state.rows.find((r) => r.key === 'jpki/000A')?.status).toBe('read');
    expect(state.rows).toHaveLength(2);
    expect(state.pins.map((p) => p.pinId)).toEqual(['jpkiAuth']);
  });

  it('asks the engine to warm up once per need, and again once a replaced engine starts cold', () => {
    const { store, emit, calls } = setup({ warmUp: () => null });
    store.getState().warmUp();
    store.getState().warmUp('adult');
    store.getState().warmUp();
    store.getState().warmUp('adult');
    expect(calls.map((c) => [c.method, c.params])).toEqual([['warmUp', {}], ['warmUp', { simulator: 'adult' }]]);
    emit({ type: 'restarted', reason: { code: 'engine/restarted', message: 'restarted' } });
    store.getState().warmUp('adult');
    expect(calls.at(-1)).toEqual({ method: 'warmUp', params: { simulator: 'adult' } });
    expect(store.getState().busy).toBe(false);
  });

  it('asks for the rehearsal scan once, and marks the page warmed up when the engine has done it', async () => {
    performance.clearMarks(WARMED_UP_MARK);
    const { store, calls } = setup({ warmUp: () => null });
    store.getState().rehearseScan();
    store.getState().rehearseScan();
    expect(calls.map((c) => [c.method, c.params])).toEqual([['warmUp', { rehearse: true }]]);
    await vi.waitFor(() => expect(performance.getEntriesByName(WARMED_UP_MARK)).toHaveLength(1));
    expect(store.getState().busy).toBe(false);
  });

  it('hands the rehearsal\'s sample to the drawing, with the page\'s state, and marks the page warmed up only after it', async () => {
    performance.clearMarks(WARMED_UP_MARK);
    const sample = { holder: 'adult' as const, connection: INFO, events: [{ type: 'row' as const, row: row({ key: 'jpki/000A', status: 'read' as const }) }] };
    const { store } = setup({ warmUp: () => sample });
    let finishDrawing: () => void = () => {};
    const drawn: unknown[] = [];
    store.getState().rehearseScan((given, state) => {
      drawn.push(given, state.language);
      return new Promise<void>((resolve) => (finishDrawing = resolve));
    });
    await vi.waitFor(() => expect(drawn).toEqual([sample, 'en']));
    expect(performance.getEntriesByName(WARMED_UP_MARK)).toHaveLength(0);
    finishDrawing();
    await vi.waitFor(() => expect(performance.getEntriesByName(WARMED_UP_MARK)).toHaveLength(1));
    // The person's own state took in nothing of the sample.
    expect(store.getState()).toMatchObject({ connection: null, rows: [], log: [] });
  });

  it('draws no sample over a card connected meanwhile, and a drawing that fails still marks the page warmed up', async () => {
    const sample = { holder: 'adult' as const, connection: INFO, events: [] };
    performance.clearMarks(WARMED_UP_MARK);
    const connected = setup({ warmUp: () => sample, scan: () => SCAN_SUMMARY });
    await connected.store.getState().connectSimulator('adult');
    const draw = vi.fn(async () => undefined);
    connected.store.getState().rehearseScan(draw);
    await vi.waitFor(() => expect(performance.getEntriesByName(WARMED_UP_MARK)).toHaveLength(1));
    expect(draw).not.toHaveBeenCalled();

    performance.clearMarks(WARMED_UP_MARK);
    const failing = setup({ warmUp: () => sample });
    failing.store.getState().rehearseScan(() => Promise.reject(new Error('no card view chunk')));
    await vi.waitFor(() => expect(performance.getEntriesByName(WARMED_UP_MARK)).toHaveLength(1));
  });

  it('starts the held-back start-up work once the sample is drawn, and marks the page warmed up only when that is done too', async () => {
    performance.clearMarks(WARMED_UP_MARK);
    const sample = { holder: 'adult' as const, connection: INFO, events: [] };
    const fake = fakeClient({ warmUp: () => sample });
    const order: string[] = [];
    let finishDrawing: () => void = () => {};
    let finishWork: () => void = () => {};
    const store = createAppStore(fake.client, memoryStorage(), ['en-GB'], undefined, {
      scheduleFrame: fake.scheduleFrame,
      afterRehearsal: () => {
        order.push('held-back work');
        return new Promise<void>((resolve) => (finishWork = resolve));
      },
    });
    store.getState().rehearseScan(() => {
      order.push('drawing');
      return new Promise<void>((resolve) => (finishDrawing = resolve));
    });
    await vi.waitFor(() => expect(order).toEqual(['drawing']));
    finishDrawing();
    await vi.waitFor(() => expect(order).toEqual(['drawing', 'held-back work']));
    expect(performance.getEntriesByName(WARMED_UP_MARK)).toHaveLength(0);
    finishWork();
    await vi.waitFor(() => expect(performance.getEntriesByName(WARMED_UP_MARK)).toHaveLength(1));
  });

  it('a rehearsal that fails still starts the held-back work, and marks nothing', async () => {
    performance.clearMarks(WARMED_UP_MARK);
    const fake = fakeClient({ warmUp: () => Promise.reject(new Error('the simulator chunk did not load')) });
    const afterRehearsal = vi.fn(() => Promise.reject(new Error('no service worker either')));
    const store = createAppStore(fake.client, memoryStorage(), ['en-GB'], undefined, { scheduleFrame: fake.scheduleFrame, afterRehearsal });
    store.getState().rehearseScan();
    await vi.waitFor(() => expect(afterRehearsal).toHaveBeenCalledTimes(1));
    // Every promise step after it has run by the next macrotask.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(performance.getEntriesByName(WARMED_UP_MARK)).toHaveLength(0);
  });

  it('appends APDU log rows and replaces PINs from events', () => {
    const { store, emit } = setup();
    emit({ type: 'apdu', row: { seq: 1, name: 'VERIFY', nameParts: { instruction: 'VERIFY' }, command: '00 20 00 80 ** PIN hidden **', responseData: '', sw: '9000', sensitive: true, elapsedMs: 1 } });
    emit({ type: 'pins', pins: [pinState({ pinId: 'textPin', triesLeft: 2 })] });
    expect(store.getState().log).toHaveLength(1);
    expect(store.getState().pins[0]?.triesLeft).toBe(2);
  });

  it('never keeps the PIN in state: not on success, not on a wrong PIN', async () => {
    let answer: 'ok' | 'wrong' = 'wrong';
    const { store, calls } = setup({
      verifyPin: (_, send) => {
        if (answer === 'wrong') throw Object.assign(new Error('wrong'), { code: 'card/wrong-pin', details: { pinId: 'jpkiAuth', triesLeft: 2 } });
        send({ type: 'pins', pins: [pinState({ pinId: 'jpkiAuth', verified: true })] });
        send({ type: 'row', row: row({ key: 'jpki/0001', status: 'read', readWith: 'jpkiAuth', content }) });
        return { openedKeys: ['jpki/0001'], addressing: SCAN_SUMMARY.addressing };
      },
    });
    store.setState({ pins: [pinState({ pinId: 'jpkiAuth' })] });
    store.getState().openPinDialog('jpkiAuth');
    expect(await store.getState().submitPin('9876', false)).toBe(false);
    expect(JSON.stringify(store.getState())).not.toContain('9876');
    expect(store.getState().pins[0]?.triesLeft).toBe(2);
    expect(store.getState().pinDialog?.errorCode).toBe('card/wrong-pin');
    expect(store.getState().pinDialog?.errorDetails).toMatchObject({ triesLeft: 2 });

    answer = 'ok';
    expect(await store.getState().submitPin('1234', false)).toBe(true);
    expect(JSON.stringify(store.getState())).not.toContain('1234');
    // Accepted: the dialog closes and the page keeps what the PIN opened.
    expect(store.getState().pinDialog).toBeNull();
    expect(store.getState().pinOpened).toEqual({ pinId: 'jpkiAuth', keys: ['jpki/0001'] });
    expect(store.getState().rows.map((r) => r.key)).toEqual(['jpki/0001']);
    expect(calls.filter((c) => c.method === 'verifyPin').map((c) => c.params)).toEqual([
      { pinId: 'jpkiAuth', pin: '9876' },
      { pinId: 'jpkiAuth', pin: '1234' },
    ]);
  });

  it('sends confirmLastTry only when the person confirmed, and marks a blocked PIN', async () => {
    const { store, calls } = setup({
      verifyPin: () => {
        throw Object.assign(new Error('blocked'), { code: 'card/pin-blocked', details: { pinId: 'jpkiAuth', triesLeft: 0 } });
      },
    });
    store.setState({ pins: [pinState({ pinId: 'jpkiAuth', triesLeft: 1 })] });
    store.getState().openPinDialog('jpkiAuth');
    await store.getState().submitPin('0000', true);
    expect(calls.at(-1)?.params).toEqual({ pinId: 'jpkiAuth', pin: '0000', confirmLastTry: true });
    expect(store.getState().pins[0]).toMatchObject({ triesLeft: 0, blocked: true });
  });

  it('clear wipes every card datum and the log, and persists only the language', async () => {
    const { store, emit, calls, storage } = setup({ clear: () => null, scan: (_, send) => (send({ type: 'row', row: row({ key: 'jpki/000A' }) }), SCAN_SUMMARY) });
    await store.getState().connectSimulator('adult');
    await store.getState().scan();
    emit({ type: 'apdu', row: { seq: 1, name: 'SELECT', nameParts: { instruction: 'SELECT' }, command: '00 A4', responseData: '', sw: '9000', sensitive: false, elapsedMs: 1 } });
    store.getState().selectRow('jpki/000A');
    store.getState().setLanguage('ja');
    await store.getState().clearAll();
    const s = store.getState();
    expect(calls.at(-1)?.method).toBe('clear');
    expect([s.connection, s.source, s.selectedRowKey, s.pinDialog]).toEqual([null, null, null, null]);
    expect([s.rows, s.pins, s.log]).toEqual([[], [], []]);
    expect(s.language).toBe('ja');
    expect([...storage.map.keys()]).toEqual(['mynalens.language']);
  });

  it('Clear everything and Disconnect work while a call hangs: the screen is emptied and usable at once, and the hung call neither keeps it busy nor shows its error (issue 15 §3)', async () => {
    let failScan: (error: unknown) => void = () => undefined;
    const { store, calls } = setup({
      clear: () => null,
      disconnect: () => null,
      scan: () => new Promise((_, reject) => (failScan = reject)),
    });
    for (const end of ['clearAll', 'disconnect'] as const) {
      // Choosing the simulator starts the scan, which hangs.
      const scanning = store.getState().connectSimulator('adult');
      await vi.waitUntil(() => store.getState().scanning);
      expect(store.getState().busy).toBe(true);
      await store.getState()[end]();
      expect(calls.at(-1)?.method).toBe(end === 'clearAll' ? 'clear' : 'disconnect');
      expect([store.getState().busy, store.getState().connection, store.getState().errorCode]).toEqual([false, null, null]);
      // The ended session's call fails later: nothing of it reaches the screen.
      failScan(Object.assign(new Error('closed'), { code: 'transport/closed' }));
      await scanning;
      expect([store.getState().busy, store.getState().errorCode, store.getState().rows]).toEqual([false, null, []]);
    }
  });

  it('an engine that does not answer Clear everything is restarted (issue 15 §3)', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeClient({ connectSimulator: () => INFO, clear: () => new Promise<null>(() => undefined) });
      const restarts: string[] = [];
      const store = createAppStore({ ...fake.client, restart: (cause) => restarts.push(cause) }, memoryStorage(), ['en-GB']);
      await store.getState().connectSimulator('adult');
      const clearing = store.getState().clearAll();
      expect(store.getState().connection).toBeNull();
      await vi.advanceTimersByTimeAsync(END_SESSION_ANSWER_MS);
      await clearing;
      expect(restarts).toEqual(['clear: no answer']);
      expect(store.getState().busy).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers the reader report after a reader connection and after a failed one, and not after Clear everything (issue 15 §5)', async () => {
    let fail = false;
    const { store } = setup({
      clear: () => null,
      connectReader: () => {
        if (fail) throw Object.assign(new Error('no card'), { code: 'usb/no-card' });
        return { ...INFO, kind: 'ccid', reader: { id: 'r', name: 'R' } };
      },
      readerReport: () => ({ text: '{}', fileName: 'mynalens-reader-report-04E6-511A.json' }),
    });
    expect(store.getState().readerReportOffered).toBe(false);
    await store.getState().connectReader('r');
    expect(store.getState().readerReportOffered).toBe(true);
    expect(await store.getState().saveReaderReport()).toEqual({ text: '{}', fileName: 'mynalens-reader-report-04E6-511A.json' });
    await store.getState().clearAll();
    expect(store.getState().readerReportOffered).toBe(false);
    fail = true;
    await store.getState().connectReader('r');
    expect([store.getState().errorCode, store.getState().readerReportOffered]).toEqual(['usb/no-card', true]);
  });

  it('keeps the newest log rows to show and counts the earlier ones; a new connection starts afresh', async () => {
    const { store, emit } = setup({ openTranscript: () => ({ ...INFO, kind: 'transcript' }) });
    await store.getState().connectSimulator('adult');
    for (let seq = 1; seq <= LOG_ROWS_SHOWN + 5; seq++) {
      emit({ type: 'apdu', row: { seq, name: 'SELECT', nameParts: { instruction: 'SELECT' }, command: '00 A4', responseData: '', sw: '6100', sensitive: false, elapsedMs: 0 } });
    }
    expect(store.getState().log).toHaveLength(LOG_ROWS_SHOWN);
    expect(store.getState().logHidden).toBe(5);
    await store.getState().openTranscript(new Blob(['x']));
    expect([store.getState().log, store.getState().logHidden]).toEqual([[], 0]);
  });

  it('hands the chosen file to the engine unread, with its name', async () => {
    const { store, calls } = setup({ openTranscript: () => ({ ...INFO, kind: 'transcript' }) });
    const file = new File(['=> 00 A4 04 0C\n<= 90 00\n'], 'session.txt', { type: 'text/plain' });
    await store.getState().openTranscript(file);
    expect(calls.find((c) => c.method === 'openTranscript')).toEqual({ method: 'openTranscript', params: { file, fileName: 'session.txt' } });
    expect(store.getState().source).toEqual({ kind: 'transcript', fileName: 'session.txt' });
  });

  it('one Reveal for the My Number, hidden again by Hide, Clear everything, a new connection and a new card (docs/card-reference.md §17)', async () => {
    const { store, emit } = setup({ clear: () => null });
    await store.getState().connectSimulator('adult');
    expect(store.getState().myNumberRevealed).toBe(false);
    const reveal = () => store.getState().setMyNumberRevealed(true);

    reveal();
    expect(store.getState().myNumberRevealed).toBe(true);
    store.getState().setMyNumberRevealed(false);
    expect(store.getState().myNumberRevealed).toBe(false);

    reveal();
    await store.getState().clearAll();
    expect(store.getState().myNumberRevealed).toBe(false);

    await store.getState().connectSimulator('adult');
    reveal();
    // The engine reports every connection, a reconnection of the same reader too: it may hold another card.
    emit({ type: 'connection', connected: true, info: INFO });
    expect(store.getState().myNumberRevealed).toBe(false);

    reveal();
    await store.getState().connectSimulator('child');
    expect(store.getState().myNumberRevealed).toBe(false);

    reveal();
    emit({ type: 'restarted', reason: { code: 'engine/restarted', message: 'gone' } });
    expect(store.getState().myNumberRevealed).toBe(false);
  });

  it('asks for the scan in the same breath as the simulator connection, before its answer, and only once', async () => {
    let connected: (info: ConnectionInfo) => void = () => {};
    const { store, calls } = setup({
      connectSimulator: () => new Promise<ConnectionInfo>((resolve) => (connected = resolve)),
      scan: () => SCAN_SUMMARY,
    });
    const choosing = store.getState().connectSimulator('adult');
    // The engine runs calls in turn, so it starts the scan the moment the connection stands.
    expect(calls.map((c) => c.method)).toEqual(['connectSimulator', 'scan']);
    expect(store.getState().scanning).toBe(false);
    connected(INFO);
    await choosing;
    expect(calls.map((c) => c.method)).toEqual(['connectSimulator', 'scan']);
    expect(store.getState()).toMatchObject({ connection: INFO, scanned: true, scanning: false, errorCode: null, busy: false });
  });

  it('a transcript that cannot be opened shows its own error, not the "not connected" of the scan asked for behind it', async () => {
    const { store, calls } = setup({
      openTranscript: () => {
        throw Object.assign(new Error('bad'), { code: 'transcript/invalid', details: { line: 3 } });
      },
      scan: () => {
        throw Object.assign(new Error('no card'), { code: 'engine/not-connected' });
      },
    });
    await store.getState().openTranscript(new Blob(['garbage']));
    expect(calls.map((c) => c.method)).toEqual(['openTranscript', 'scan']);
    expect(store.getState()).toMatchObject({ errorCode: 'transcript/invalid', errorDetails: { line: 3 }, scanning: false, scanned: false, busy: false });
  });

  it('shows an engine refusal by code and details', async () => {
    const { store } = setup({
      openTranscript: () => {
        throw Object.assign(new Error('bad'), { code: 'transcript/invalid', details: { line: 3 } });
      },
    });
    await store.getState().openTranscript(new Blob(['garbage']));
    expect(store.getState().errorCode).toBe('transcript/invalid');
    expect(store.getState().connection).toBeNull();
    expect(store.getState().busy).toBe(false);
  });

  it('a lost connection keeps what was read, marks the session interrupted and says why', async () => {
    const { store, emit } = setup({ scan: (_, send) => (send({ type: 'row', row: row({ key: 'jpki/000A', status: 'read', readWith: 'none', content }) }), SCAN_SUMMARY) });
    await store.getState().connectSimulator('adult');
    await store.getState().scan();
    emit({ type: 'connection', connected: false, info: null, reason: { code: 'transport/card-removed', message: 'gone' } });
    const state = store.getState();
    expect(state.connection).toBeNull();
    expect(state.interrupted).toBe(true);
    expect(state.rows.map((r) => r.status)).toEqual(['read']);
    expect(state.errorCode).toBe('transport/card-removed');
  });
});

describe('createAppStore with USB readers', () => {
  const READER = { id: '04E6:511A#0', name: 'SCR3310-NTTCom', vendorId: '04E6', productId: '511A', serialNumber: null, route: 'ccid-vendor', experimental: false, blockedBy: null } as const;
  const READER_INFO: ConnectionInfo = { kind: 'ccid', atr: '3B E0', extendedLength: true, reader: { id: READER.id, name: READER.name } };

  function usbSetup(handlers: Parameters<typeof fakeClient>[0] = {}, picked: () => Promise<{ vendorId: number; productId: number; serialNumber: string | null; name: string }> = async () => ({ vendorId: 0x04e6, productId: 0x511a, serialNumber: null, name: 'SCR3310' })) {
    const fake = fakeClient({ listReaders: () => [READER], connectReader: () => READER_INFO, ...handlers });
    const store = createAppStore(fake.client, memoryStorage(), ['en'], { capabilities: () => ({ webUsb: true, unrestricted: false }), requestReader: picked }, { scheduleFrame: fake.scheduleFrame });
    return { ...fake, store };
  }

  it('asks for a reader, finds it among the granted ones and connects to it, telling the engine the page is not unrestricted', async () => {
    const { store, calls } = usbSetup();
    await store.getState().addReader();
    expect(calls.map((c) => c.method)).toEqual(['listReaders', 'connectReader', 'scan']);
    expect(calls[1]!.params).toEqual({ readerId: READER.id, unrestricted: false });
    expect(store.getState().source).toEqual({ kind: 'reader', readerId: READER.id, name: READER.name });
    expect(store.getState().readers).toEqual([READER]);
  });

  it('a closed chooser is an error with its own code and connects nothing', async () => {
    const { store, calls } = usbSetup({}, () => Promise.reject(Object.assign(new Error('none'), { code: 'usb/no-reader-chosen' })));
    await store.getState().addReader();
    expect(store.getState().errorCode).toBe('usb/no-reader-chosen');
    expect(store.getState().usbChooser).toEqual({ phase: 'none-chosen' });
    expect(calls).toEqual([]);
  });

  it('says the chooser is open while it is, then that the reader connected', async () => {
    let pick: (value: { vendorId: number; productId: number; serialNumber: null; name: string }) => void = () => {};
    const { store } = usbSetup({}, () => new Promise((resolve) => (pick = resolve)));
    const adding = store.getState().addReader();
    expect(store.getState().usbChooser).toEqual({ phase: 'open' });
    pick({ vendorId: 0x04e6, productId: 0x511a, serialNumber: null, name: 'SCR3310' });
    await adding;
    expect(store.getState().usbChooser).toEqual({ phase: 'connected', name: READER.name });
  });

  it('a picked device this page cannot use as a reader says so', async () => {
    const blocked = { ...READER, blockedBy: 'usb/protected-class' as const };
    const { store } = usbSetup({
      listReaders: () => [blocked],
      connectReader: () => Promise.reject(Object.assign(new Error('blocked'), { code: 'usb/protected-class' })),
    });
    await store.getState().addReader();
    expect(store.getState().usbChooser).toEqual({ phase: 'not-supported', name: READER.name });
    expect(store.getState().errorCode).toBe('usb/protected-class');
  });

  it('reconnecting the same reader after an unplug keeps the rows; another reader starts afresh', async () => {
    let scans = 0;
    const { store, emit } = usbSetup({
      scan: (_, send) => {
        if (scans++ === 0) send({ type: 'row', row: row({ key: 'jpki/000A', status: 'read', readWith: 'none', content }) });
        return SCAN_SUMMARY;
      },
    });
    await store.getState().connectReader(READER.id);
    expect(scans).toBe(1);
    emit({ type: 'connection', connected: false, info: null, reason: { code: 'transport/device-lost', message: 'gone' } });
    await store.getState().connectReader(READER.id);
    expect(store.getState().rows).toHaveLength(1);
    expect(store.getState().interrupted).toBe(false);
    // A continued session keeps its scan; a new reader's card is scanned at once.
    expect(scans).toBe(1);
    emit({ type: 'connection', connected: false, info: null, reason: { code: 'transport/device-lost', message: 'gone' } });
    await store.getState().connectReader('072F:223E#0');
    expect(scans).toBe(2);
    expect(store.getState().rows).toEqual([]);
  });

  it('reconnecting finds another card: the card-changed event leaves only the new card, and says so until the next connect', async () => {
    const apdu = (seq: number, command: string) => ({ seq, name: command, nameParts: { instruction: command }, command, responseData: '', sw: '9000', sensitive: false, elapsedMs: 1 });
    let onConnect: () => void = () => {};
    const { store, emit } = usbSetup({
      connectReader: () => (onConnect(), READER_INFO),
      verifyPin: (_, send) => {
        send({ type: 'pins', pins: [pinState({ pinId: 'textPin', verified: true })] });
        send({ type: 'row', row: row({ key: 'text/0001', status: 'read', readWith: 'textPin', content }) });
        return { openedKeys: ['text/0001'], addressing: SCAN_SUMMARY.addressing };
      },
      identifyCard: () => ({ tokenLabel: 'JPKIAPICCTOKEN2', isMyNumberCard: true, atrKnown: true }),
    });
    await store.getState().connectReader(READER.id);
    await store.getState().checkCard();
    store.getState().openPinDialog('textPin');
    await store.getState().submitPin('1234', false);
    emit({ type: 'apdu', row: apdu(1, '00 20 00 80 04 ** ** ** **') });
    store.getState().selectRow('text/0001');
    emit({ type: 'connection', connected: false, info: null, reason: { code: 'transport/card-removed', message: 'gone' } });
    // The engine finds the child's card while reconnecting: the event comes before the answer.
    const childLog = [apdu(1, '00 A4 04 0C 07 A0 00 00 01 51 00 00'), apdu(2, '00 CA 00 45 00')];
    onConnect = () => emit({ type: 'card-changed', log: childLog, pins: [pinState({ pinId: 'visualPinA' })] });
    await store.getState().connectReader(READER.id);
    const state = store.getState();
    expect(state).toMatchObject({ rows: [], log: childLog, identity: null, pinDialog: null, selectedRowKey: null, cardChanged: true, interrupted: false });
    expect(state.pins.map((p) => p.pinId)).toEqual(['visualPinA']);
    expect(state.source).toEqual({ kind: 'reader', readerId: READER.id, name: READER.name });
    expect(state.connection).toEqual(READER_INFO);
    // The next reconnect of the same card takes the notice away.
    onConnect = () => {};
    emit({ type: 'connection', connected: false, info: null, reason: { code: 'transport/card-removed', message: 'gone' } });
    await store.getState().connectReader(READER.id);
    expect(store.getState().cardChanged).toBe(false);
    expect(store.getState().log).toEqual(childLog);
  });

  it('takes the reader list from readers events', () => {
    const { store, emit } = usbSetup();
    emit({ type: 'readers', readers: [READER] });
    expect(store.getState().readers).toEqual([READER]);
  });

  it('on a restarted engine drops every card datum and shows engine/restarted, and a PIN refused by the restart does not reopen the dialog', async () => {
    let reject: (error: unknown) => void = () => {};
    const { store, emit } = setup({ verifyPin: () => new Promise((_, no) => (reject = no)) });
    await store.getState().connectSimulator('adult');
    emit({ type: 'row', row: row({ key: 'jpki/000A', status: 'read', readWith: 'none', content }) });
    store.getState().openPinDialog('jpkiAuth');
    const submitted = store.getState().submitPin('1234', false);
    const reason = { code: 'engine/restarted' as const, message: 'restarted', details: { cause: 'error' } };
    emit({ type: 'restarted', reason });
    reject(Object.assign(new Error('restarted'), reason));
    expect(await submitted).toBe(false);
    const state = store.getState();
    expect(state).toMatchObject({ connection: null, rows: [], pins: [], log: [], pinDialog: null, errorCode: 'engine/restarted' });
  });

  it('stays busy until the last of several overlapping calls ends', async () => {
    const release: (() => void)[] = [];
    const later = <T,>(value: T) => new Promise<T>((resolve) => release.push(() => resolve(value)));
    const { store } = setup({ identifyCard: () => later({ tokenLabel: 'JPKIAPICCTOKEN2', isMyNumberCard: true, atrKnown: true }), pinStatus: () => later(null) });
    await store.getState().connectSimulator('adult');
    const check = store.getState().checkCard();
    const refresh = store.getState().refreshPins();
    expect(store.getState().busy).toBe(true);
    release[0]!();
    await check;
    expect(store.getState().busy).toBe(true);
    release[1]!();
    await refresh;
    expect(store.getState().busy).toBe(false);
  });
});

describe('createAppStore with the Web Smart Card API and Web NFC', () => {
  it('hands the connected card to the engine as a transferred MessagePort', async () => {
    const fake = fakeClient({ connectSmartCard: () => ({ kind: 'smartcard', atr: '3B E0', extendedLength: true, reader: { id: 'pcsc:R', name: 'R' } }) });
    const { port1, port2 } = new MessageChannel();
    const transfers: unknown[][] = [];
    const client = { ...fake.client, call: ((method: never, params: never, transfer: unknown[] = []) => (transfers.push(transfer), fake.client.call(method, params))) as typeof fake.client.call };
    const smartCard = {
      available: true,
      listReaders: async () => [{ name: 'R', cardPresent: true }],
      connect: async () => ({ readerName: 'R', atrHex: '3B E0', extendedLength: true, port: port2 }),
    };
    const store = createAppStore(client, memoryStorage(), ['en'], undefined, { smartCard });
    await store.getState().refreshSmartCardReaders();
    expect(store.getState().smartCardReaders).toEqual([{ name: 'R', cardPresent: true }]);
    await store.getState().connectSmartCard('R');
    expect(fake.calls[0]).toMatchObject({ method: 'connectSmartCard', params: { readerName: 'R', atr: '3B E0', extendedLength: true } });
    expect(transfers[0]).toEqual([port2]);
    expect(store.getState().source).toEqual({ kind: 'smartcard', readerName: 'R' });
    port1.close();
  });

  it('a tap says only that the card was detected; a refused NFC shows its own error', async () => {
    let answer: Promise<'card-without-ndef'> = Promise.resolve('card-without-ndef');
    const nfc = { available: true, waitForTap: () => answer };
    const store = createAppStore(fakeClient().client, memoryStorage(), ['en'], undefined, { nfc });
    await store.getState().waitForNfcTap();
    expect(store.getState().nfcTap).toBe('card-without-ndef');
    expect(store.getState().connection).toBeNull();
    answer = Promise.reject(Object.assign(new Error('off'), { code: 'nfc/not-allowed' }));
    await store.getState().waitForNfcTap();
    expect(store.getState().nfcTap).toBe('idle');
    expect(store.getState().errorCode).toBe('nfc/not-allowed');
  });
});
