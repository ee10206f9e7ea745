import { describe, expect, it } from 'vitest';
import { toHex } from '../../bytes';
import { loadPersonalisation } from '../../simulator';
import { EmulatedUsbHost } from '../../simulator/usb/EmulatedUsbHost';
import type { PlugOptions } from '../../simulator/usb/emulatorMessages';
import type { EngineFailure } from '../../protocol';
import { asciiHex, startEngine } from '../test-support/engineHarness';
import { ReaderAttempt } from './ReaderAttempt';
import { READER_REPORT_FORMAT, READER_REPORT_VERSION, buildReaderReport } from './readerReport';

/** Every emulated reader: the CCID personalities (RC-S300's CCID interface among them), the RC-S380, the RC-S300's vendor route. */
const READERS: readonly { name: string; plug: PlugOptions; unrestricted: boolean; ccid: boolean }[] = [
  { name: 'SCR3310-NTTCom', plug: { personality: 'scr3310' }, unrestricted: false, ccid: true },
  { name: 'ACR39U', plug: { personality: 'acr39u' }, unrestricted: true, ccid: true },
  { name: 'ACR1252U (extended APDU)', plug: { personality: 'extended-apdu' }, unrestricted: true, ccid: true },
  { name: 'short-APDU reader', plug: { personality: 'short-apdu' }, unrestricted: true, ccid: true },
  { name: 'TPDU reader, T=0-only card', plug: { personality: 't0' }, unrestricted: true, ccid: true },
  { name: 'QEMU (T=0-only reader), T=0 card', plug: { personality: 'qemu', card: 't0-only' }, unrestricted: true, ccid: true },
  { name: 'ACR39U, TA1 = 13 card (PPS)', plug: { personality: 'acr39u', card: 'my-number-ta1-13' }, unrestricted: true, ccid: true },
  { name: 'SCR3310-NTTCom, specific-mode card', plug: { personality: 'scr3310', card: 'my-number-specific' }, unrestricted: false, ccid: true },
  { name: 'two-slot reader', plug: { personality: 'two-slot' }, unrestricted: true, ccid: true },
  { name: 'RC-S300 CCID interface', plug: { personality: 'rcs300-ccid' }, unrestricted: true, ccid: true },
  { name: 'RC-S380', plug: { personality: 'rcs380' }, unrestricted: false, ccid: false },
  { name: 'RC-S300 vendor interface', plug: { personality: 'rcs300' }, unrestricted: false, ccid: false },
  { name: 'RC-S300 vendor interface after its CCID interface failed', plug: { personality: 'rcs300' }, unrestricted: true, ccid: false },
];

/** The parts of a report the tests read (the file is JSON, parsed as such). */
interface ParsedReport {
  readonly format: string;
  readonly version: number;
  readonly attempt: { readonly outcome: string; readonly error: unknown };
  readonly reader: Record<string, unknown>;
  readonly usb: {
    readonly device: Record<string, unknown>;
    readonly configurations: readonly { readonly interfaces: readonly unknown[] }[];
    readonly ccidClassDescriptor: { readonly raw: string; readonly decoded: { readonly maxMessageLength: number } };
  };
  readonly startUp: { readonly steps: readonly { n: number; call: string; atMs: number; out?: string }[]; readonly fallbacks: readonly unknown[] };
  readonly card: { readonly atr: string; readonly atqb: Record<string, unknown> };
  readonly negotiated: { readonly protocol?: string; readonly bitRates?: { readonly toCard: number } };
  readonly commandForms: { readonly mode: string; readonly fallback: { readonly command: string; readonly sw: string } | null } | null;
  readonly apdus: readonly { readonly command: string; readonly responseData: string | null; readonly error?: { readonly code: string } }[];
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: EngineFailure) => e.code);

/**
 * Byte strings the report must never hold: each PIN as the card compares it, the My Number in
 * digits and as ASCII, and a window from the start and the middle of every PIN-protected file of
 * the simulated card (docs/card-reference.md §6.1, §7.1, §8.1) — the simulator's known secrets —
 * and of the no-PIN files that date the holder or number the card.
 */
