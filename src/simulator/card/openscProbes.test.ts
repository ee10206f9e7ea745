import { describe, expect, it } from 'vitest';
import { SimulatedCard } from './SimulatedCard';
import { send, sw } from './test-support/cardHarness';
import { testPersonalisation } from './test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();

/**
 * The 29 APDUs the drivers ahead of OpenSC's `jpki` send on every connect (docs/test-rigs.md §A.4),
 * copied from that list. Each must get an error status word — never an exception, never 9000.
 */
const PROBES: readonly (readonly [string, readonly string[]])[] = [
  ['00 A4 04 00 07 62 76 01 FF 00 00 00', ['6A82']],
  ['00 A4 04 00 06 A0 00 00 00 01 01', ['6A82']],
  ['00 A4 04 00 0B E8 2B 06 01 04 01 81 C3 1F 02 01 00', ['6A82']],
  ['00 A4 04 0C 0F D2 33 00 00 00 45 73 74 45 49 44 20 76 33 35', ['6A82']],
  ['00 CA DF 30 05', ['6A88', '6D00']],
  ['00 CB 3F FF 03 5C 01 7E 08', ['6A88', '6D00']],
  ['00 A4 04 00 09 A0 00 00 03 08 00 00 10 00 00', ['6A82']],
  ['00 A4 04 00 09 A0 00 00 03 08 00 00 10 00 00', ['6A82']],
  ['00 A4 04 0C 07 A0 00 00 01 16 DB 00 00', ['6A82']],
  ['00 A4 04 0C 07 A0 00 00 00 79 10 00 00', ['6A82']],
  ...Array.from({ length: 16 }, (_, x) => [`00 A4 04 0C 07 A0 00 00 00 79 01 0${x.toString(16).toUpperCase()} 00`, ['6A82']] as const),
  ['00 A4 04 00 0C F2 76 A2 88 BC FB A6 9D 34 F3 10 01', ['6A82']],
  ['00 A4 04 00 09 A0 00 00 03 97 42 54 46 59 00', ['6A82']],
  ['00 A4 04 00 06 D2 76 00 01 24 01 00', ['6A82']],
];

describe('the 29 OpenSC probe APDUs (docs/test-rigs.md §A.4)', () => {
  it('has all 29', () => {
    expect(PROBES.length).toBe(29);
  });

  it('answers every probe with the error the stub gave, leaving the card at power-on state', () => {
    const card = new SimulatedCard(personalisation);
    for (const [command, expected] of PROBES) {
      expect({ command, sw: sw(card, command) }).toEqual({ command, sw: expect.toBeOneOf([...expected]) });
    }
    expect(card.currentApplication).toBe('isd');
    // Then OpenSC binds jpki with the AID SELECT and lists the tries (docs/test-rigs.md §A.5).
    expect(send(card, '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01').hex).toBe('90 00');
    expect(sw(card, '00 A4 02 0C 02 00 18')).toBe('9000');
    expect(sw(card, '00 20 00 80')).toBe('63C3');
    expect(sw(card, '00 A4 02 0C 02 00 1B')).toBe('9000');
    expect(sw(card, '00 20 00 80')).toBe('63C5');
  });

  it('answers the same probes with errors while an application is selected', () => {
    const card = new SimulatedCard(personalisation);
    sw(card, '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    for (const [command] of PROBES) expect(sw(card, command)).toMatch(/^6[A-F]/);
  });
});
