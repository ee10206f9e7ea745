import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * Small X.509 certificates made with pkijs and WebCrypto for client tests (RFC 5280 §4.1):
 * a self-signed CA and certificates it issues, with key identifiers, in the shape of
 * docs/card-reference.md §12 (same CA name across generations). Test support only.
 */
export interface SoftIssued {
  readonly der: Uint8Array;
  readonly keys: CryptoKeyPair;
}

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' } as const;

function name(attributes: readonly (readonly [string, string])[]): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: attributes.map(([type, value]) => new pkijs.AttributeTypeAndValue({ type, value: new asn1js.PrintableString({ value }) })),
  });
}

/** `C=JP, O=<org>, OU=JPKI for user authentication`. */
export const caName = (org: string) => [['2.5.4.6', 'JP'], ['2.5.4.10', org], ['2.5.4.11', 'JPKI for user authentication']] as const;

async function keyIdOf(publicKey: CryptoKey): Promise<ArrayBuffer> {
  const spki = await crypto.subtle.exportKey('spki', publicKey);
  return (await crypto.subtle.digest('SHA-1', spki)).slice(0, 20);
}

/**
 * Issues a certificate. Without `issuer` it is a self-signed CA named `subject`. Dates are
 * `[notBefore, notAfter]`. `keys` may be given to certify an existing key.
 */
export async function issue(options: {
  readonly subject: readonly (readonly [string, string])[];
  readonly serial: number;
  readonly validity: readonly [Date, Date];
  readonly issuer?: { readonly subject: readonly (readonly [string, string])[]; readonly keys: CryptoKeyPair };
  readonly keys?: CryptoKeyPair;
}): Promise<SoftIssued> {
  const keys = options.keys ?? (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']));
  const signer = options.issuer?.keys ?? keys;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: options.serial });
  certificate.subject = name(options.subject);
  certificate.issuer = name(options.issuer?.subject ?? options.subject);
  certificate.notBefore.value = options.validity[0];
  certificate.notAfter.value = options.validity[1];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  const extensions = [
    new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: await keyIdOf(keys.publicKey) }).toBER(false) }),
  ];
  if (options.issuer) {
    const aki = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: await keyIdOf(signer.publicKey) }) });
    extensions.push(new pkijs.Extension({ extnID: '2.5.29.35', extnValue: aki.toSchema().toBER(false) }));
  }
  certificate.extensions = extensions;
  await certificate.sign(signer.privateKey, 'SHA-256');
  return { der: new Uint8Array(certificate.toSchema(true).toBER(false)), keys };
}
