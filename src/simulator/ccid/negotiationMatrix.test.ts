import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { CcidReader } from '../../usb/ccid/CcidReader';
import { settlesWithin } from '../../testing/fakeTime';
import { SimulatedCard } from '../card/SimulatedCard';
import { testPersonalisation } from '../card/test-support/testPersonalisation';
import { FakeCcidDevice, type FakeCcidDeviceOptions } from '../FakeCcidDevice';
import { CONTACT_CARDS, type FakeContactCard } from './cardPersonalities';
import { PERSONALITIES, type FakeCcidPersonality } from './personalities';

/**
 * Every reader personality × every contact card personality (issue 15 §1, §2): the driver either
 * negotiates a protocol both sides speak and reads the card, or refuses at once with
 * `usb/card-protocol-unsupported` — never sends blocks of a protocol the reader does not list.
 */
const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_AUTH_CERT = fromHex('00 A4 02 0C 02 00 0A');
const EXPECTED_FIRST_255 = toHex(personalisation.jpki.authCertificateEf.slice(0, 255));

function device(options: FakeCcidDeviceOptions): FakeCcidDevice {
  return new FakeCcidDevice(new SimulatedCard(personalisation), options);
}

/** The card protocols each contact card offers (its ATR), and the reader's dwProtocols. */
const CARD_PROTOCOLS: Record<FakeContactCard, readonly number[]> = {
  'my-number': [1],
  'my-number-c5': [1],
  'my-number-ta1-13': [1],
  'my-number-specific': [1],
  't0-only': [0],
};

function expectedOutcome(reader: FakeCcidPersonality, card: FakeContactCard): 'T=0' | 'T=1' | 'refused' {
  const personality = PERSONALITIES[reader];
  if (personality.atr) return 'T=1'; // a contactless reader's own ATR: the card's contact ATR never shows
  const common = CARD_PROTOCOLS[card].filter((t) => (personality.protocols & (1 << t)) !== 0);
  if (common.length === 0) return 'refused';
  return common[0] === 0 ? 'T=0' : 'T=1';
}

const READERS = Object.keys(PERSONALITIES) as FakeCcidPersonality[];

describe.each(READERS)('reader %s', (readerName) => {
  it.each(CONTACT_CARDS)('with card %s', async (card) => {
    const fake = device({ personality: readerName, card });
    const outcome = expectedOutcome(readerName, card);
    const opening = CcidReader.open(fake, { timeoutMs: 500 });
    if (outcome === 'refused') {
      await expect(opening).rejects.toMatchObject({ code: 'usb/card-protocol-unsupported' });
      expect(fake.xfrPayloads).toEqual([]);
      return;
    }
    const reader = await opening;
    expect(reader.report().protocol).toBe(outcome);
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(toHex(await reader.transmit(SELECT_AUTH_CERT))).toBe('90 00');
    const chunk = await reader.transmit(fromHex('00 B0 00 00 FF'));
    expect(toHex(chunk.slice(0, -2))).toBe(EXPECTED_FIRST_255);
    await reader.close();
  });
});

