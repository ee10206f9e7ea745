import { SimulatedCard, SimulatorTransport, cardPersonality, loadPersonalisation, type SimulatedCardOptions } from '../../simulator';
import type { BridgeRequest, CardTransport } from '../../transport';
import type { UsbLike } from '../../usb/host/UsbLike';
import { Engine } from '../Engine';
import type { SimulatorFactory } from '../simulatorFactory';
import { EngineClient } from '../../client/EngineClient';
import type { ApduLogRow, EngineEvent, EngineMethods, ExposureRowView, PinStateView, SimulatorHolderId } from '../../protocol';

/** Rewrites a response on its way back, for fault tests (`null` keeps it). */
export type Tamper = (command: Uint8Array, response: Uint8Array) => Uint8Array | null;

/** A transport in front of the simulator that can corrupt answers or take the card out mid-session. */
class FaultyTransport implements CardTransport {
  private sent = 0;
  constructor(
    private readonly inner: SimulatorTransport,
    private readonly faults: {
      readonly tamper?: Tamper;
      readonly removeCardAfter?: number;
      /** Sees every command as the card gets it: before the logger's redaction and the channel's wipe. */
      readonly spy?: (command: Uint8Array) => void;
      /** Answers after a macrotask, as a reader does; the bare simulator answers within microtasks. */
      readonly latency?: boolean;
    } = {},
  ) {}
  get kind() { return this.inner.kind; }
  get atr() { return this.inner.atr; }
  get extendedLength() { return this.inner.extendedLength; }
  get connected() { return this.inner.connected; }
  async transmit(command: Uint8Array, meta?: { readonly sensitive?: boolean }): Promise<Uint8Array> {
    if (this.faults.removeCardAfter !== undefined && this.sent++ === this.faults.removeCardAfter) this.inner.removeCard();
    const copy = command.slice();
    this.faults.spy?.(copy);
    if (this.faults.latency) await new Promise((resolve) => setTimeout(resolve, 0));
    const response = await this.inner.transmit(command, meta);
    return this.faults.tamper?.(copy, response) ?? response;
  }
  close() { return this.inner.close(); }
  onDisconnect(listener: Parameters<CardTransport['onDisconnect']>[0]) { return this.inner.onDisconnect(listener); }
}

/** The engine and its client over a real MessageChannel, with every event recorded; `usb` gives it (emulated) WebUSB. */
export function startEngine(
  faults?: ConstructorParameters<typeof FaultyTransport>[1],
  { usb = null, card: variant = {} }: { usb?: UsbLike | null; card?: Pick<SimulatedCardOptions, 'refusesShortEfIds'> } = {},
) {
  const channel = new MessageChannel();
  const open: SimulatorFactory = async (holder, extendedLength, triesLeft, personality) => {
    const atr = personality ? cardPersonality(personality).atr : undefined;
    const card = new SimulatedCard(await loadPersonalisation(holder), { ...variant, triesLeft: { ...triesLeft }, ...(atr ? { atr } : {}) });
    const sim = new SimulatorTransport(card, { extendedLength });
    return faults ? new FaultyTransport(sim, faults) : sim;
  };
  const engine = new Engine(channel.port1, { openSimulator: open, usb });
  const client = new EngineClient(channel.port2);
  channel.port1.start();
  channel.port2.start();
  const events: EngineEvent[] = [];
  const waiters = new Set<{ matches: (e: EngineEvent) => boolean; resolve: (e: EngineEvent) => void }>();
  client.subscribe((e) => {
    events.push(e);
    for (const waiter of [...waiters]) {
      if (!waiter.matches(e)) continue;
      waiters.delete(waiter);
      waiter.resolve(e);
    }
  });
  const rowEvents = (): Map<string, ExposureRowView> => new Map(events.flatMap((e) => (e.type === 'row' ? [[e.row.key, e.row] as const] : [])));
  /** The rows sent since the last connection: after a scan, every row of the session (each is sent afresh on a new connection). */
  const rowsOfConnection = (): ExposureRowView[] => {
    const since = events.findLastIndex((e) => e.type === 'connection' && e.connected);
    return [...new Map(events.slice(since + 1).flatMap((e) => (e.type === 'row' ? [[e.row.key, e.row] as const] : []))).values()];
  };
  const pinStates = (): PinStateView[] => {
    // A `pins` event carries the states that changed (the first of a connection, all of them, in card order).
    let pins = new Map<string, PinStateView>();
    for (const e of events) {
      if (e.type === 'card-changed') pins = new Map(e.pins.map((p) => [p.pinId, p]));
      else if (e.type === 'pins') for (const p of e.pins) pins.set(p.pinId, p);
    }
    return [...pins.values()];
  };
  return {
    engine,
    client,
    events,
    /**
     * The first event, already seen or still to come, that matches: tests wait for the event
     * itself rather than sleeping (the test's own timeout bounds the wait).
     */
    eventWhere: (matches: (e: EngineEvent) => boolean): Promise<EngineEvent> => {
      const seen = events.find(matches);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.add({ matches, resolve }));
    },
    /** APDU log rows seen so far. */
    apdus: (): ApduLogRow[] => events.flatMap((e) => (e.type === 'apdu' ? [e.row] : [])),
    /** The last `row` event of each key. */
    rowEvents,
    /** Every PIN's state as the `pins` events left it: the page's PIN list (ui/store/mergeRows.ts). */
    pinStates,
    /**
     * `scan`, and the rows and PIN states it sent as events, as the page holds them after it: rows
     * and PINs cross the worker boundary once, as events, so its answer is only a summary.
     */
    scan: async () => ({ ...(await client.call('scan', {})), rows: rowsOfConnection(), pins: pinStates() }),
    /** `verifyPin`, with the PIN states and the rows it opened as its events left them. */
    verifyPin: async (params: EngineMethods['verifyPin']['params']) => {
      const result = await client.call('verifyPin', params);
      const rows = rowEvents();
      return { ...result, pins: pinStates(), opened: result.openedKeys.map((key) => rows.get(key)!) };
    },
    /** `pinStatus`, with every PIN's state as its events left them. */
    pinStatus: async () => {
      await client.call('pinStatus', {});
      return pinStates();
    },
    close: async () => {
      client.dispose();
      await engine.dispose();
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/** The holder's credentials (simulator personalisation, docs/card-reference.md §10). */
export async function pinsOf(holder: SimulatorHolderId) {
  return (await loadPersonalisation(holder)).pins;
}

/** ASCII as spaced upper-case hex, the way the log shows bytes. */
export function asciiHex(text: string): string {
  return [...text].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** Status of each row by key. */
export function statuses(rows: readonly ExposureRowView[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.key, r.status]));
}

/** VERIFY commands that carried data (a PIN), from the log: `00 20 00 80` or `00 20 00 80|SFI` (docs/card-reference.md §2). */
export function verifiesWithData(apdus: readonly ApduLogRow[]): ApduLogRow[] {
  return apdus.filter((r) => /^00 20 00 [89][0-9A-F] /.test(r.command));
}

/**
 * The main thread's side of a PC/SC card (Web Smart Card API, the MynaLens bridge), reduced to its
 * protocol: the port the engine's `connectSmartCard` takes, each transmit answered from `card`.
 */
export function cardBehindPort(card: SimulatedCard): MessagePort {
  const { port1, port2 } = new MessageChannel();
  port1.addEventListener('message', (event: MessageEvent<BridgeRequest>) => {
    if (event.data.kind === 'transmit') port1.postMessage({ kind: 'response', id: event.data.id, response: card.respond(event.data.command) });
  });
  port1.start();
  return port2;
}
