import type { HolderProfile, PinValues } from './Personalisation';
import { birthDateKey, cardExpiryFor, isUnderFifteen, verificationCodeB } from './credentials';
import { withCheckDigit } from './myNumber';

/**
 * The two fictional holders the simulator can be issued for. Everything here is invented: the
 * family name 見本 means "sample", the town 見本町 does not exist, the My Numbers are the
 * ascending and descending digit runs completed with a valid check digit (docs/card-reference.md §7.2).
 */

/** The holders the simulator knows. */
export type HolderId = 'adult' | 'child';

/** Every holder id, in the order the UI lists them. */
export const HOLDER_IDS: readonly HolderId[] = ['adult', 'child'];

/** Issuance facts the card stores only indirectly (certificate DNs, the 共通カードAP record). */
export interface IssuanceFacts {
  /** Day of issuance, `YYYYMMDD`; the card and certificate expiries count birthdays from it. */
  readonly issuedOn: string;
  /** Prefecture in romaji, as in the signature certificate's first `L=` (docs/card-reference.md §12). */
  readonly prefectureRomaji: string;
  /** Municipality in romaji, the second `L=` (docs/card-reference.md §12, test card `Kiyose-shi`). */
  readonly municipalityRomaji: string;
  /** 15-digit card serial written in the 共通カードAP record (docs/card-reference.md §9.2). */
  readonly cardSerial: string;
}

/** One holder: what is printed on the card, the credentials set at issuance, and issuance facts. */
export interface HolderRecord {
  readonly profile: HolderProfile;
  readonly pins: PinValues;
  readonly issuance: IssuanceFacts;
}

interface HolderFacts {
  readonly id: HolderId;
  readonly name: string;
  readonly address: string;
  readonly birthDate: string;
  readonly sex: HolderProfile['sex'];
  readonly myNumberBase: string;
  readonly securityCode: string;
  readonly jpkiSign: string | null;
  readonly issuance: IssuanceFacts;
}

// Chiyoda-ku's real 全国地方公共団体コード; only the town inside it is invented.
const MUNICIPALITY_CODE = '13101';
const ADDRESS = '東京都千代田区見本町一丁目２番３号';
const ISSUED_ON = '20250701';
const FOUR_DIGIT_PIN = '1234';

/**
 * Derives the dependent values (check digit, expiry, 照合番号B, birth-date key, under-15 flag)
 * from the facts, so they follow docs/card-reference.md §7.2, §10 and §12 by construction.
 */
function issue(facts: HolderFacts): HolderRecord {
  const myNumber = withCheckDigit(facts.myNumberBase);
  const cardExpiry = cardExpiryFor(facts.birthDate, facts.issuance.issuedOn);
  const underFifteen = isUnderFifteen(facts.birthDate, facts.issuance.issuedOn);
  if (underFifteen !== (facts.jpkiSign === null)) {
    throw new Error(`${facts.id}: a sign password exists exactly when a signature certificate is issued`);
  }
  return {
    profile: {
      id: facts.id,
      name: facts.name,
      address: facts.address,
      birthDate: facts.birthDate,
      sex: facts.sex,
      myNumber,
      cardExpiry,
      securityCode: facts.securityCode,
      municipalityCode: MUNICIPALITY_CODE,
      underFifteen,
    },
    pins: {
      jpkiAuth: FOUR_DIGIT_PIN,
      jpkiSign: facts.jpkiSign,
      textPin: FOUR_DIGIT_PIN,
      pinA: myNumber,
      pinB: verificationCodeB(facts.birthDate, cardExpiry, facts.securityCode),
      birthKey: birthDateKey(facts.birthDate),
      commonPin: FOUR_DIGIT_PIN,
      jukiPin: FOUR_DIGIT_PIN,
    },
    issuance: facts.issuance,
  };
}

/** The fictional holders, keyed by id. */
export const HOLDERS: Readonly<Record<HolderId, HolderRecord>> = {
  // 昭和60年6月12日 生まれ, 40 at issuance: 10-year card, both JPKI certificates.
  adult: issue({
    id: 'adult',
    name: '見本\u3000花子',
    address: ADDRESS,
    birthDate: '19850612',
    sex: '2',
    myNumberBase: '12345678901',
    securityCode: '4821',
    jpkiSign: 'MYNA2026',
    issuance: { issuedOn: ISSUED_ON, prefectureRomaji: 'Tokyo-to', municipalityRomaji: 'Chiyoda-ku', cardSerial: '900000000000001' },
  }),
  // 平成28年9月3日 生まれ, 8 at issuance: 5-year card, no signature certificate.
  child: issue({
    id: 'child',
    name: '見本\u3000太郎',
    address: ADDRESS,
    birthDate: '20160903',
    sex: '1',
    myNumberBase: '98765432101',
    securityCode: '2748',
    jpkiSign: null,
    issuance: { issuedOn: ISSUED_ON, prefectureRomaji: 'Tokyo-to', municipalityRomaji: 'Chiyoda-ku', cardSerial: '900000000000002' },
  }),
};
