import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { Rcs300Reader } from '../usb/rcs300/Rcs300Reader';
import { Rcs380Reader } from '../usb/rcs380/Rcs380Reader';
import { CONTACTLESS_PERSONALITIES, typeBCardOf } from './cardPersonalities';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { FakeRcs300Device } from './FakeRcs300Device';
import { FakeRcs380Device } from './FakeRcs380Device';

/**
 * The contactless My Number Card personalities (their ATQBs as the emulators' options) on both
 * contactless emulators, and above all the one whose ATQB says FWI 13 (pcsc-tools smartcard_list.txt: application data
 * `00 4B 51 FF`, Protocol Info `B3 81 D1`; docs/card-reference.md §1): FWT = 256 × 16 / fc × 2^13 ≈
 * 2474.52 ms (ISO/IEC 14443-4 §7.2), plus ΔFWT 49152/fc ≈ 3.62 ms = 2478.14 ms per frame, worked out
 * by hand. Time-outs are checked on fake timers: a wait is as long as the card may take, no longer.
 */
const { personalisation } = await testPersonalisation();
const FWI_13 = typeBCardOf('contactless-fwi13');
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
/** FWT + ΔFWT in ms, and in the 0.1 ms units of InCommRF (rounded up: 24782 = 60 CE). */
const WAIT_MS = 2478.14;
/** The USB margin the readers are opened with, beyond the RF wait. */
const MARGIN_MS = 500;

/** Every InCommRF timeout (0.1 ms units, little-endian) the host wrote to the RC-S380. */
function inCommRfTimeouts(device: FakeRcs380Device): number[] {
  const timeouts: number[] = [];
  const write = device.transferOut.bind(device);
  device.transferOut = (endpoint, data) => {
    // Extended frame 00 00 FF FF FF LEN LEN LCS D6 04 <timeout LE> …
    if (data.length > 12 && data[8] === 0xd6 && data[9] === 0x04) timeouts.push(data[10]! | (data[11]! << 8));
    return write(endpoint, data);
  };
  return timeouts;
}

afterEach(() => {
  vi.useRealTimers();
});

/** The three contactless My Number Card entries of smartcard_list.txt (docs/card-reference.md §1): the simulator's catalogue. */
const CARDS = CONTACTLESS_PERSONALITIES.map((p) => ({ id: p.id, ...typeBCardOf(p.id), atr: toHex(p.atr) }));

describe('every contactless My Number Card personality on both emulators', () => {
  it.each(CARDS)('$id: ATQB with Protocol Info $protocolInfo gives the listed ATR $atr and answers SELECT on the RC-S380 (at 424 kbit/s) and the RC-S300', async (card) => {
    const rcs380 = new FakeRcs380Device(new SimulatedCard(personalisation), card);
    const viaPort100 = await Rcs380Reader.open(rcs380, { timeoutMs: MARGIN_MS, presenceCheckMs: 0 });
    expect(toHex(viaPort100.atr)).toBe(card.atr);
    expect(viaPort100.report().bitRateKbps).toBe(424);
    expect(toHex(await viaPort100.transmit(SELECT_JPKI))).toBe('90 00');
    await viaPort100.close();
    const rcs300 = new FakeRcs300Device(new SimulatedCard(personalisation), card);
    const viaSession = await Rcs300Reader.open(rcs300, { timeoutMs: MARGIN_MS, presenceCheckMs: 0 });
    expect(toHex(viaSession.atr)).toBe(card.atr);
    expect(toHex(await viaSession.transmit(SELECT_JPKI))).toBe('90 00');
    await viaSession.close();
  });
});

describe('an FWI 13 card on the RC-S380 emulator', () => {
  it('sends ATQB … B3 81 D1; the ATR carries it and the report says FWI 13, FWT 2474.52 ms', async () => {
    const device = new FakeRcs380Device(new SimulatedCard(personalisation), FWI_13);
    const reader = await Rcs380Reader.open(device, { timeoutMs: MARGIN_MS, presenceCheckMs: 0 });
    expect(toHex(reader.atr)).toBe('3B 88 80 01 00 4B 51 FF B3 81 D1 00 0F');
    expect(reader.report().atqb).toMatchObject({ protocolInfo: 'B3 81 D1', fwi: 13, fwtMs: 2474.52, fsci: 8 });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });

  it('gives each frame FWT + ΔFWT on the air (InCommRF timeout CE 60 = 2478.2 ms) and an S(WTX) of 3 (7423.5 ms) the capped FWTmax (4949.03 + 3.62 ms = 77 C1)', async () => {
    const device = new FakeRcs380Device(new SimulatedCard(personalisation), FWI_13);
    const timeouts = inCommRfTimeouts(device);
    const reader = await Rcs380Reader.open(device, { timeoutMs: MARGIN_MS, presenceCheckMs: 0 });
    timeouts.length = 0;
    device.inject({ kind: 'wtx', wtxm: 3 });
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    // I-block → S(WTX) request; our S(WTX) answer waits WTXM × FWT, capped at FWTmax (ISO/IEC 14443-4 §7.3).
    expect(timeouts).toEqual([0x60ce, 0xc177]);
    await reader.close();
  });

  it('a reader that never answers is given up on only after FWT + ΔFWT + the USB margin, not before', async () => {
    const device = new FakeRcs380Device(new SimulatedCard(personalisation), FWI_13);
    const reader = await Rcs380Reader.open(device, { timeoutMs: MARGIN_MS, presenceCheckMs: 0 });
    vi.useFakeTimers();
    device.inject({ kind: 'drop-usb-reply' });
    let settled: string | null = null;
    void reader.transmit(SELECT_JPKI).then(
      () => (settled = 'answered'),
      (e: { code?: string }) => (settled = e.code ?? 'error'),
    );
    await vi.advanceTimersByTimeAsync(WAIT_MS + MARGIN_MS - 10);
    expect(settled).toBeNull();
    await vi.advanceTimersByTimeAsync(20);
    expect(settled).toBe('transport/timeout');
  });
});

