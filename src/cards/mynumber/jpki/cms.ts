import type * as Pkijs from 'pkijs';
import { asn1js, pkijs } from '../pkijsModule';
import { copyBytes } from '../../../bytes';
import { parseCertificate } from '../trust/certificateCheck';
import { sha256 } from '../trust/rsa';
import { sha256DigestInfo } from './digestInfo';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

/** What the card does for the CMS: sign a DER DigestInfo with the signature key (docs/card-reference.md §6.5). */
export type DigestInfoSigner = (digestInfo: Uint8Array) => Promise<Uint8Array>;

/** A detached CMS signature and the facts it was built from. */
export interface DetachedSignature {
  /** DER `ContentInfo` of type signedData (RFC 5652 §3, §5), without the content. */
  readonly cms: Uint8Array;
  readonly contentDigest: Uint8Array;
  readonly signingTime: Date;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Builds a detached CMS SignedData (RFC 5652 §5) over `content` with the JPKI signature key:
 * signed attributes contentType, signingTime and messageDigest (§11.1–§11.3) in DER SET OF
 * order (X.690 §11.6, which verifiers re-encode before checking); the card signs
 * DigestInfo(SHA-256(signed attributes)) (docs/card-reference.md §6.5), and the signer's certificate
 * travels in `certificates`. sha256WithRSAEncryption, signer identified by issuer and serial.
 */
export async function buildDetachedSignature(content: Uint8Array, certificateDer: Uint8Array, sign: DigestInfoSigner, signingTime: Date): Promise<DetachedSignature> {
  const certificate = parseCertificate(certificateDer);
  if (!certificate) throw new RangeError('the signature certificate does not parse');
  const contentDigest = await sha256(content);
  // Seconds only: UTCTime has no fractions, and the signed bytes must match what is re-encoded.
  const time = new Date(Math.floor(signingTime.getTime() / 1000) * 1000);
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: time })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: copyBytes(contentDigest) })] }),
  ]
    .map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map((a) => a.attribute);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes with the universal SET tag, not the [0] IMPLICIT one (RFC 5652 §5.4).
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  const signature = await sign(sha256DigestInfo(await sha256(toSign)));
  const sha256Algorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: copyBytes(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return { cms: new Uint8Array(contentInfo.toSchema().toBER(false)), contentDigest, signingTime: time };
}

/** What a detached CMS signature says about itself, read back (RFC 5652 §5). */
export interface ParsedSignature {
  readonly contentType: string;
  readonly detached: boolean;
  readonly messageDigest: Uint8Array;
  readonly signingTime: Date | null;
  readonly certificates: readonly Uint8Array[];
  readonly signerSerialHex: string;
  /** The signed attributes as DER SET (what the signature covers) and the signature. */
  readonly signedAttributes: Uint8Array;
  readonly signature: Uint8Array;
}

/** Parses a DER CMS ContentInfo of type signedData with one signer (RFC 5652 §3, §5). */
export function parseDetachedSignature(der: Uint8Array): ParsedSignature {
  const asn1 = asn1js.fromBER(copyBytes(der));
  if (asn1.offset === -1) throw new RangeError('not DER');
  const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
  if (contentInfo.contentType !== OID.signedData) throw new RangeError(`not signedData: ${contentInfo.contentType}`);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signer = signedData.signerInfos[0];
  if (!signer?.signedAttrs) throw new RangeError('no signer with signed attributes');
  const attribute = (oid: string) => signer.signedAttrs!.attributes.find((a) => a.type === oid)?.values[0];
  const digest = attribute(OID.messageDigest);
  const time = attribute(OID.signingTime);
  const signedAttributes = new Uint8Array(signer.signedAttrs.encodedValue);
  signedAttributes[0] = 0x31;
  return {
    contentType: signedData.encapContentInfo.eContentType,
    detached: signedData.encapContentInfo.eContent === undefined,
    messageDigest: digest instanceof asn1js.OctetString ? digest.valueBlock.valueHexView : new Uint8Array(0),
    signingTime: time instanceof asn1js.UTCTime ? time.toDate() : null,
    certificates: (signedData.certificates ?? []).flatMap((c) => (c instanceof pkijs.Certificate ? [new Uint8Array(c.toSchema().toBER(false))] : [])),
    signerSerialHex: [...(signer.sid as Pkijs.IssuerAndSerialNumber).serialNumber.valueBlock.valueHexView].map((b) => b.toString(16).padStart(2, '0')).join(''),
    signedAttributes,
    signature: signer.signature.valueBlock.valueHexView,
  };
}
