/**
 * An init script (run before the app) that notes every answer the page gets from the engine
 * worker: the request's method and parameters, when the answer came, and the engine's own time
 * for it (`engineMs`, protocol/messages.ts), in `window.engineAnswers`. Plain JavaScript in a
 * string: tsx would wrap a named function of this file in a helper the page lacks.
 */
export const RECORD_ENGINE_ANSWERS = `(() => {
  const answers = (window.engineAnswers = []);
  const asked = new Map();
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const data = event.data;
        if (!data || data.kind !== 'response' || !asked.has(data.id)) return;
        answers.push({ ...asked.get(data.id), answeredAt: performance.now(), engineMs: data.engineMs });
        asked.delete(data.id);
      });
    }
    postMessage(message, transfer) {
      if (message && message.kind === 'request') asked.set(message.id, { method: message.method, params: message.params });
      super.postMessage(message, transfer);
    }
  };
})();`;

/** One entry of `window.engineAnswers`. */
export interface EngineAnswer {
  readonly method: string;
  readonly params: unknown;
  /** `performance.now()` when the page received the answer. */
  readonly answeredAt: number;
  readonly engineMs?: number;
}
