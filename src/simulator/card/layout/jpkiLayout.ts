import type { Personalisation } from '../../personalisation/Personalisation';
import { JPKI_AID } from './aids';
import { ALWAYS, NEVER, efTable, internal, pinKey, privateKey, transparent, verifiedAnyOf } from './efBuilders';
import { FOUR_DIGITS } from './pins';
import type { DedicatedFile } from './types';

/** FIDs of the JPKI AP's EFs that commands refer to by name (docs/card-reference.md §6.1). */
const JPKI_EF = {
  SIGN_CERTIFICATE: 0x0001,
  SIGN_CA_CERTIFICATE: 0x0002,
  TOKEN_INFO: 0x0006,
  CERTIFICATE_FLAGS: 0x0008,
  PROTECTED_0009: 0x0009,
  AUTH_CERTIFICATE: 0x000a,
  AUTH_CA_CERTIFICATE: 0x000b,
  AUTH_KEY: 0x0017,
  AUTH_PIN: 0x0018,
  SIGN_KEY: 0x001a,
  SIGN_PIN: 0x001b,
} as const;

// §3 / §6.4: JPKI EFs are zero-filled after the DER.
const JPKI_FILLER = 0x00;

/**
 * The 公的個人認証AP (docs/card-reference.md §6.1–§6.2): certificates, token info, the two key pairs and
 * their PINs, with the access rules of §6.1.
 */
export function buildJpkiAp(p: Personalisation): DedicatedFile {
  const { jpki, pins } = p;
  const zeroFilled = { filler: JPKI_FILLER };
  const signCertificate = jpki.signCertificateEf
    ? transparent(JPKI_EF.SIGN_CERTIFICATE, '署名用電子証明書', jpki.signCertificateEf, verifiedAnyOf(JPKI_EF.SIGN_PIN), zeroFilled)
    : // Under 15 there is no certificate but the EF exists empty (Personalisation.ts). Its size is
      // not in the sources; the auth certificate EF's size is the nearest analogue.
      transparent(JPKI_EF.SIGN_CERTIFICATE, '署名用電子証明書 (not issued)', new Uint8Array(0), verifiedAnyOf(JPKI_EF.SIGN_PIN), {
        ...zeroFilled,
        size: jpki.authCertificateEf.length,
      });
  return {
    id: 'jpki',
    label: '公的個人認証AP',
    aid: JPKI_AID,
    defaultKey: null,
    // myna-card ap/jpki.rs: SET SESSION KEY answers 6982 even with both PINs presented.
    sessionKey: 'security-not-satisfied',
    efs: efTable([
      signCertificate,
      transparent(JPKI_EF.SIGN_CA_CERTIFICATE, '署名用CA証明書', jpki.signCaCertificateEf, ALWAYS, zeroFilled),
      // §6.1 0005: "unknown, ?" — modelled as an internal EF (selectable, READ → 6981).
      internal(0x0005, 'unknown 0005'),
      transparent(JPKI_EF.TOKEN_INFO, 'token info', jpki.tokenInfoEf, ALWAYS, zeroFilled),
      transparent(JPKI_EF.CERTIFICATE_FLAGS, 'certificate flags', jpki.certificateFlagsEf, ALWAYS, zeroFilled),
      // §6.1 0009: protected, not readable with any holder credential. Content and size unknown;
      // nobody can read it, so 16 zero bytes stand in.
      transparent(JPKI_EF.PROTECTED_0009, 'protected 0009', new Uint8Array(0), NEVER, { ...zeroFilled, size: 16 }),
      transparent(JPKI_EF.AUTH_CERTIFICATE, '利用者証明用電子証明書', jpki.authCertificateEf, ALWAYS, zeroFilled),
      transparent(JPKI_EF.AUTH_CA_CERTIFICATE, '利用者証明用CA証明書', jpki.authCaCertificateEf, ALWAYS, zeroFilled),
      // §6.1 0010 ("probed as key reference"), 0016 (terminal-CA key for 80 A2), 0019, 001C, 001E:
      // purposes unknown or out of scope, modelled as internal EFs.
      internal(0x0010, 'unknown key reference 0010'),
      internal(0x0016, 'terminal CA key reference'),
      privateKey(JPKI_EF.AUTH_KEY, '利用者証明用秘密鍵', jpki.authKey, verifiedAnyOf(JPKI_EF.AUTH_PIN), 'compute-signature'),
      pinKey(JPKI_EF.AUTH_PIN, '利用者証明用暗証番号', {
        pin: 'jpkiAuth',
        value: pins.jpkiAuth,
        maxTries: 3,
        format: FOUR_DIGITS,
        change: 'reference-data',
      }),
      internal(0x0019, 'unknown 0019'),
      privateKey(JPKI_EF.SIGN_KEY, '署名用秘密鍵', jpki.signKey, verifiedAnyOf(JPKI_EF.SIGN_PIN), 'compute-signature'),
      // Under 15 no password is set (pins.jpkiSign null): the key EF then behaves like the text
      // AP's 0012, blocked from issuance (63C0 / 6984) — the only unset key the sources describe.
      pinKey(JPKI_EF.SIGN_PIN, '署名用パスワード', {
        pin: 'jpkiSign',
        value: pins.jpkiSign,
        maxTries: 5,
        format: { minLength: 6, maxLength: 16, characters: 'upper-alphanumeric' },
        change: 'reference-data',
      }),
      internal(0x001c, 'unknown 001C'),
      internal(0x001e, 'unknown 001E'),
    ]),
  };
}
