import { describe, expect, it } from 'vitest';
import type { Personalisation } from '../personalisation/Personalisation';
import { SimulatedCard } from './SimulatedCard';
import { AID, readAll, selectAp, selectEf, send, sw, verifyPin } from './test-support/cardHarness';
import { TEST_PINS, testPersonalisation } from './test-support/testPersonalisation';

const { personalisation } = await testPersonalisation();

/**
 * The access rules of docs/card-reference.md §6.1, §7.1, §8.1, §9.2–§9.3, written out by hand from the
 * spec's tables — deliberately NOT read from the simulator's layout, so the test can disagree
 * with it. `opens` lists the credentials that make the EF readable; `'free'` = no credential,
 * `[]` = none ever; `'key'` = an internal/key EF (READ → 6981).
 */
type Rule = 'free' | 'key' | readonly string[];
interface Ap {
  readonly aid: string;
  /** Credential name → [key EF, value]. */
  readonly credentials: Readonly<Record<string, readonly [number, string]>>;
  readonly files: Readonly<Record<number, Rule>>;
  /** Expected content of each transparent/record EF. */
  readonly content: (p: Personalisation) => Readonly<Record<number, Uint8Array>>;
  readonly records?: boolean;
}

const APS: Readonly<Record<string, Ap>> = {
  JPKI: {
    aid: AID.jpki,
    credentials: { auth: [0x0018, TEST_PINS.jpkiAuth], sign: [0x001b, TEST_PINS.jpkiSign!] },
    files: {
      0x0001: ['sign'], // §6.1: sign password required
      0x0002: 'free',
      0x0006: 'free',
      0x0008: 'free',
      0x0009: [], // §6.1: not readable with any holder credential
      0x000a: 'free',
      0x000b: 'free',
      0x0017: 'key',
      0x0018: 'key',
      0x001a: 'key',
      0x001b: 'key',
    },
    content: ({ jpki }) => ({
      0x0001: jpki.signCertificateEf!,
      0x0002: jpki.signCaCertificateEf,
      0x0006: jpki.tokenInfoEf,
      0x0008: jpki.certificateFlagsEf,
      0x000a: jpki.authCertificateEf,
      0x000b: jpki.authCaCertificateEf,
    }),
  },
  text: {
    aid: AID.text,
    credentials: { PIN: [0x0011, TEST_PINS.textPin], A: [0x0014, TEST_PINS.pinA], B: [0x0015, TEST_PINS.pinB] },
    files: {
      0x0001: ['PIN', 'A'], // §7.1: PIN or A (not B)
      0x0002: ['PIN', 'B'], // PIN or B (not A)
      0x0003: ['PIN', 'A', 'B'],
      0x0004: 'free',
      0x0005: 'free',
      0x0006: ['PIN', 'A', 'B'],
      0x0007: ['PIN', 'A', 'B'],
      0x0011: 'key',
      0x0012: 'key',
      0x0013: 'key',
      0x0014: 'key',
      0x0015: 'key',
    },
    content: ({ text }) => ({
      0x0001: text.myNumberEf,
      0x0002: text.basicFourEf,
      0x0003: text.integrityEf,
      0x0004: text.cvCertificateEf,
      0x0005: text.basicInfoEf,
      0x0006: text.sessionKeyPublicEf,
      0x0007: text.signedPublicKeyEf,
    }),
  },
  visual: {
    aid: AID.visual,
    credentials: { birth: [0x0011, TEST_PINS.birthKey], B: [0x0012, TEST_PINS.pinB], A: [0x0013, TEST_PINS.pinA] },
    files: {
      0x0001: ['birth'], // §8.1: birth-date key
      0x0002: ['A', 'B'], // "A reaches 0002 0003 0004 0005 0006, B the same set without 0005"
      0x0003: 'free',
      0x0004: 'free',
      0x0005: ['A'],
      0x0006: ['A', 'B'],
      0x0011: 'key',
      0x0012: 'key',
      0x0013: 'key',
      0x001a: 'key',
    },
    content: ({ visual }) => ({
      0x0001: visual.ageVerificationEf,
      0x0002: visual.cardFaceEf,
      0x0003: visual.basicDataEf,
      0x0004: visual.cvCertificateEf,
      0x0005: visual.myNumberImageEf,
      0x0006: visual.unknown0006Ef,
    }),
  },
  共通: {
    aid: AID.common,
    records: true,
    credentials: { PIN: [0x001c, TEST_PINS.commonPin] },
    files: { 0x0001: 'free', 0x0002: 'free', 0x0019: 'key', 0x001c: 'key' },
    content: ({ common }) => ({ 0x0001: common.cardInfoRecord, 0x0002: common.keyReferenceRecord }),
  },
  住基: {
    aid: AID.juki,
    records: true,
    credentials: { PIN: [0x001c, TEST_PINS.jukiPin] },
    files: { 0x0002: 'free', 0x001c: 'key' },
    content: ({ juki }) => ({ 0x0002: juki.keyReferenceRecord }),
  },
};

