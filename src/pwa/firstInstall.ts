/** The one part of a `ServiceWorker` read here. */
export interface InstallingWorkerLike extends EventTarget {
  readonly state: string;
}

/** The one part of a `ServiceWorkerRegistration` read here. */
export interface RegistrationLike {
  readonly installing: InstallingWorkerLike | null;
}

/**
 * States past the install: its files are stored (`installed`, and on through activation), or it
 * failed (`redundant`). Either way it no longer fetches anything.
 */
const PAST_INSTALL: ReadonlySet<string> = new Set(['installed', 'activating', 'activated', 'redundant']);

/**
 * Resolves once the worker this registration is installing, if any, is past its install — the
 * moment the first visit's precache is done. A registration with nothing installing (a later
 * visit, no new version) resolves at once.
 */
export function firstInstallSettled(registration: RegistrationLike): Promise<void> {
  const worker = registration.installing;
  if (!worker) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!PAST_INSTALL.has(worker.state)) return;
      worker.removeEventListener('statechange', check);
      resolve();
    };
    worker.addEventListener('statechange', check);
    check();
  });
}