describe('an FWI 13 card on the RC-S300 emulator', () => {
  it('the Transparent Exchange timer carries FWT + ΔFWT in µs (2478141 = 3D D0 25 00) and a silent reader is given up on after it and the margin', async () => {
    const device = new FakeRcs300Device(new SimulatedCard(personalisation), FWI_13);
    const reader = await Rcs300Reader.open(device, { timeoutMs: MARGIN_MS, presenceCheckMs: 0 });
    expect(reader.report().atqb).toMatchObject({ fwi: 13, protocolInfo: 'B3 81 D1' });
    const timers: string[] = [];
    const write = device.transferOut.bind(device);
    device.transferOut = (endpoint, data) => {
      const at = toHex(data).indexOf('5F 46 04 ');
      if (at >= 0) timers.push(toHex(data).slice(at + 9, at + 20));
      return write(endpoint, data);
    };
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(timers).toEqual(['3D D0 25 00']);
    vi.useFakeTimers();
    device.inject({ kind: 'drop-usb-reply' });
    let settled: string | null = null;
    void reader.transmit(SELECT_JPKI).then(
      () => (settled = 'answered'),
      (e: { code?: string }) => (settled = e.code ?? 'error'),
    );
    await vi.advanceTimersByTimeAsync(WAIT_MS + MARGIN_MS - 10);
    expect(settled).toBeNull();
    await vi.advanceTimersByTimeAsync(20);
    expect(settled).toBe('transport/timeout');
  });
});

/** Settles into `state.settled`: 'answered <hex>' or the error code. */
function track(promise: Promise<Uint8Array>): { settled: string | null } {
  const state: { settled: string | null } = { settled: null };
  void promise.then(
    (r) => (state.settled = `answered ${toHex(r)}`),
    (e: { code?: string }) => (state.settled = e.code ?? 'error'),
  );
  return state;
}

/** FWT + ΔFWT as the RC-S380's InCommRF carries it: 24782 × 0.1 ms. */
const RCS380_WAIT_MS = 2478.2;
/** FWT + ΔFWT as the RC-S300's Transparent Exchange timer carries it: 2478141 µs. */
const RCS300_WAIT_MS = 2478.141;

describe.each([
  { reader: 'RC-S380', waitMs: RCS380_WAIT_MS, open: async () => {
    const device = new FakeRcs380Device(new SimulatedCard(personalisation), FWI_13);
    const reader = await Rcs380Reader.open(device, { timeoutMs: MARGIN_MS, presenceCheckMs: 0 });
    return { device, reader, rfFrames: device.chip.rfFrames };
  } },
  { reader: 'RC-S300', waitMs: RCS300_WAIT_MS, open: async () => {
    const device = new FakeRcs300Device(new SimulatedCard(personalisation), FWI_13);
    const reader = await Rcs300Reader.open(device, { timeoutMs: MARGIN_MS, presenceCheckMs: 0 });
    return { device, reader, rfFrames: device.reader.rfFrames };
  } },
])('the FWI 13 card taking its time on the $reader emulator (emulator clock, fake timers)', ({ waitMs, open }) => {
  it('an answer 2.4 s late — within FWT — is waited for and taken, no frame sent again', async () => {
    const { device, reader, rfFrames } = await open();
    const frames = rfFrames.length;
    vi.useFakeTimers();
    device.inject({ kind: 'slow-card', ms: 2400 });
    const state = track(reader.transmit(SELECT_JPKI));
    await vi.advanceTimersByTimeAsync(2390);
    expect(state.settled).toBeNull();
    await vi.advanceTimersByTimeAsync(20);
    expect(state.settled).toBe('answered 90 00');
    expect(rfFrames.length - frames).toBe(1);
  });

  it('an answer later than FWT is given up on when FWT + ΔFWT runs out, not before; R(NAK) then fetches it again', async () => {
    const { device, reader, rfFrames } = await open();
    const frames = rfFrames.length;
    vi.useFakeTimers();
    device.inject({ kind: 'slow-card', ms: 3000 });
    const state = track(reader.transmit(SELECT_JPKI));
    await vi.advanceTimersByTimeAsync(waitMs - 5);
    expect([state.settled, rfFrames.length - frames]).toEqual([null, 1]);
    await vi.advanceTimersByTimeAsync(10);
    expect(state.settled).toBe('answered 90 00');
    // The I-block, then R(NAK) for block 0 (ISO/IEC 14443-4 §7.5.4 rule 4): the card sends its answer again.
    expect(rfFrames.slice(frames).map((f) => f[0])).toEqual([0x02, 0xb2]);
  });

  it('a card silent beyond FWT on every try: three waits of FWT + ΔFWT (the block and two retries), then the card counts as gone', async () => {
    const { device, reader } = await open();
    vi.useFakeTimers();
    for (let i = 0; i < 3; i++) device.inject({ kind: 'slow-card', ms: 60_000 });
    const state = track(reader.transmit(SELECT_JPKI));
    await vi.advanceTimersByTimeAsync(3 * waitMs - 5);
    expect(state.settled).toBeNull();
    await vi.advanceTimersByTimeAsync(10);
    expect(state.settled).toBe('transport/card-removed');
  });
});
