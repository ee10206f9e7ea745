/** Groups a 12-digit My Number as printed on the card back: `1234 5678 9018` (docs/card-reference.md §17). */
export function groupMyNumber(value: string): string {
  const digits = value.replace(/\s+/g, '');
  return /^[0-9]{12}$/.test(digits) ? `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}` : value;
}

/** The My Number with all but the last four digits hidden: `●●●● ●●●● 9018`. */
export function maskMyNumber(value: string): string {
  const digits = value.replace(/\s+/g, '');
  if (!/^[0-9]{12}$/.test(digits)) return '●'.repeat(Math.max(4, digits.length));
  return `●●●● ●●●● ${digits.slice(8)}`;
}
