import { describe, expect, it } from 'vitest';
import { HOLDERS, HOLDER_IDS } from './holders';

/** The two fictional holders, checked against values worked out by hand from docs/card-reference.md §7.2, §10, §12. */
describe('the fictional holders', () => {
  it('are adult and child', () => {
    expect(HOLDER_IDS).toEqual(['adult', 'child']);
    for (const id of HOLDER_IDS) expect(HOLDERS[id].profile.id).toBe(id);
  });

  it('adult: 見本　花子, 昭和60年6月12日, 10-year card, both certificates', () => {
    const { profile, pins, issuance } = HOLDERS.adult;
    expect(profile).toEqual({
      id: 'adult',
      name: '見本\u3000花子',
      address: '東京都千代田区見本町一丁目２番３号',
      birthDate: '19850612',
      sex: '2',
      myNumber: '123456789018',
      cardExpiry: '20350612',
      securityCode: '4821',
      municipalityCode: '13101',
      underFifteen: false,
    });
    expect(pins).toEqual({
      jpkiAuth: '1234',
      jpkiSign: 'MYNA2026',
      textPin: '1234',
      pinA: '123456789018',
      pinB: '60061220354821',
      birthKey: '600612',
      commonPin: '1234',
      jukiPin: '1234',
    });
    expect(issuance.issuedOn).toBe('20250701');
  });

  it('child: 見本　太郎, 平成28年9月3日, 5-year card, no signature password', () => {
    const { profile, pins } = HOLDERS.child;
    expect(profile).toMatchObject({
      name: '見本\u3000太郎',
      birthDate: '20160903',
      sex: '1',
      myNumber: '987654321018',
      cardExpiry: '20290903',
      securityCode: '2748',
      underFifteen: true,
    });
    expect(pins).toMatchObject({ jpkiSign: null, pinA: '987654321018', pinB: '28090320292748', birthKey: '280903', jpkiAuth: '1234' });
  });

  it('have credentials in the §10 formats', () => {
    for (const { pins } of Object.values(HOLDERS)) {
      for (const pin of [pins.jpkiAuth, pins.textPin, pins.commonPin, pins.jukiPin]) expect(pin).toMatch(/^\d{4}$/);
      expect(pins.pinA).toMatch(/^\d{12}$/);
      expect(pins.pinB).toMatch(/^\d{14}$/);
      expect(pins.birthKey).toMatch(/^\d{6}$/);
      if (pins.jpkiSign !== null) expect(pins.jpkiSign).toMatch(/^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{6,16}$/);
    }
  });

  it('write names and addresses full-width, with U+3000 between family and given name', () => {
    for (const { profile } of Object.values(HOLDERS)) {
      expect(profile.name.split('\u3000')).toHaveLength(2);
      expect([...profile.address].every((c) => c.charCodeAt(0) > 0x7f)).toBe(true);
    }
  });
});