describe('negotiation against the emulator', () => {
  it('sends PPS FF 11 13 FD to the TA1 13 card when the reader leaves PPS to the host, then SetParameters with Fi/Di 13', async () => {
    // SCR3310-NTTCom's descriptor without automatic PPS and parameters: dwFeatures 0x00010038.
    const fake = device({ personality: 'scr3310', card: 'my-number-ta1-13', features: 0x00010038 });
    const reader = await CcidReader.open(fake, { timeoutMs: 500 });
    expect(fake.ppsRequests.map((request) => toHex(request))).toEqual(['FF 11 13 FD']);
    expect(reader.report().negotiation.fiDi).toBe(0x13);
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });

  it('sends no PPS to the card in specific mode (TA2 81) and reads it in T=1', async () => {
    const fake = device({ personality: 'scr3310', card: 'my-number-specific', features: 0x00010038 });
    const reader = await CcidReader.open(fake, { timeoutMs: 500 });
    expect(fake.ppsRequests).toEqual([]);
    expect(reader.report().negotiation.specificMode).toBe(true);
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });

  it('walks bPowerSelect 5 V, 3 V on the ACR39U (no automatic voltage) until the card answers', async () => {
    const fake = device({ personality: 'acr39u', cardVoltages: ['3V'] });
    const reader = await CcidReader.open(fake, { timeoutMs: 500 });
    expect(fake.powerSelects).toEqual([1, 2]);
    expect(reader.report().negotiation.voltage).toBe('3V');
    await reader.close();
  });

  it('powers on with "automatic" where the reader picks the voltage (SCR3310-NTTCom, 0x08)', async () => {
    const fake = device({ personality: 'scr3310' });
    const reader = await CcidReader.open(fake, { timeoutMs: 500 });
    expect(fake.powerSelects).toEqual([0]);
    await reader.close();
  });

  it('on QEMU with a T=1 card sends no XfrBlock at all (it would reach the card as a garbage APDU)', async () => {
    const fake = device({ personality: 'qemu' });
    await expect(CcidReader.open(fake, { timeoutMs: 500 })).rejects.toMatchObject({ code: 'usb/card-protocol-unsupported' });
    expect(fake.received).not.toContain(0x6f);
  });

  it("reads a T=0 card through QEMU's reader despite its stale bChainParameter and dwLength-0 Parameters replies", async () => {
    // Without 0x40 so SetParameters (and QEMU's dwLength 0 reply) happens: dwFeatures 0x000104BE.
    const fake = device({ personality: 'qemu', card: 't0-only', features: 0x000104be });
    const reader = await CcidReader.open(fake, { timeoutMs: 500 });
    expect(fake.received.slice(0, 2)).toEqual([0x62, 0x61]);
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    expect(toHex(await reader.transmit(SELECT_JPKI))).toBe('90 00');
    await reader.close();
  });
});

describe('T=1 over the emulator: faults', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('XFR_PARITY_ERROR is answered with R(EDC error) and the card sends its block again', async () => {
    const fake = device({ personality: 'scr3310' });
    const reader = await CcidReader.open(fake, { timeoutMs: 500 });
    await reader.transmit(SELECT_JPKI);
    fake.inject({ kind: 'parity-error' });
    expect(toHex(await reader.transmit(SELECT_AUTH_CERT))).toBe('90 00');
    // The block after the parity error is an R-block with the EDC bit: NAD 00, PCB 8x | 01, LEN 00.
    const rBlock = fake.xfrPayloads.find((p) => p.length === 4 && (p[1]! & 0xef) === 0x81);
    expect(rBlock).toBeDefined();
    await reader.close();
  });

  it('a card that only ever asks for more time (S(WTX)) ends at the APDU deadline, not block by block', async () => {
    const fake = device({ personality: 'scr3310', replyDelayMs: 10 });
    const reader = await CcidReader.open(fake, { timeoutMs: 200, apduBudgetMs: 100, commandDeadlineMs: 300 });
    await reader.transmit(SELECT_JPKI);
    fake.inject({ kind: 'endless-wtx' });
    vi.useFakeTimers();
    await expect(settlesWithin(2000, reader.transmit(SELECT_AUTH_CERT))).rejects.toMatchObject({ code: 'transport/timeout' });
  });

  it('a reader that never takes a bulk-OUT transfer ends the APDU instead of hanging', async () => {
    const fake = device({ personality: 'scr3310' });
    const reader = await CcidReader.open(fake, { timeoutMs: 200 });
    fake.inject({ kind: 'stuck-bulk-out' });
    vi.useFakeTimers();
    await expect(settlesWithin(3000, reader.transmit(SELECT_JPKI))).rejects.toMatchObject({ code: 'transport/timeout' });
  });

  it('close() ends within its bound when the reader takes no more transfers', async () => {
    const fake = device({ personality: 'scr3310' });
    const reader = await CcidReader.open(fake, { timeoutMs: 200 });
    fake.inject({ kind: 'stuck-bulk-out' });
    vi.useFakeTimers();
    await settlesWithin(5000, reader.close());
  });
});
