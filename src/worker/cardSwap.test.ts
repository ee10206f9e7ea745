import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedCard, loadPersonalisation } from '../simulator';
import type { PlugOptions } from '../simulator/usb/emulatorMessages';
import { EmulatedUsbHost } from '../simulator/usb/EmulatedUsbHost';
import type { BridgeRequest } from '../transport';
import type { EngineEvent } from '../protocol';
import { asciiHex, pinsOf, startEngine } from './test-support/engineHarness';

/**
 * One card at a time (docs/card-reference.md §9.4, §5): "Reconnect and continue" with another
 * card in the reader — the adult's text PIN entered, the card pulled, the child's card put in,
 * the child's 照合番号A entered with no scan — must leave nothing of the adult's card next to
 * the child's: no row, no PIN state, no log line, nothing in the exported transcript.
 */

type Harness = ReturnType<typeof startEngine>;

/** What tells the two simulated cards apart (card-level GET DATA 0045, §9.4). */
const ADULT_CARD_NUMBER = asciiHex('900000000000001');
const CHILD_CARD_NUMBER = asciiHex('900000000000002');
/** The adult's name as text EF 0002 holds it (UTF-8, docs/card-reference.md §7.3). */
const ADULT_NAME = 'E8 A6 8B E6 9C AC E3 80 80 E8 8A B1 E5 AD 90';
/** SELECT of the text AP (§0): where the adult's text PIN was entered. */
const SELECT_TEXT_AP = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** A way to put a card in a reader, connect (again) to it, take it out and put another in. */
interface Route {
  readonly name: string;
  start(): Promise<{ h: Harness; connect(): Promise<unknown>; swapForChild(): Promise<void>; putBack(): Promise<void> }>;
}

/** A USB reader emulator (FakeCcidDevice, FakeRcs380Device, FakeRcs300Device) behind the engine's WebUSB. */
function usbRoute(name: string, plug: PlugOptions, readerId: string, unrestricted = false): Route {
  return {
    name,
    async start() {
      const usb = new EmulatedUsbHost();
      const h = startEngine(undefined, { usb });
      if (unrestricted) await usb.run({ action: 'set-unrestricted', unrestricted });
      await usb.run({ action: 'plug', options: plug });
      await usb.run({ action: 'grant', index: 0 });
      return {
        h,
        connect: () => h.client.call('connectReader', { readerId, unrestricted }),
        async swapForChild() {
          await usb.run({ action: 'remove-card' });
          await usb.run({ action: 'insert-card', holder: 'child' });
        },
        async putBack() {
          await usb.run({ action: 'remove-card' });
          await usb.run({ action: 'insert-card' });
        },
      };
    },
  };
}

/** A PC/SC reader (Web Smart Card API, the MynaLens bridge): the simulated card answers over the engine's MessagePort. */
const pcscRoute: Route = {
  name: 'PC/SC reader over a MessagePort (Web Smart Card API, MynaLens bridge) with the simulated card',
  async start() {
    const h = startEngine();
    let card = new SimulatedCard(await loadPersonalisation('adult'));
    const connect = () => {
      const port = cardBehindPort(card);
      return h.client.call('connectSmartCard', { port, readerName: 'R', atr: '3B E0 00 FF 81 31 FE 45 14', extendedLength: true }, [port]);
    };
    return {
      h,
      connect,
      async swapForChild() {
        card = new SimulatedCard(await loadPersonalisation('child'));
      },
      async putBack() {
        card.reset();
      },
    };
  },
};

/** The main thread's side of a PC/SC card, reduced to its protocol: answer each transmit from the card. */
function cardBehindPort(card: SimulatedCard): MessagePort {
  const { port1, port2 } = new MessageChannel();
  port1.addEventListener('message', (event: MessageEvent<BridgeRequest>) => {
    if (event.data.kind === 'transmit') port1.postMessage({ kind: 'response', id: event.data.id, response: card.respond(event.data.command) });
  });
  port1.start();
  return port2;
}