function read(card: SimulatedCard, ap: Ap, fid: number): { sw: string; data: Uint8Array } {
  selectEf(card, fid);
  if (ap.records) return send(card, '00 B2 01 04 00');
  const data = readAll(card);
  return { sw: data.length > 0 ? '9000' : sw(card, '00 B0 00 00 01'), data };
}

for (const [apName, ap] of Object.entries(APS)) {
  describe(`access rules of the ${apName} AP`, () => {
    const states = [['nothing', null] as const, ...Object.keys(ap.credentials).map((c) => [c, c] as const)];
    for (const [stateName, credential] of states) {
      it(`with ${stateName} verified, opens exactly what the spec lists`, () => {
        const card = new SimulatedCard(personalisation);
        selectAp(card, ap.aid);
        if (credential) {
          const [fid, value] = ap.credentials[credential]!;
          selectEf(card, fid);
          expect(verifyPin(card, value)).toBe('9000');
        }
        const content = ap.content(personalisation);
        for (const [fidText, rule] of Object.entries(ap.files)) {
          const fid = Number(fidText);
          const readable = rule === 'free' || (rule !== 'key' && credential !== null && rule.includes(credential));
          const expected = rule === 'key' ? '6981' : readable ? '9000' : '6982';
          const answer = read(card, ap, fid);
          expect({ ef: fid.toString(16), sw: answer.sw }).toEqual({ ef: fid.toString(16), sw: expected });
          if (readable) expect(answer.data).toEqual(content[fid]);
        }
      });
    }
  });
}

describe('security state is per DF session (docs/card-reference.md §5)', () => {
  it('PIN-A opens text 0001 and not 0002; PIN-B the reverse', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.text);
    selectEf(card, 0x0014);
    verifyPin(card, TEST_PINS.pinA);
    expect(sw(card, '00 B0 81 00 00')).toBe('9000');
    expect(sw(card, '00 B0 82 00 00')).toBe('6982');
    selectAp(card, AID.text);
    selectEf(card, 0x0015);
    verifyPin(card, TEST_PINS.pinB);
    expect(sw(card, '00 B0 81 00 00')).toBe('6982');
    expect(sw(card, '00 B0 82 00 00')).toBe('9000');
  });

  it('is lost when the same DF is selected again, when another DF is selected, and on reset', () => {
    const card = new SimulatedCard(personalisation);
    const verifyTextPin = () => {
      selectAp(card, AID.text);
      selectEf(card, 0x0011);
      expect(verifyPin(card, TEST_PINS.textPin)).toBe('9000');
      expect(sw(card, '00 B0 81 00 11')).toBe('9000');
    };
    verifyTextPin();
    selectAp(card, AID.text);
    expect(sw(card, '00 B0 81 00 11')).toBe('6982');
    verifyTextPin();
    selectAp(card, AID.jpki);
    selectAp(card, AID.text);
    expect(sw(card, '00 B0 81 00 11')).toBe('6982');
    verifyTextPin();
    card.reset();
    selectAp(card, AID.text);
    expect(sw(card, '00 B0 81 00 11')).toBe('6982');
    // Selecting by a prefix is a DF selection too.
    verifyTextPin();
    sw(card, '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08');
    expect(sw(card, '00 B0 81 00 11')).toBe('6982');
  });

  it('does not carry a verification from one AP into another, even for the same holder value', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.text);
    selectEf(card, 0x0014);
    verifyPin(card, TEST_PINS.pinA);
    selectAp(card, AID.visual);
    expect(sw(card, '00 B0 82 00 00')).toBe('6982');
    expect(sw(card, '00 B0 85 00 00')).toBe('6982');
  });

  it('reset returns to the power-on ISD state and keeps counters', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.jpki);
    selectEf(card, 0x0018);
    verifyPin(card, '0000');
    card.reset();
    expect(card.currentApplication).toBe('isd');
    expect(sw(card, '00 A4 00 00')).toBe('6A86');
    expect(sw(card, '00 B0 00 00 00')).toBe('6986');
    expect(card.triesLeft('jpkiAuth')).toBe(2);
  });

  it('text 0008 (access "?" in §7.1) is treated like its neighbours: PIN, A or B', () => {
    const card = new SimulatedCard(personalisation);
    selectAp(card, AID.text);
    expect(sw(card, '00 B0 88 00 00')).toBe('6982');
    selectEf(card, 0x0015);
    verifyPin(card, TEST_PINS.pinB);
    expect(send(card, '00 B0 88 00 00').data).toEqual(new Uint8Array(16).fill(0xff));
  });
});
