import authCa2015 from './jlis/auth_ca_2015.pem?raw';
import authCa2023 from './jlis/auth_ca_2023.pem?raw';
import signCa2015 from './jlis/sign_ca_2015.pem?raw';
import signCa2023 from './jlis/sign_ca_2023.pem?raw';
import type { TrustAnchor } from './certificateCheck';
import { pemToDer } from './pem';

/**
 * The official J-LIS JPKI CA certificates MynaLens bundles (docs/card-reference.md §12 "CA generations";
 * public data from `shared/data/jpki-ca`): the 2015 and 2023 generations of the
 * user-authentication CA (issuer of JPKI EF 000A) and the digital-signature CA (issuer of EF 0001).
 * The 2019 generation is not bundled: a certificate it issued is reported "issuer not bundled".
 * Loaded with a dynamic import so the PEM text stays out of the first chunk.
 */
export const JLIS_ANCHORS: Readonly<Record<'auth' | 'sign', readonly TrustAnchor[]>> = {
  auth: [
    { id: 'jlis-auth-2015', label: 'J-LIS JPKI user-authentication CA (2015)', der: pemToDer(authCa2015) },
    { id: 'jlis-auth-2023', label: 'J-LIS JPKI user-authentication CA (2023)', der: pemToDer(authCa2023) },
  ],
  sign: [
    { id: 'jlis-sign-2015', label: 'J-LIS JPKI digital-signature CA (2015)', der: pemToDer(signCa2015) },
    { id: 'jlis-sign-2023', label: 'J-LIS JPKI digital-signature CA (2023)', der: pemToDer(signCa2023) },
  ],
};
