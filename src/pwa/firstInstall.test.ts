import { describe, expect, it } from 'vitest';
import { firstInstallSettled, type InstallingWorkerLike } from './firstInstall';

/** A worker whose state the test moves on, firing `statechange` as a browser does. */
class FakeWorker extends EventTarget implements InstallingWorkerLike {
  constructor(public state: string) {
    super();
  }

  moveTo(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

/** Whether the promise has settled once the microtasks queued so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('firstInstallSettled', () => {
  it('resolves at once when nothing is installing (a later visit)', async () => {
    expect(await settled(firstInstallSettled({ installing: null }))).toBe(true);
  });

  it('waits while the worker installs, and resolves when its files are stored', async () => {
    const worker = new FakeWorker('installing');
    const waiting = firstInstallSettled({ installing: worker });
    expect(await settled(waiting)).toBe(false);
    worker.moveTo('installed');
    expect(await settled(waiting)).toBe(true);
  });

  it('resolves when the install fails (redundant): nothing is fetched any more', async () => {
    const worker = new FakeWorker('installing');
    const waiting = firstInstallSettled({ installing: worker });
    worker.moveTo('redundant');
    expect(await settled(waiting)).toBe(true);
  });

  it('resolves at once for a worker already past its install when asked', async () => {
    expect(await settled(firstInstallSettled({ installing: new FakeWorker('activated') }))).toBe(true);
  });
});
