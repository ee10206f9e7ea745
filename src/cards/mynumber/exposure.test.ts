import { describe, expect, it } from 'vitest';
import { DECODERS } from './decoders';
import { EXPOSURE, exposureOf, findExposure, openedBy } from './exposure';
import { PINS, PIN_IDS, type PinId } from './pin';

/**
 * The access rules of docs/card-reference.md §6.1, §7.1, §8.1 and §9.2–§9.4, typed in again by hand
 * from the reference (not from exposure.ts): `free`, `never`, `unknown`, or the exact set of
 * credentials that open the file.
 */
const SPEC_RULES: readonly (readonly [string, number, 'free' | 'never' | 'unknown' | readonly PinId[]])[] = [
  ['jpki', 0x0001, ['jpkiSign']],
  ['jpki', 0x0002, 'free'],
  ['jpki', 0x0005, 'unknown'],
  ['jpki', 0x0006, 'free'],
  ['jpki', 0x0008, 'free'],
  ['jpki', 0x0009, 'never'],
  ['jpki', 0x000a, 'free'],
  ['jpki', 0x000b, 'free'],
  ['text', 0x0001, ['textPin', 'textPinA']],
  ['text', 0x0002, ['textPin', 'textPinB']],
  ['text', 0x0003, ['textPin', 'textPinA', 'textPinB']],
  ['text', 0x0004, 'free'],
  ['text', 0x0005, 'free'],
  ['text', 0x0006, ['textPin', 'textPinA', 'textPinB']],
  ['text', 0x0007, ['textPin', 'textPinA', 'textPinB']],
  ['text', 0x0008, 'unknown'],
  ['visual', 0x0001, ['visualBirth']],
  ['visual', 0x0002, ['visualPinA', 'visualPinB']],
  ['visual', 0x0003, 'free'],
  ['visual', 0x0004, 'free'],
  ['visual', 0x0005, ['visualPinA']],
  ['visual', 0x0006, ['visualPinA', 'visualPinB']],
  ['common', 0x0001, 'free'],
  ['common', 0x0002, 'free'],
  ['juki', 0x0002, 'unknown'],
  ...[0x0042, 0x0045, 0x0066, 0x00f0, 0x00f2, 0x00f7, 0x00f8, 0x7f21, 0x5f51].map((tag) => ['cardLevel', tag, 'free'] as const),
];

/** Key and PIN EFs the card uses itself (§6.1, §7.1, §8.1, §9.2, §9.3). */
const INTERNAL: readonly [string, number][] = [
  ['jpki', 0x0017], ['jpki', 0x0018], ['jpki', 0x001a], ['jpki', 0x001b],
  ['text', 0x0011], ['text', 0x0012], ['text', 0x0013], ['text', 0x0014], ['text', 0x0015],
  ['visual', 0x0011], ['visual', 0x0012], ['visual', 0x0013], ['visual', 0x001a],
  ['common', 0x0019], ['common', 0x001c], ['juki', 0x001c],
];

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

describe('exposure table against the card reference access rules', () => {
  it.each(SPEC_RULES.map(([applet, fid, rule]) => [applet, hex(fid), fid, rule] as const))('%s %s', (applet, _label, fid, rule) => {
    const entry = exposureOf(applet as never, fid);
    if (typeof rule === 'string') {
      expect(entry.access.kind).toBe(rule);
    } else {
      expect(entry.access.kind).toBe('pin');
      expect([...openedBy(entry)].sort()).toEqual([...rule].sort());
    }
  });

  it('spells out the rules people ask about (§7.1, §8.1, §6.1)', () => {
    const opens = (applet: string, fid: number, pin: PinId) => openedBy(exposureOf(applet as never, fid)).includes(pin);
    expect(opens('text', 0x0001, 'textPinA')).toBe(true);
    expect(opens('text', 0x0001, 'textPinB')).toBe(false);
    expect(opens('text', 0x0002, 'textPinB')).toBe(true);
    expect(opens('text', 0x0002, 'textPinA')).toBe(false);
    expect(opens('visual', 0x0005, 'visualPinA')).toBe(true);
    expect(opens('visual', 0x0005, 'visualPinB')).toBe(false);
    expect(opens('jpki', 0x0001, 'jpkiSign')).toBe(true);
    expect(opens('jpki', 0x0001, 'jpkiAuth')).toBe(false);
  });

  it.each(INTERNAL.map(([applet, fid]) => [applet, hex(fid), fid] as const))('%s %s is internal and never read', (applet, _label, fid) => {
    expect(exposureOf(applet as never, fid)).toMatchObject({ access: { kind: 'internal' }, layout: { kind: 'none' }, decoder: null });
  });

  it('marks exactly text 0001 and visual 0005 as holding the My Number (§17)', () => {
    const flagged = EXPOSURE.filter((e) => e.containsMyNumber).map((e) => `${e.applet} ${hex(e.fileId)}`);
    expect(flagged).toEqual(['text 0001', 'visual 0005']);
    for (const entry of EXPOSURE) expect(entry.reveals.includes('myNumber')).toBe(entry.containsMyNumber);
  });

  it('has one row per file, every key EF of §10 among them, and a decoder for every readable known file', () => {
    const keys = EXPOSURE.map((e) => `${e.applet} ${hex(e.fileId)}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const id of PIN_IDS) expect(findExposure(PINS[id].applet, PINS[id].keyEf)?.access.kind).toBe('internal');
    for (const entry of EXPOSURE) {
      if (entry.decoder !== null) expect(DECODERS[entry.decoder]).toBeTypeOf('function');
      if (entry.layout.kind === 'none') expect(entry.decoder).toBeNull();
      if (entry.access.kind === 'pin') for (const pin of entry.access.anyOf) expect(PINS[pin].applet).toBe(entry.applet);
    }
  });

  it('reads each card-format TLV file by a header of tag + 82 HH LL (§3, §11)', () => {
    expect(exposureOf('jpki', 0x000a).layout).toEqual({ kind: 'tlv', tag: 0x30, headerBytes: 4, filler: 0x00 });
    expect(exposureOf('visual', 0x0002).layout).toEqual({ kind: 'tlv', tag: 0xff20, headerBytes: 5, filler: 0xff });
    expect(exposureOf('text', 0x0001).layout).toEqual({ kind: 'fixed', size: 17 });
    expect(exposureOf('common', 0x0001).layout).toEqual({ kind: 'record', record: 1, size: 30 });
    expect(exposureOf('cardLevel', 0x00f8).layout).toEqual({ kind: 'data-object', large: true });
  });
});
