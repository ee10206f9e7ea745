import type { Personalisation } from '../../personalisation/Personalisation';
import { TEXT_AID } from './aids';
import { ALWAYS, efTable, internal, pinKey, privateKey, transparent, verifiedAnyOf } from './efBuilders';
import { FOUR_DIGITS } from './pins';
import type { DedicatedFile } from './types';

/** FIDs of the text AP's EFs (docs/card-reference.md §7.1). */
const TEXT_EF = {
  MY_NUMBER: 0x0001,
  BASIC_FOUR: 0x0002,
  INTEGRITY: 0x0003,
  CV_CERTIFICATE: 0x0004,
  BASIC_INFO: 0x0005,
  SESSION_KEY_PUBLIC: 0x0006,
  SIGNED_PUBLIC_KEY: 0x0007,
  UNKNOWN_0008: 0x0008,
  PIN: 0x0011,
  BLOCKED_0012: 0x0012,
  AP_KEY: 0x0013,
  PIN_A: 0x0014,
  PIN_B: 0x0015,
} as const;

// §3 / §11: 券面 AP files are FF-filled after the TLV.
const FF_FILLED = { filler: 0xff };

/**
 * The 券面事項入力補助AP (docs/card-reference.md §7.1): "PIN" = 0011, "A" = 0014, "B" = 0015.
 * A opens 0001 but not 0002, B opens 0002 but not 0001, the PIN opens both.
 */
export function buildTextAp(p: Personalisation): DedicatedFile {
  const { text, pins } = p;
  const { PIN, PIN_A, PIN_B } = TEXT_EF;
  const pinOrAOrB = verifiedAnyOf(PIN, PIN_A, PIN_B);
  return {
    id: 'text',
    label: '券面事項入力補助AP',
    aid: TEXT_AID,
    defaultKey: TEXT_EF.AP_KEY,
    sessionKey: 'text',
    efs: efTable([
      transparent(TEXT_EF.MY_NUMBER, '個人番号', text.myNumberEf, verifiedAnyOf(PIN, PIN_A), FF_FILLED),
      transparent(TEXT_EF.BASIC_FOUR, '基本4情報', text.basicFourEf, verifiedAnyOf(PIN, PIN_B), FF_FILLED),
      transparent(TEXT_EF.INTEGRITY, 'integrity record', text.integrityEf, pinOrAOrB, FF_FILLED),
      transparent(TEXT_EF.CV_CERTIFICATE, 'CV certificate', text.cvCertificateEf, ALWAYS, FF_FILLED),
      transparent(TEXT_EF.BASIC_INFO, 'AP basic info', text.basicInfoEf, ALWAYS, FF_FILLED),
      transparent(TEXT_EF.SESSION_KEY_PUBLIC, 'session-key public key', text.sessionKeyPublicEf, pinOrAOrB, FF_FILLED),
      transparent(TEXT_EF.SIGNED_PUBLIC_KEY, 'signed public key', text.signedPublicKeyEf, pinOrAOrB, FF_FILLED),
      // §7.1 0008: 16 × FF, access "?". Guarded like its neighbours 0003/0006/0007 (PIN, A or B):
      // the content carries nothing, so the choice only affects which status word a probe sees.
      transparent(TEXT_EF.UNKNOWN_0008, 'unknown 0008', text.unknown0008Ef, pinOrAOrB, FF_FILLED),
      // §7.1 0010, 001C, 001E: unknown, modelled as internal EFs.
      internal(0x0010, 'unknown 0010'),
      pinKey(PIN, '券面事項入力補助用暗証番号', { pin: 'textPin', value: pins.textPin, maxTries: 3, format: FOUR_DIGITS, change: 'reference-data' }),
      // §7.1 0012: blocked from issuance (empty VERIFY → 63C0, VERIFY → 6984). Its maximum is not
      // known and never observable; 3 is recorded so the counter has a ceiling.
      pinKey(TEXT_EF.BLOCKED_0012, 'blocked key 0012', {
        pin: 'textBlocked',
        value: null,
        maxTries: 3,
        format: FOUR_DIGITS,
        change: 'none',
      }),
      privateKey(TEXT_EF.AP_KEY, 'AP signing key', text.apKey, ALWAYS, 'compute-signature'),
      // §10: text 0014's maximum is unknown, "probably 10" like the visual AP's 照合番号A.
      pinKey(PIN_A, '照合番号A', {
        pin: 'textPinA',
        value: pins.pinA,
        maxTries: 10,
        format: { minLength: 12, maxLength: 12, characters: 'digits' },
        change: 'none',
      }),
      pinKey(PIN_B, '照合番号B', {
        pin: 'textPinB',
        value: pins.pinB,
        maxTries: 10,
        format: { minLength: 14, maxLength: 14, characters: 'digits' },
        change: 'none',
      }),
      internal(0x001c, 'unknown 001C'),
      internal(0x001e, 'unknown 001E'),
    ]),
  };
}
