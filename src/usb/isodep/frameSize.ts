/**
 * ISO/IEC 14443-4 frame sizes and waiting times coded in ATQB and ATTRIB.
 */

/**
 * ISO/IEC 14443-4:2008 §5.2.3 Table 1 (FSCI/FSDI → FSC/FSD in bytes, CRC included); values
 * 9–C (512–4096) were added by ISO/IEC 14443-4:2016 Amd. and earlier readers treat them as 256,
 * so we do too: the RC-S380 carries about 290 RF bytes per InCommRF (nfcpy rcs380.py
 * `get_max_send_data_size`), far below 512.
 */
const FRAME_SIZES = [16, 24, 32, 40, 48, 64, 96, 128, 256] as const;

/** FSC or FSD for an FSCI/FSDI nibble (RFU values count as 256, ISO/IEC 14443-4 §5.2.3). */
export function frameSizeFromIndex(index: number): number {
  return FRAME_SIZES[index] ?? 256;
}

/** The largest index whose frame size does not exceed `size` (for choosing FSDI). */
export function frameSizeIndexAtMost(size: number): number {
  let index = 0;
  FRAME_SIZES.forEach((s, i) => {
    if (s <= size) index = i;
  });
  return index;
}

/** fc, the carrier frequency: 13.56 MHz (ISO/IEC 14443-2 §6.1). */
const CARRIER_HZ = 13_560_000;

/** FWI 15 is RFU in ATQB; ISO/IEC 14443-4 §7.2 says treat it as 4. */
const DEFAULT_FWI = 4;

/**
 * ISO/IEC 14443-4:2008 §7.2: FWT = (256 × 16 / fc) × 2^FWI, FWI 0..14 (≈ 0.302 ms to 4949 ms).
 * Returned in milliseconds.
 */
export function frameWaitingTimeMs(fwi: number): number {
  const f = fwi >= 0 && fwi <= 14 ? fwi : DEFAULT_FWI;
  return ((256 * 16) / CARRIER_HZ) * 2 ** f * 1000;
}

/** FWT with FWI 14, the longest a card may ask for (ISO/IEC 14443-4 §7.2, §7.3: FWTTEMP is capped at FWTMAX). */
export const FWT_MAX_MS = frameWaitingTimeMs(14);
