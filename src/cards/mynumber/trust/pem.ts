/** The DER inside a PEM block (RFC 7468 §2): base64 between `-----BEGIN <label>-----` and `-----END <label>-----`. */
export function pemToDer(pem: string, label = 'CERTIFICATE'): Uint8Array<ArrayBuffer> {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  if (!match) throw new SyntaxError(`no ${label} block in the PEM text`);
  const binary = atob(match[1]!.replace(/\s+/g, ''));
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  return der;
}

/** PEM armour of DER bytes (RFC 7468 §2), 64 base64 characters a line. */
export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  let binary = '';
  for (let i = 0; i < der.length; i += 0x8000) binary += String.fromCharCode(...der.subarray(i, i + 0x8000));
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
