import type { Personalisation } from '../../personalisation/Personalisation';
import { VISUAL_AID } from './aids';
import { ALWAYS, efTable, internal, pinKey, privateKey, transparent, verifiedAnyOf } from './efBuilders';
import type { DedicatedFile } from './types';

/** FIDs of the visual AP's EFs (docs/card-reference.md §8.1). */
const VISUAL_EF = {
  AGE_VERIFICATION: 0x0001,
  CARD_FACE: 0x0002,
  BASIC_DATA: 0x0003,
  CV_CERTIFICATE: 0x0004,
  MY_NUMBER_IMAGE: 0x0005,
  UNKNOWN_0006: 0x0006,
  BIRTH_KEY: 0x0011,
  PIN_B: 0x0012,
  PIN_A: 0x0013,
  AP_KEY: 0x001a,
} as const;

const FF_FILLED = { filler: 0xff };

/**
 * The 券面事項確認AP (docs/card-reference.md §8.1): the birth-date key opens 0001 only; "照合番号A reaches
 * 0002 0003 0004 0005 0006, and 照合番号B the same set without 0005" (0003/0004 are free anyway).
 */
export function buildVisualAp(p: Personalisation): DedicatedFile {
  const { visual, pins } = p;
  const { BIRTH_KEY, PIN_A, PIN_B } = VISUAL_EF;
  // §10: 照合番号A/B 10 tries (multi-weak); birth key 10 (one source).
  return {
    id: 'visual',
    label: '券面事項確認AP',
    aid: VISUAL_AID,
    defaultKey: VISUAL_EF.AP_KEY,
    // myna-card ap/surface.rs: SET SESSION KEY answers 66F1 here.
    sessionKey: 'environment-faulty',
    efs: efTable([
      transparent(VISUAL_EF.AGE_VERIFICATION, 'age verification record', visual.ageVerificationEf, verifiedAnyOf(BIRTH_KEY), FF_FILLED),
      transparent(VISUAL_EF.CARD_FACE, 'card face', visual.cardFaceEf, verifiedAnyOf(PIN_A, PIN_B), FF_FILLED),
      transparent(VISUAL_EF.BASIC_DATA, 'AP basic data', visual.basicDataEf, ALWAYS, FF_FILLED),
      transparent(VISUAL_EF.CV_CERTIFICATE, 'CV certificate', visual.cvCertificateEf, ALWAYS, FF_FILLED),
      transparent(VISUAL_EF.MY_NUMBER_IMAGE, '個人番号 image', visual.myNumberImageEf, verifiedAnyOf(PIN_A), FF_FILLED),
      transparent(VISUAL_EF.UNKNOWN_0006, 'unknown 0006', visual.unknown0006Ef, verifiedAnyOf(PIN_A, PIN_B), FF_FILLED),
      pinKey(BIRTH_KEY, '生年月日', {
        pin: 'visualBirth',
        value: pins.birthKey,
        maxTries: 10,
        format: { minLength: 6, maxLength: 6, characters: 'digits' },
        change: 'none',
      }),
      pinKey(PIN_B, '照合番号B', {
        pin: 'visualPinB',
        value: pins.pinB,
        maxTries: 10,
        format: { minLength: 14, maxLength: 14, characters: 'digits' },
        change: 'none',
      }),
      pinKey(PIN_A, '照合番号A', {
        pin: 'visualPinA',
        value: pins.pinA,
        maxTries: 10,
        format: { minLength: 12, maxLength: 12, characters: 'digits' },
        change: 'none',
      }),
      privateKey(VISUAL_EF.AP_KEY, 'AP signing key', visual.apKey, ALWAYS, 'compute-signature'),
      // §8.1 001C, 001E: unknown, modelled as internal EFs.
      internal(0x001c, 'unknown 001C'),
      internal(0x001e, 'unknown 001E'),
    ]),
  };
}
