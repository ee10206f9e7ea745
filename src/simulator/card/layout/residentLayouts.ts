import type { Personalisation } from '../../personalisation/Personalisation';
import { COMMON_AID, ISD_AID, JUKI_AID } from './aids';
import { ALWAYS, efTable, internal, pinKey, privateKey, records } from './efBuilders';
import { FOUR_DIGITS } from './pins';
import type { DedicatedFile } from './types';

/** FIDs of the 共通カードAP / 住基AP EFs (docs/card-reference.md §9.2–§9.3). */
const RESIDENT_EF = {
  CARD_INFO: 0x0001,
  KEY_REFERENCE: 0x0002,
  INTERNAL_AUTH_KEY: 0x0019,
  PIN: 0x001c,
} as const;

/**
 * The 共通カードAP (docs/card-reference.md §9.2): two free record EFs, the INTERNAL AUTHENTICATE key
 * 0019 (no credential) and the 4-digit PIN 001C (3 tries "assumed same as 住基"), changed with
 * CHANGE KEY.
 */
export function buildCommonAp(p: Personalisation): DedicatedFile {
  return {
    id: 'common',
    label: '共通カードAP',
    aid: COMMON_AID,
    defaultKey: null,
    // myna-card ap/common.rs: SET SESSION KEY answers 66F1 here.
    sessionKey: 'environment-faulty',
    efs: efTable([
      records(RESIDENT_EF.CARD_INFO, 'card info', [p.common.cardInfoRecord], ALWAYS),
      records(RESIDENT_EF.KEY_REFERENCE, 'key reference', [p.common.keyReferenceRecord], ALWAYS),
      privateKey(RESIDENT_EF.INTERNAL_AUTH_KEY, 'INTERNAL AUTHENTICATE key', p.common.internalAuthKey, ALWAYS, 'internal-authenticate'),
      pinKey(RESIDENT_EF.PIN, '本人確認業務用暗証番号', { pin: 'commonPin', value: p.pins.commonPin, maxTries: 3, format: FOUR_DIGITS, change: 'change-key' }),
    ]),
  };
}

/** The 住基AP (docs/card-reference.md §9.3): record EF 0002 and the 4-digit PIN 001C (3 tries, CHANGE KEY). */
export function buildJukiAp(p: Personalisation): DedicatedFile {
  return {
    id: 'juki',
    label: '住基AP',
    aid: JUKI_AID,
    defaultKey: null,
    // myna-card ap/text.rs table: SET SESSION KEY answers 6982 in the 住基AP.
    sessionKey: 'security-not-satisfied',
    efs: efTable([
      records(RESIDENT_EF.KEY_REFERENCE, 'key reference', [p.juki.keyReferenceRecord], ALWAYS),
      pinKey(RESIDENT_EF.PIN, '住民基本台帳用暗証番号', { pin: 'jukiPin', value: p.pins.jukiPin, maxTries: 3, format: FOUR_DIGITS, change: 'change-key' }),
    ]),
  };
}

/**
 * The GlobalPlatform ISD the card powers up in (docs/card-reference.md §2 SELECT MF, §9.4): no readable
 * EF; 001E is selectable but internal (READ → 6981). SET SESSION KEY there is not in the
 * sources; with no security environment it answers 66F1 like the APs that have none.
 */
export function buildIsd(): DedicatedFile {
  return {
    id: 'isd',
    label: 'Issuer Security Domain',
    aid: ISD_AID,
    defaultKey: null,
    sessionKey: 'environment-faulty',
    efs: efTable([internal(0x001e, 'internal 001E')]),
  };
}
