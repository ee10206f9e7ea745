/**
 * ISO/IEC 7816-3:2006 §8.3, Table 7: clock rate conversion factor Fi and the maximum clock
 * frequency f(max) in MHz, indexed by the high nibble of TA1. null marks RFU indices.
 */
export const FI_TABLE: readonly ({ readonly fi: number; readonly fMaxMHz: number } | null)[] = [
  { fi: 372, fMaxMHz: 4 },
  { fi: 372, fMaxMHz: 5 },
  { fi: 558, fMaxMHz: 6 },
  { fi: 744, fMaxMHz: 8 },
  { fi: 1116, fMaxMHz: 12 },
  { fi: 1488, fMaxMHz: 16 },
  { fi: 1860, fMaxMHz: 20 },
  null,
  null,
  { fi: 512, fMaxMHz: 5 },
  { fi: 768, fMaxMHz: 7.5 },
  { fi: 1024, fMaxMHz: 10 },
  { fi: 1536, fMaxMHz: 15 },
  { fi: 2048, fMaxMHz: 20 },
  null,
  null,
];

/** ISO/IEC 7816-3:2006 §8.3, Table 8: baud rate adjustment factor Di by the low nibble of TA1; null = RFU. */
export const DI_TABLE: readonly (number | null)[] = [null, 1, 2, 4, 8, 16, 32, 64, 12, 20, null, null, null, null, null, null];
