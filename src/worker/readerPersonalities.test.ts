import { describe, expect, it } from 'vitest';
import { toHex } from '../bytes';
import { CONTACT_PERSONALITIES, CONTACTLESS_PERSONALITIES, type CardPersonalityId } from '../simulator';
import type { FakeCcidPersonality } from '../simulator/FakeCcidDevice';
import { EmulatedUsbHost } from '../simulator/usb/EmulatedUsbHost';
import type { PlugOptions } from '../simulator/usb/emulatorMessages';
import type { KnownCardKey, ReaderCheckView } from '../protocol';
import { startEngine } from './test-support/engineHarness';

/**
 * Issue 15 §1: every card personality through the reader emulators and the engine — a scan each,
 * the reader check naming the card from the known-ATR list — and a card whose ATR or ATQB is on no
 * list still tried and scanned (the JPKI AID decides, as OpenSC does).
 */

async function scanThrough(options: PlugOptions, unrestricted = false) {
  const usb = new EmulatedUsbHost();
  const h = startEngine(undefined, { usb });
  try {
    await usb.run({ action: 'set-unrestricted', unrestricted });
    await usb.run({ action: 'plug', options: { ...options, granted: true } });
    const [reader] = await h.client.call('listReaders', { unrestricted });
    const info = await h.client.call('connectReader', { readerId: reader!.id, unrestricted });
    const { rows } = await h.client.call('scan', {});
    const check = await h.client.call('readerCheck', {});
    return { info, jpkiAuthCertificate: rows.find((r) => r.key === 'jpki/000A')?.status, knownCard: knownCardOf(check) };
  } finally {
    await h.close();
  }
}

function knownCardOf(check: ReaderCheckView): KnownCardKey | 'unknown' | undefined {
  const facts = check.kind === 'ccid' ? check.atrFacts : check.kind === 'contactless' ? check.cardFacts : [];
  const known = facts.find((f) => f.key === 'knownCard');
  return known?.key === 'knownCard' ? (known.card ?? 'unknown') : undefined;
}

/** One CCID reader per contact card, so each card scans once and every T=1 reader personality holds one. */
const CONTACT_READERS: Readonly<Record<string, FakeCcidPersonality>> = {
  'my-number': 'short-apdu',
  'my-number-c5': 'extended-apdu',
  'my-number-ta1-13': 'scr3310',
  'my-number-specific': 'acr39u',
};

describe('contact personalities through the CCID emulator', () => {
  it.each(CONTACT_PERSONALITIES.map((p) => [p.id, CONTACT_READERS[p.id]!, toHex(p.atr)] as const))(
    '%s in the %s reads the certificate; the reader check names it',
    async (card, personality, atr) => {
      const result = await scanThrough({ personality, card: card as CardPersonalityId }, true);
      expect(result.info.atr).toBe(atr);
      expect(result.jpkiAuthCertificate).toBe('read');
      expect(result.knownCard).toMatch(/^(jukicard-contact|contact-)/);
    },
  );

  it("the two-slot reader holds the TA1 = 13 card too (a card in slot 1 is negotiated like one in slot 0)", async () => {
    const result = await scanThrough({ personality: 'two-slot', card: 'my-number-ta1-13' }, true);
    expect(result).toMatchObject({ jpkiAuthCertificate: 'read', knownCard: 'contact-ta1-13' });
  });
});

describe('contactless personalities through the RC-S380, the RC-S300 vendor route and the RC-S300 CCID interface', () => {
  const cases = CONTACTLESS_PERSONALITIES.flatMap((p) =>
    (['rcs380', 'rcs300', 'rcs300-ccid'] as const).map((reader) => [p.id, reader, toHex(p.atr)] as const),
  );
  it.each(cases)('%s on the %s: its listed ATR, a scan, the known card named', async (card, reader, atr) => {
    const result = await scanThrough({ personality: reader, card }, reader === 'rcs300-ccid');
    expect(result.info.atr).toBe(atr);
    expect(result.jpkiAuthCertificate).toBe('read');
    expect(result.knownCard).toBe('contactless');
  });
});

describe('a card on no list is tried all the same', () => {
  it('a T=0 card with the unknown ATR 3B 60 00 00 scans; the check says it is not in the list', async () => {
    const result = await scanThrough({ personality: 't0', card: 't0-only' }, true);
    expect(result.info.atr).toBe('3B 60 00 00');
    expect(result).toMatchObject({ jpkiAuthCertificate: 'read', knownCard: 'unknown' });
  });

  it('a Type B card whose ATQB no list has scans through the RC-S380', async () => {
    const result = await scanThrough({ personality: 'rcs380', atqb: { applicationData: [0x12, 0x34, 0x56, 0x78], protocolInfo: [0xb3, 0x81, 0xa1] } });
    expect(result.info.atr).toBe('3B 88 80 01 12 34 56 78 B3 81 A1 00 92');
    expect(result).toMatchObject({ jpkiAuthCertificate: 'read', knownCard: 'unknown' });
  });
});
