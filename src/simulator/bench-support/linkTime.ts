import type { CardTransport } from '../../transport';
import { payloadOnlyMicros } from '../rcs380/typeBAirTime';
import { readCertificate } from './readerPath';

/** What an emulator's link-time model has counted so far (Port100ChipModel.air, TransparentSessionModel.air). */
export interface AirCounter {
  readonly micros: number;
  readonly bytesToCard: number;
  readonly bytesToReader: number;
}

/** The transport with every command and response APDU byte counted: the payload the link must carry. */
function countingPayload(transport: CardTransport): { transport: CardTransport; bytes: () => number } {
  let bytes = 0;
  const counted: CardTransport = {
    kind: transport.kind,
    get atr() {
      return transport.atr;
    },
    get connected() {
      return transport.connected;
    },
    extendedLength: transport.extendedLength,
    transmit: async (command, meta) => {
      bytes += command.length;
      const response = await transport.transmit(command, meta);
      bytes += response.length;
      return response;
    },
    close: () => transport.close(),
    onDisconnect: (listener) => transport.onDisconnect(listener),
  };
  return { transport: counted, bytes: () => bytes };
}

/**
 * Reads the JPKI authentication certificate once and prints, from the emulator's Type B
 * link-time model (issue 16 §2): APDUs, APDU payload bytes, bytes on the air both ways (ISO-DEP
 * prologue and CRC_B included), the modelled link time, the payload-only floor at the fastest
 * rate the card allows (8 bits a byte, no framing, no turnaround) and their ratio.
 */
export async function reportLinkTime(label: string, transport: CardTransport, air: () => AirCounter, cardFastestKbps: number): Promise<void> {
  const { transport: counted, bytes } = countingPayload(transport);
  const before = { ...air() };
  const { apdus } = await readCertificate(counted);
  const after = { ...air() };
  const modelledMs = (after.micros - before.micros) / 1000;
  const floorMs = payloadOnlyMicros(bytes(), cardFastestKbps) / 1000;
  const wire = after.bytesToCard - before.bytesToCard + (after.bytesToReader - before.bytesToReader);
  // eslint-disable-next-line no-console
  console.log(
    `${label.padEnd(40)} ${String(apdus).padStart(3)} APDUs, ${String(bytes()).padStart(5)} payload B, ${String(wire).padStart(5)} B on the air, ` +
      `${modelledMs.toFixed(1).padStart(6)} ms modelled link time, ${floorMs.toFixed(1).padStart(6)} ms payload-only at ${cardFastestKbps} kbit/s, ` +
      `ratio ${(modelledMs / floorMs).toFixed(2)}`,
  );
}
