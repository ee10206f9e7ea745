import { fromHex } from '../../../bytes';

/** JPKI AP, 公的個人認証AP (docs/card-reference.md §0, §6, §9.1). */
export const JPKI_AID = fromHex('D3 92 F0 00 26 01 00 00 00 01');
/** 券面事項入力補助AP, the text AP (docs/card-reference.md §0, §7, §9.1). */
export const TEXT_AID = fromHex('D3 92 10 00 31 00 01 01 04 08');
/** 券面事項確認AP, the visual AP (docs/card-reference.md §0, §8, §9.1). */
export const VISUAL_AID = fromHex('D3 92 10 00 31 00 01 01 04 02');
/** 共通カードAP (docs/card-reference.md §9.1–§9.2; the naming conflict of §15.2 does not change the bytes). */
export const COMMON_AID = fromHex('D3 92 10 00 31 00 01 01 01 00');
/** 住基AP (docs/card-reference.md §9.1, §9.3). */
export const JUKI_AID = fromHex('D3 92 10 00 31 00 01 01 04 01');
/** GlobalPlatform Issuer Security Domain, the power-on DF (docs/card-reference.md §2 SELECT MF, §9.1). */
export const ISD_AID = fromHex('A0 00 00 01 51 00 00');
