import { fromBase64, toBase64 } from '../../../bytes/base64';

/** The DER inside a PEM block (RFC 7468 §2): base64 between `-----BEGIN <label>-----` and `-----END <label>-----`. */
export function pemToDer(pem: string, label = 'CERTIFICATE'): Uint8Array<ArrayBuffer> {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  if (!match) throw new SyntaxError(`no ${label} block in the PEM text`);
  return fromBase64(match[1]!.replace(/\s+/g, ''));
}

/** PEM armour of DER bytes (RFC 7468 §2), 64 base64 characters a line. */
export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