const ROUTES: readonly Route[] = [
  usbRoute('SCR3310-NTTCom (FakeCcidDevice: vendor class, TPDU, T=1)', { personality: 'scr3310' }, '04E6:511A#0'),
  usbRoute('a class-0x0B CCID reader with extended APDUs (FakeCcidDevice, installed app)', { personality: 'extended-apdu' }, '072F:223E#0', true),
  usbRoute('RC-S380 (FakeRcs380Device: Port-100, Type B, ISO-DEP)', { personality: 'rcs380' }, '054C:06C1#0'),
  usbRoute('RC-S300 vendor interface (FakeRcs300Device: transparent session)', { personality: 'rcs300' }, '054C:0DC8#0'),
  pcscRoute,
];

const cardChanged = (events: readonly EngineEvent[]) => events.filter((e) => e.type === 'card-changed');

describe.each(ROUTES.map((r) => [r.name, r] as const))('one card at a time: %s', (_name, route) => {
  it("reconnecting with the child's card drops everything of the adult's; the child's PIN-A and the export show the child's card only", async () => {
    const { h, connect, swapForChild } = await route.start();
    close = h.close;
    const adult = await pinsOf('adult');
    const child = await loadPersonalisation('child');
    await connect();
    const opened = await h.client.call('verifyPin', { pinId: 'textPin', pin: adult.textPin });
    expect(opened.opened.find((r) => r.key === 'text/0001')?.status).toBe('read');
    expect((await h.client.call('exportTranscript', {})).text).toContain(ADULT_CARD_NUMBER);

    await swapForChild();
    await connect();

    const [changed] = cardChanged(h.events);
    expect(changed).toBeDefined();
    if (changed?.type !== 'card-changed') return;
    // What stays of the log is the new card's own identity check, nothing before it.
    expect(changed.log.map((r) => r.command)).toEqual(['00 A4 04 0C 07 A0 00 00 01 51 00 00', '00 CA 00 45 00']);
    expect(changed.log[1]!.responseData).toBe(CHILD_CARD_NUMBER);
    expect(changed.pins.every((p) => p.triesLeft === null && !p.verified)).toBe(true);

    // No scan: the child's 照合番号A at once.
    const visual = await h.client.call('verifyPin', { pinId: 'visualPinA', pin: child.pins.pinA });
    expect(visual.opened.find((r) => r.key === 'visual/0002')?.status).toBe('read');
    expect(visual.pins.find((p) => p.pinId === 'textPin')).toMatchObject({ triesLeft: null, verified: false });

    const exported = (await h.client.call('exportTranscript', {})).text;
    expect(exported).toContain(CHILD_CARD_NUMBER);
    expect(exported).not.toContain(ADULT_CARD_NUMBER);
    expect(exported).not.toContain(asciiHex(adult.pinA));
    expect(exported).not.toContain(ADULT_NAME);
    // The adult's text PIN went to the text AP; nothing was sent there on the child's card.
    expect(exported).not.toContain(SELECT_TEXT_AP);

    // Nothing the adult's text PIN opened is held for the next scan either.
    const { rows } = await h.client.call('scan', {});
    // A scan does not touch files behind a PIN: they are as declared, not read, no content.
    for (const key of ['text/0001', 'text/0002']) {
      const row = rows.find((r) => r.key === key);
      expect(row).toMatchObject({ status: 'not-read', readWith: null });
      expect(row).not.toHaveProperty('content');
    }
    expect(rows.find((r) => r.key === 'visual/0002')).toMatchObject({ status: 'read', readWith: 'visualPinA' });
    expect(JSON.stringify(rows)).not.toContain(adult.pinA);
  });

  it('reconnecting with the same card continues: the rows a PIN opened and the log stay, no card-changed', async () => {
    const { h, connect, putBack } = await route.start();
    close = h.close;
    await connect();
    await h.client.call('verifyPin', { pinId: 'textPin', pin: (await pinsOf('adult')).textPin });
    await putBack();
    await connect();
    expect(cardChanged(h.events)).toEqual([]);
    const exported = (await h.client.call('exportTranscript', {})).text;
    expect(exported).toContain(ADULT_NAME);
    const { rows, pins } = await h.client.call('scan', {});
    expect(rows.find((r) => r.key === 'text/0001')).toMatchObject({ status: 'read', readWith: 'textPin' });
    // The card was powered off: it has forgotten the PIN (§5), and so has the session.
    expect(pins.find((p) => p.pinId === 'textPin')?.verified).toBe(false);
  });
});