async function secretsOf(holder: 'adult') {
  const p = await loadPersonalisation(holder);
  const pins = [p.pins.jpkiAuth, p.pins.jpkiSign, p.pins.textPin, p.pins.pinA, p.pins.pinB, p.pins.birthKey, p.pins.commonPin, p.pins.jukiPin]
    .filter((pin): pin is string => pin !== null)
    .map((pin) => ({ what: `PIN ${pin}`, hex: asciiHex(pin) }));
  const protectedFiles: [string, Uint8Array | null][] = [
    ['text 0001 My Number', p.text.myNumberEf],
    ['text 0002 basic four', p.text.basicFourEf],
    ['text 0003 integrity record', p.text.integrityEf],
    ['text 0006 session key', p.text.sessionKeyPublicEf],
    ['text 0007 signed public key', p.text.signedPublicKeyEf],
    ['visual 0001 age record', p.visual.ageVerificationEf],
    ['visual 0002 card face', p.visual.cardFaceEf],
    ['visual 0005 My Number image', p.visual.myNumberImageEf],
    ['jpki 0001 signature certificate', p.jpki.signCertificateEf],
    // Readable with no PIN, but they name or date the holder (or number the card): withheld too.
    ['jpki 000A authentication certificate', p.jpki.authCertificateEf],
    ['common 0001 card info', p.common.cardInfoRecord],
  ];
  // Windows of real content (fillers such as FF FF … are on every card and prove nothing).
  const windows = protectedFiles.flatMap(([what, bytes]) => {
    if (!bytes) return [];
    const found: { what: string; hex: string }[] = [];
    for (let offset = 0; offset + 12 <= bytes.length && found.length < 4; offset += Math.max(12, Math.floor(bytes.length / 4))) {
      const window = bytes.subarray(offset, offset + 12);
      if (new Set(window).size >= 4) found.push({ what: `${what} at ${offset}`, hex: toHex(window) });
    }
    expect(found.length, what).toBeGreaterThan(0);
    return found;
  });
  return { myNumber: p.holder.myNumber, secrets: [...pins, { what: 'My Number (ASCII)', hex: asciiHex(p.holder.myNumber) }, ...windows] };
}

