import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventsMessage } from '../protocol';
import { EventOutbox, MAX_EVENTS_PER_MESSAGE } from './eventOutbox';

const progress = (done: number): EngineEvent => ({ type: 'progress', done, total: 100, current: null });

function outbox() {
  const posted: EventsMessage[] = [];
  const timers: (() => void)[] = [];
  const box = new EventOutbox((message) => posted.push(message), (flush) => timers.push(flush));
  const runTimers = () => timers.splice(0).forEach((flush) => flush());
  return { box, posted, runTimers, timers };
}

describe('EventOutbox', () => {
  it('sends the events of one task as one message, in the order raised, when the task ends', () => {
    const { box, posted, runTimers, timers } = outbox();
    box.add(progress(1));
    box.add(progress(2));
    box.add({ type: 'ready' });
    expect(posted).toEqual([]);
    expect(timers).toHaveLength(1);
    runTimers();
    expect(posted).toEqual([{ kind: 'events', events: [progress(1), progress(2), { type: 'ready' }] }]);
  });

  it('flush sends at once what waits, so an answer posted next comes after its events', () => {
    const { box, posted, runTimers } = outbox();
    box.add(progress(1));
    box.flush();
    expect(posted).toEqual([{ kind: 'events', events: [progress(1)] }]);
    runTimers();
    box.flush();
    expect(posted).toHaveLength(1);
  });

  it('never puts more than a full batch in one message', () => {
    const { box, posted, runTimers } = outbox();
    for (let i = 0; i < MAX_EVENTS_PER_MESSAGE * 2 + 5; i++) box.add(progress(i));
    runTimers();
    expect(posted.map((m) => m.events.length)).toEqual([MAX_EVENTS_PER_MESSAGE, MAX_EVENTS_PER_MESSAGE, 5]);
    expect(posted.flatMap((m) => m.events)).toEqual(Array.from({ length: MAX_EVENTS_PER_MESSAGE * 2 + 5 }, (_, i) => progress(i)));
  });

  it('schedules a new send for events raised after a send', () => {
    const { box, posted, runTimers } = outbox();
    box.add(progress(1));
    runTimers();
    box.add(progress(2));
    runTimers();
    expect(posted.map((m) => m.events)).toEqual([[progress(1)], [progress(2)]]);
  });
});
