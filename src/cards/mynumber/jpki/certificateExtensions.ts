import type * as Asn1 from 'asn1js';
import type * as Pkijs from 'pkijs';
import { asn1js, pkijs } from '../pkijsModule';
import { MalformedDataError } from '../../../bytes';
import { isoDate } from '../shared/fields';

/** KeyUsage bit names in RFC 5280 §4.2.1.3 order. */
const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** The subjectAltName otherName OIDs of the signature certificate (docs/card-reference.md §12). */
const JPKI_SAN_OIDS = {
  name: '1.2.392.200149.8.5.5.1',
  nameAlternative: '1.2.392.200149.8.5.5.2',
  sex: '1.2.392.200149.8.5.5.3',
  birthDate: '1.2.392.200149.8.5.5.4',
  address: '1.2.392.200149.8.5.5.5',
  addressAlternative: '1.2.392.200149.8.5.5.6',
} as const;

/** Era codes of the SAN birth date `EYYYYMMDD` (docs/card-reference.md §12: 1 明治 … 5 令和). */
const ERAS: Readonly<Record<string, string>> = { '1': '明治', '2': '大正', '3': '昭和', '4': '平成', '5': '令和' };

/** The SAN date of birth `EYYYYMMDD` (docs/card-reference.md §12). */
export interface SanBirthDate {
  readonly raw: string;
  /** 明治…令和, or null for a code outside 1–5. */
  readonly era: string | null;
  /** ISO `YYYY-MM-DD`, or null when the 8 digits are not a date. */
  readonly date: string | null;
}

/** The four attributes (and their 代替文字 variants) of the signature certificate's SAN (§12). */
export interface JpkiSubjectAltName {
  readonly name: string | null;
  readonly nameAlternative: string | null;
  /** ISO 5218 digit, as in text AP EF 0002 (§7.3). */
  readonly sex: string | null;
  readonly birthDate: SanBirthDate | null;
  readonly address: string | null;
  readonly addressAlternative: string | null;
  /** Every otherName in order, including any not listed in §12. */
  readonly otherNames: readonly { readonly oid: string; readonly value: string }[];
}

/** The extensions a JPKI certificate view shows (RFC 5280 §4.2; docs/card-reference.md §12). */
export interface ExtensionsView {
  readonly keyUsage: readonly string[] | null;
  readonly extendedKeyUsage: readonly string[] | null;
  readonly certificatePolicies: readonly string[];
  readonly basicConstraintsCa: boolean | null;
  readonly subjectAltName: JpkiSubjectAltName | null;
  /** Every extension OID, with criticality, in certificate order. */
  readonly all: readonly { readonly oid: string; readonly critical: boolean }[];
}

/**
 * Reads the extensions (RFC 5280 §4.2, docs/card-reference.md §12). A value that does not parse is malformed data at the offset of that
 * extension's value, which `locate` finds in the DER (pkijs keeps no offsets).
 */
export function decodeExtensions(
  extensions: readonly Pkijs.Extension[],
  source: string,
  locate: (part: Uint8Array) => number,
): ExtensionsView {
  const find = (oid: string) => extensions.find((e) => e.extnID === oid);
  const offsetOf = (extension: Pkijs.Extension) => locate(extension.extnValue.valueBlock.valueHexView);
  const parsed = <T>(oid: string, type: abstract new (...args: never[]) => T): T | null => {
    const extension = find(oid);
    if (!extension) return null;
    const value: unknown = extension.parsedValue;
    const failed = value === undefined || (typeof value === 'object' && value !== null && 'parsingError' in value);
    if (failed || !(value instanceof type)) throw new MalformedDataError(source, offsetOf(extension), `extension ${oid} does not parse`);
    return value;
  };
  const sanExtension = find('2.5.29.17');
  const keyUsage = parsed('2.5.29.15', asn1js.BitString);
  const eku = parsed('2.5.29.37', pkijs.ExtKeyUsage);
  const policies = parsed('2.5.29.32', pkijs.CertificatePolicies);
  const basic = parsed('2.5.29.19', pkijs.BasicConstraints);
  const san = parsed('2.5.29.17', pkijs.AltName);
  return {
    keyUsage: keyUsage ? keyUsageNames(keyUsage) : null,
    extendedKeyUsage: eku ? [...eku.keyPurposes] : null,
    certificatePolicies: policies ? policies.certificatePolicies.map((p) => p.policyIdentifier) : [],
    basicConstraintsCa: basic ? Boolean(basic.cA) : null,
    subjectAltName: san && sanExtension ? jpkiSubjectAltName(san, source, offsetOf(sanExtension)) : null,
    all: extensions.map((e) => ({ oid: e.extnID, critical: e.critical })),
  };
}

function keyUsageNames(bits: Asn1.BitString): string[] {
  const bytes = bits.valueBlock.valueHexView;
  const usable = bytes.length * 8 - bits.valueBlock.unusedBits;
  return KEY_USAGE_BITS.filter((_, i) => i < usable && (bytes[i >> 3]! & (0x80 >> (i & 7))) !== 0);
}

/** otherName = `[0] { type-id OID, value [0] EXPLICIT ANY }`, value a UTF8String here (§12). */
function jpkiSubjectAltName(san: Pkijs.AltName, source: string, offset: number): JpkiSubjectAltName {
  const otherNames: { oid: string; value: string }[] = [];
  for (const general of san.altNames) {
    if (general.type !== 0) continue;
    const parts = (general.value as Asn1.Constructed).valueBlock.value;
    const [oid, wrapper] = parts;
    const inner = wrapper instanceof asn1js.Constructed ? wrapper.valueBlock.value[0] : undefined;
    if (!(oid instanceof asn1js.ObjectIdentifier) || !(inner instanceof asn1js.Utf8String)) {
      throw new MalformedDataError(source, offset, 'subjectAltName otherName is not an OID with an [0] EXPLICIT UTF8String');
    }
    otherNames.push({ oid: oid.valueBlock.toString(), value: inner.valueBlock.value });
  }
  const value = (oid: string) => otherNames.find((o) => o.oid === oid)?.value ?? null;
  const birth = value(JPKI_SAN_OIDS.birthDate);
  return {
    name: value(JPKI_SAN_OIDS.name),
    nameAlternative: value(JPKI_SAN_OIDS.nameAlternative),
    sex: value(JPKI_SAN_OIDS.sex),
    birthDate: birth === null ? null : { raw: birth, era: ERAS[birth.slice(0, 1)] ?? null, date: isoDate(birth.slice(1)) },
    address: value(JPKI_SAN_OIDS.address),
    addressAlternative: value(JPKI_SAN_OIDS.addressAlternative),
    otherNames,
  };
}
