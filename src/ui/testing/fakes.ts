import type { EngineEvent, EngineMethod, EngineMethods, ExposureRowView, PinStateView } from '../../protocol';
import type { EngineClientLike } from '../store/appState';

type Handler<M extends EngineMethod> = (params: EngineMethods[M]['params']) => Promise<EngineMethods[M]['result']> | EngineMethods[M]['result'];

/**
 * A plain-object engine client for store tests: scripted answers, recorded calls, an `emit` for
 * events, and animation frames run by hand (pass `scheduleFrame` to `createAppStore`).
 */
export function fakeClient(handlers: { [M in EngineMethod]?: Handler<M> } = {}) {
  const listeners = new Set<(event: EngineEvent) => void>();
  const calls: { method: EngineMethod; params: unknown }[] = [];
  const client: EngineClientLike = {
    async call(method, params) {
      calls.push({ method, params });
      const handler = handlers[method] as Handler<typeof method> | undefined;
      if (!handler) throw Object.assign(new Error('unscripted'), { code: 'engine/unknown-request' });
      return handler(params);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // Animation frames by hand: the store asks for one (`scheduleFrame`), the test runs it (`frame`).
  let frames: (() => void)[] = [];
  const frame = () => {
    const due = frames;
    frames = [];
    due.forEach((run) => run());
  };
  const send = (event: EngineEvent) => listeners.forEach((l) => l(event));
  return {
    client,
    calls,
    scheduleFrame: (flush: () => void) => void frames.push(flush),
    /** Frames the store asked for and that have not run yet. */
    pendingFrames: () => frames.length,
    frame,
    /** Sends an event, then runs the frame the store asked for: the event as the page shows it. */
    emit: (event: EngineEvent) => {
      send(event);
      frame();
    },
    /** Sends an event and runs no frame: the store holds it until the next frame or action. */
    send,
  };
}

/** An exposure row with the defaults of a not-yet-read free file. */
export function row(overrides: Partial<ExposureRowView> & Pick<ExposureRowView, 'key'>): ExposureRowView {
  const [applet = 'jpki', fileId = '0000'] = overrides.key.split('/');
  return {
    applet: applet as ExposureRowView['applet'],
    fileId,
    name: overrides.key,
    nameJa: overrides.key,
    access: { kind: 'free' },
    containsMyNumber: false,
    reveals: [],
    specSection: '§6.1',
    status: 'not-read',
    readWith: null,
    openedBy: overrides.status === 'read' && overrides.readWith ? [overrides.readWith] : [],
    ...overrides,
  };
}

/** A PIN state with the auth PIN's format and counter. */
export function pinState(overrides: Partial<PinStateView> & Pick<PinStateView, 'pinId'>): PinStateView {
  return {
    applet: 'jpki',
    name: overrides.pinId,
    nameJa: overrides.pinId,
    format: { kind: 'digits', length: 4 },
    maxTries: 3,
    triesLeft: 3,
    blocked: false,
    notIssued: false,
    verified: false,
    ...overrides,
  };
}

/** Preference storage backed by a map, to see exactly what would persist. */
export function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}