describe('one card at a time: a card that cannot be checked', () => {
  const FAULTS = [
    ['is taken out during the check', { kind: 'remove-card-during-command' }, 'transport/card-removed'],
    ['answers the check with bytes that are no answer', { kind: 'card-garbage', bytes: Uint8Array.of(0x01) }, 'data/malformed'],
  ] as const;

  it.each(FAULTS)('is not used when it %s; the next reconnect checks again and finds the other card', async (_what, fault, code) => {
    const usb = new EmulatedUsbHost();
    const h = startEngine(undefined, { usb });
    close = h.close;
    const connect = () => h.client.call('connectReader', { readerId: '072F:223E#0', unrestricted: true });
    await usb.run({ action: 'set-unrestricted', unrestricted: true });
    // APDU level: the first exchange after power-on is the check's own SELECT.
    await usb.run({ action: 'plug', options: { personality: 'extended-apdu' } });
    await usb.run({ action: 'grant', index: 0 });
    await connect();
    await h.client.call('verifyPin', { pinId: 'textPin', pin: (await pinsOf('adult')).textPin });
    await usb.run({ action: 'remove-card' });
    await usb.run({ action: 'insert-card', holder: 'child' });
    await usb.run({ action: 'inject', fault });
    await expect(connect()).rejects.toMatchObject({ code });
    // Nothing can be read from the unchecked card next to what the session still holds.
    await expect(h.client.call('identifyCard', {})).rejects.toMatchObject({ code: 'engine/not-connected' });
    expect(cardChanged(h.events)).toEqual([]);

    if (fault.kind === 'remove-card-during-command') await usb.run({ action: 'insert-card' });
    await connect();
    expect(cardChanged(h.events)).toHaveLength(1);
    expect((await h.client.call('exportTranscript', {})).text).not.toContain(ADULT_CARD_NUMBER);
  });
});

describe('one card at a time: a first connection whose check fails', () => {
  it('leaves nothing to continue: connecting again starts afresh, with no card-changed notice', async () => {
    const usb = new EmulatedUsbHost();
    const h = startEngine(undefined, { usb });
    close = h.close;
    const connect = () => h.client.call('connectReader', { readerId: '072F:223E#0', unrestricted: true });
    await usb.run({ action: 'set-unrestricted', unrestricted: true });
    await usb.run({ action: 'plug', options: { personality: 'extended-apdu' } });
    await usb.run({ action: 'grant', index: 0 });
    await usb.run({ action: 'inject', fault: { kind: 'card-garbage', bytes: Uint8Array.of(0x01) } });
    await expect(connect()).rejects.toMatchObject({ code: 'data/malformed' });
    await connect();
    expect(cardChanged(h.events)).toEqual([]);
    expect((await h.client.call('exportTranscript', {})).text).toContain(ADULT_CARD_NUMBER);
  });
});

describe('one card at a time: the simulator', () => {
  it("choosing the child's simulated card after the adult's starts afresh: nothing of the adult's stays or is exported", async () => {
    const h = startEngine();
    close = h.close;
    await h.client.call('connectSimulator', { holder: 'adult' });
    await h.client.call('verifyPin', { pinId: 'textPin', pin: (await pinsOf('adult')).textPin });
    await h.client.call('connectSimulator', { holder: 'child' });
    const child = await loadPersonalisation('child');
    await h.client.call('verifyPin', { pinId: 'visualPinA', pin: child.pins.pinA });
    const exported = (await h.client.call('exportTranscript', {})).text;
    expect(exported).not.toContain(ADULT_NAME);
    expect(exported).not.toContain(asciiHex((await loadPersonalisation('adult')).holder.myNumber));
    const { rows } = await h.client.call('scan', {});
    expect(rows.find((r) => r.key === 'text/0001')).toMatchObject({ status: 'not-read', readWith: null });
  });
});
