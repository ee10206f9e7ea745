import { describe, expect, it } from 'vitest';
import { hex16 } from '../../../bytes';
import { SimulatedCard } from '../SimulatedCard';
import { AID, selectAp, send, sw } from '../test-support/cardHarness';
import { testPersonalisation } from '../test-support/testPersonalisation';
import { buildCardFileSystem } from './buildCardFileSystem';
import { ALWAYS, efTable, internal, transparent } from './efBuilders';

const { personalisation } = await testPersonalisation();

/** Every EF each spec table lists (docs/card-reference.md §6.1, §7.1, §8.1, §9.2, §9.3, §9.4), by hand. */
const SPEC_EFS: Readonly<Record<keyof typeof AID, readonly number[]>> = {
  jpki: [0x01, 0x02, 0x05, 0x06, 0x08, 0x09, 0x0a, 0x0b, 0x10, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1e],
  text: [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x1c, 0x1e],
  visual: [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x11, 0x12, 0x13, 0x1a, 0x1c, 0x1e],
  common: [0x01, 0x02, 0x19, 0x1c],
  juki: [0x02, 0x1c],
  isd: [0x1e],
};

describe('the card layout (docs/card-reference.md §6–§9)', () => {
  it.each(Object.entries(SPEC_EFS))('the %s DF holds exactly the EFs of its spec table among 0001–001E', (id, fids) => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID[id as keyof typeof AID]);
    for (let fid = 0x0001; fid <= 0x001e; fid++) {
      expect({ fid: hex16(fid), sw: sw(card, `00 A4 02 0C 02 ${hex16(fid)}`) }).toEqual({ fid: hex16(fid), sw: fids.includes(fid) ? '9000' : '6A82' });
    }
  });

  it('lists the applications in the order of the §9.1 inventory, all with 10-byte AIDs', () => {
    const fs = buildCardFileSystem(personalisation);
    expect(fs.applications.map((df) => df.id)).toEqual(['jpki', 'text', 'visual', 'common', 'juki']);
    for (const df of fs.applications) expect(df.aid.length).toBe(10);
  });

  it('copies every byte: changing the personalisation afterwards changes nothing on the card', () => {
    const p = structuredClone(personalisation);
    const card = new SimulatedCard(p);
    selectAp(card, AID.jpki);
    const before = send(card, '00 B0 8A 00 10').data;
    p.jpki.authCertificateEf.fill(0x77);
    expect(send(card, '00 B0 8A 00 10').data).toEqual(before);
  });

  it('builds a sized EF from data plus filler, and refuses data larger than the EF', () => {
    const ef = transparent(0x0009, 'x', Uint8Array.of(1, 2), ALWAYS, { size: 5, filler: 0xff });
    expect(Array.from(ef.bytes)).toEqual([1, 2, 0xff, 0xff, 0xff]);
    expect(ef.size).toBe(5);
    expect(() => transparent(0x0009, 'x', new Uint8Array(6), ALWAYS, { size: 5, filler: 0 })).toThrow(RangeError);
  });

  it('refuses two EFs with one FID in a table', () => {
    expect(() => efTable([internal(0x001e, 'a'), internal(0x001e, 'b')])).toThrow(/duplicate EF 001e/);
  });

  it('keeps JPKI EFs zero-filled and 券面 EFs FF-filled (docs/card-reference.md §3)', () => {
    const fs = buildCardFileSystem(personalisation);
    const fillersOf = (index: number) =>
      new Set([...fs.applications[index]!.efs.values()].flatMap((ef) => (ef.kind === 'transparent' ? [ef.filler] : [])));
    expect([...fillersOf(0)]).toEqual([0x00]);
    expect([...fillersOf(1)]).toEqual([0xff]);
    expect([...fillersOf(2)]).toEqual([0xff]);
  });
});

describe('the under-15 layout (docs/card-reference.md §12)', async () => {
  const child = await testPersonalisation({ underFifteen: true });
  it('keeps EF 0001 present but empty (zero-filled) and never readable', () => {
    const fs = buildCardFileSystem(child.personalisation);
    const ef = fs.applications[0]!.efs.get(0x0001);
    expect(ef?.kind).toBe('transparent');
    if (ef?.kind === 'transparent') expect(ef.bytes.every((b) => b === 0)).toBe(true);
    const card = new SimulatedCard(child.personalisation);
    expect(card.triesLeft('jpkiSign')).toBe(0);
  });
});