describe('the reader report (issue 15 §5)', () => {
  it.each(READERS)('$name: holds descriptors, ATR and start-up steps, and no PIN, My Number or PIN-protected answer', async ({ plug, unrestricted, ccid }) => {
    const usb = new EmulatedUsbHost();
    const { client, close } = startEngine(undefined, { usb });
    await usb.run({ action: 'plug', options: { ...plug, serialNumber: 'SN-REPORT-1' } });
    await usb.run({ action: 'grant', index: 0 });
    await usb.run({ action: 'set-unrestricted', unrestricted });
    const [reader] = await client.call('listReaders', { unrestricted });
    await client.call('connectReader', { readerId: reader!.id, unrestricted });
    await client.call('scan', {});
    // A PIN too, so the log holds a VERIFY and the answers it opened (the My Number among them).
    const opened = await client.call('verifyPin', { pinId: 'textPin', pin: (await loadPersonalisation('adult')).pins.textPin });
    expect(opened.opened.map((r) => r.key)).toContain('text/0001');

    const { text, fileName } = await client.call('readerReport', {});
    const report = JSON.parse(text) as ParsedReport;
    expect(fileName).toMatch(/^mynalens-reader-report-[0-9A-F]{4}-[0-9A-F]{4}\.json$/);
    expect(report).toMatchObject({ format: READER_REPORT_FORMAT, version: READER_REPORT_VERSION, attempt: { outcome: 'connected', error: null } });
    expect(report.reader).toMatchObject({ vendorId: reader!.vendorId, productId: reader!.productId, serialNumber: 'withheld' });
    expect(text).not.toContain('SN-REPORT-1');
    expect(report.usb.device).toMatchObject({ bcdUSB: '2.00' });
    expect(report.usb.configurations[0]!.interfaces.length).toBeGreaterThan(0);
    expect(report.startUp.steps.length).toBeGreaterThan(3);
    expect(report.startUp.steps[0]).toMatchObject({ n: 1, call: 'open' });
    expect(report.startUp.steps.every((s: { atMs: number }) => typeof s.atMs === 'number')).toBe(true);
    expect(report.startUp.steps.some((s: { out?: string }) => (s.out ?? '').length > 0)).toBe(true);
    expect(report.card.atr).toMatch(/^3B /);
    if (ccid) {
      expect(report.usb.ccidClassDescriptor.raw).toMatch(/^36 21 /);
      expect(report.usb.ccidClassDescriptor.decoded.maxMessageLength).toBeGreaterThan(0);
      expect(['T=0', 'T=1']).toContain(report.negotiated.protocol);
    } else {
      expect(report.card.atqb).toMatchObject({ pupi: '-- -- -- --' });
      expect(report.negotiated.bitRates?.toCard).toBeGreaterThan(0);
    }
    // The card took the short-EF-ID forms the scan uses (docs/card-reference.md §3).
    expect(report.commandForms).toEqual({ mode: 'short-ef-id', fallback: null });
    // A fallback the engine took is named with what failed.
    if (plug.personality === 'rcs300' && unrestricted) {
      expect(report.startUp.fallbacks[0]).toMatchObject({ from: 'the CCID interface (0)', to: 'the vendor interface (experimental)' });
    }
    // The exchange: every APDU, the VERIFY hidden, and the CA certificates' bytes whole.
    expect(report.apdus.length).toBeGreaterThan(20);
    expect(report.apdus.some((a: { command: string }) => /^00 20 00 [89][0-9A-F] \*\* PIN hidden \*\*$/.test(a.command))).toBe(true);
    expect(report.apdus.some((a: { responseData: string | null }) => (a.responseData ?? '').length > 600)).toBe(true);

    const { myNumber, secrets } = await secretsOf('adult');
    expect(text).not.toContain(myNumber);
    for (const secret of secrets) expect(text, secret.what).not.toContain(secret.hex);
    await close();
  });

  it('names the command a card refused when the engine fell back to SELECT-then-READ for it', () => {
    const fallback = { mode: 'select' as const, fallback: { command: '00 B0 81 00 00', sw: '6A86' } };
    const report = JSON.parse(buildReaderReport(new ReaderAttempt(), [], null, fallback)) as ParsedReport;
    expect(report.commandForms).toEqual(fallback);
  });

  it('is offered after a failed start-up too, saying where it failed', async () => {
    const usb = new EmulatedUsbHost();
    const { client, close } = startEngine(undefined, { usb });
    expect(await codeOf(client.call('readerReport', {}))).toBe('engine/no-reader-report');
    await usb.run({ action: 'plug', options: { personality: 'scr3310', noCard: true } });
    await usb.run({ action: 'grant', index: 0 });
    expect(await codeOf(client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false }))).toBe('usb/no-card');
    const report = JSON.parse((await client.call('readerReport', {})).text) as ParsedReport;
    expect(report.attempt).toMatchObject({ outcome: 'failed', error: { code: 'usb/no-card', when: 'start-up' } });
    expect(report.startUp.steps.some((s: { call: string }) => s.call === 'transferOut')).toBe(true);
    expect(report.usb.ccidClassDescriptor.raw).toMatch(/^36 21 /);
    // Clear everything clears the report with the rest.
    await client.call('clear', {});
    expect(await codeOf(client.call('readerReport', {}))).toBe('engine/no-reader-report');
    await close();
  });

  it('says why a connection was lost after start-up', async () => {
    const usb = new EmulatedUsbHost();
    const { client, close } = startEngine(undefined, { usb });
    await usb.run({ action: 'plug', options: { personality: 'scr3310' } });
    await usb.run({ action: 'grant', index: 0 });
    await client.call('connectReader', { readerId: '04E6:511A#0', unrestricted: false });
    await usb.run({ action: 'inject-after', xfrBlocks: 20, fault: { kind: 'unplug-during-command' } });
    expect(await codeOf(client.call('scan', {}))).toBe('transport/device-lost');
    const report = JSON.parse((await client.call('readerReport', {})).text) as ParsedReport;
    expect(report.attempt).toMatchObject({ outcome: 'lost', error: { code: 'transport/device-lost', when: 'after start-up' } });
    expect(report.apdus.at(-1)?.error?.code).toBe('transport/device-lost');
    await close();
  });
});
