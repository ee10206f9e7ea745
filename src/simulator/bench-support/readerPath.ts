import type { CardTransport } from '../../transport';

const hex = (s: string) => Uint8Array.from(s.split(' ').map((b) => parseInt(b, 16)));
const SELECT_JPKI = hex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const SELECT_AUTH = hex('00 A4 02 0C 02 00 0A');

/**
 * What the reader-path benches read (docs/card-reference.md §6.1): SELECT the JPKI AP, SELECT the
 * authentication certificate, then READ BINARY in the largest pieces the transport allows, to the
 * end of the file.
 */
export async function readCertificate(transport: CardTransport): Promise<{ apdus: number; bytes: number }> {
  await transport.transmit(SELECT_JPKI.slice());
  await transport.transmit(SELECT_AUTH.slice());
  let apdus = 2;
  let bytes = 0;
  const step = transport.extendedLength ? 0x800 : 0xff;
  for (let offset = 0; ; offset += step) {
    const command = transport.extendedLength
      ? Uint8Array.of(0x00, 0xb0, offset >> 8, offset & 0xff, 0x00, step >> 8, step & 0xff)
      : Uint8Array.of(0x00, 0xb0, offset >> 8, offset & 0xff, step);
    const response = await transport.transmit(command);
    apdus++;
    const data = response.length - 2;
    bytes += data;
    if (response[response.length - 2] !== 0x90 || data < step) break;
  }
  return { apdus, bytes };
}

/**
 * Reads the certificate `runs` times over `transport` and prints APDUs per read, APDUs per second,
 * card bytes per second and CPU time per APDU — and, given a frame counter, frames over the air per
 * read. Bench files may print (house rule 12): these figures are the point of the run.
 */
export async function reportReaderPath(label: string, transport: CardTransport, { runs = 10, rfFrames }: { runs?: number; rfFrames?: () => number } = {}): Promise<void> {
  let apdus = 0;
  let bytes = 0;
  const framesBefore = rfFrames?.() ?? 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const r = await readCertificate(transport);
    apdus += r.apdus;
    bytes += r.bytes;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const frames = rfFrames ? `${((rfFrames() - framesBefore) / runs).toFixed(0).padStart(4)} RF frames/read, ` : '';
  // eslint-disable-next-line no-console
  console.log(
    `${label.padEnd(34)} ${(apdus / runs).toFixed(0).padStart(3)} APDUs/read, ${frames}${(apdus / seconds).toFixed(0).padStart(6)} APDUs/s, ` +
      `${(bytes / seconds / 1024).toFixed(0).padStart(6)} KiB/s, ${((cpu.user + cpu.system) / 1000 / apdus).toFixed(3)} ms CPU per APDU`,
  );
}
