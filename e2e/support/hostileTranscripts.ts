import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';

/**
 * Transcript files someone could send a person ("open it and see for yourself"), built to hurt:
 * the 61xx flood that froze the tab for minutes, files far over the size cap, a line far over the
 * line cap, a response longer than a card can give, and bad hex. Used by
 * e2e/hostile-transcripts.spec.ts and scripts/bench-hostile-transcripts.ts.
 */
export interface HostileTranscript {
  /** File name, as the person would see it. */
  readonly name: string;
  /** What is wrong with it. */
  readonly what: string;
  /** The error code the app must show when it is opened; null when it opens (the replay is what hurts). */
  readonly refusedWith: string | null;
  /** Where it was written. */
  readonly path: string;
}

const HEADER = '# MynaLens APDU transcript (PIN bytes redacted as **)\n# app: MynaLens\n# transport: simulator\n# atr: 3B E0 00 FF 81 31 FE 45 14\n# extended-length: true\n';
const SELECT_JPKI = '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01';
const SELECT_ISD = '00 A4 04 0C 07 A0 00 00 01 51 00 00';

/** `count` bytes of spaced hex (5A 5A …), streamed out in pieces so a 24 MB line costs no 24 MB string. */
async function writeHex(out: NodeJS.WritableStream, count: number): Promise<void> {
  const piece = '5A '.repeat(65_536);
  for (let left = count; left > 0; left -= 65_536) {
    if (!out.write(left >= 65_536 ? piece : '5A '.repeat(left))) await once(out, 'drain');
  }
}

/** Writes one file from a list of text parts and hex runs. */
async function writeFile(path: string, parts: readonly (string | { hex: number })[]): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts) {
    if (typeof part === 'string') {
      if (!out.write(part)) await once(out, 'drain');
    } else {
      await writeHex(out, part.hex);
    }
  }
  out.end();
  await once(out, 'finish');
}

/** Distinct SELECT commands, so each gets its own recorded 61xx answer. */
const selects = (count: number) =>
  Array.from({ length: count }, (_, i) => `=> 00 A4 02 0C 02 ${(i >> 8).toString(16).padStart(2, '0').toUpperCase()} ${(i & 0xff).toString(16).padStart(2, '0').toUpperCase()}\n<= 61 00\n`).join('');

/** Writes every hostile transcript into `dir` and lists them. */
export async function writeHostileTranscripts(dir: string): Promise<HostileTranscript[]> {
  await mkdir(dir, { recursive: true });
  const files: (Omit<HostileTranscript, 'path'> & { parts: (string | { hex: number })[] })[] = [
    {
      // The file of the report: every SELECT answers 61 00, one GET RESPONSE answers 64 KB + 61 00 (about 198 KB).
      name: 'flood-61xx.txt',
      what: 'every SELECT answers 61 00; one GET RESPONSE answers 64 KB and 61 00 again',
      refusedWith: 'transcript/chain-too-long',
      parts: [HEADER, `=> ${SELECT_JPKI}\n<= 61 00\n=> 00 C0 00 00 00\n<= `, { hex: 65_536 }, '61 00\n', selects(80)],
    },
    {
      name: 'replay-flood-61xx.txt',
      what: 'every SELECT answers 61 00; GET RESPONSE answers 1 KB and 61 00 again (passes the file caps: the replay, which repeats the last match, is what floods)',
      refusedWith: null,
      // The scan's first step, the card-level objects, finds no issuer security domain here (6A 82), so the
      // scan goes on to the JPKI SELECT, where the flood is.
      parts: [HEADER, `=> ${SELECT_ISD}\n<= 6A 82\n=> ${SELECT_JPKI}\n<= 61 00\n=> 00 C0 00 00 00\n<= `, { hex: 1024 }, '61 00\n', selects(80)],
    },
    {
      name: 'response-8mb-in-25mb.txt',
      what: 'a 25 MB file whose one READ BINARY answers 8 MB',
      refusedWith: 'transcript/too-large',
      parts: [HEADER, `=> ${SELECT_JPKI}\n<= 90 00\n=> 00 B0 00 00 00 00 00\n<= `, { hex: 8 * 1024 * 1024 }, '90 00\n', `# ${'x'.repeat(1024 * 1024 - 2)}\n`],
    },
    {
      name: 'fifty-megabytes.txt',
      what: 'a 50 MB file of well-formed exchanges',
      refusedWith: 'transcript/too-large',
      parts: [HEADER, ...Array.from({ length: 50 }, () => `=> ${SELECT_JPKI}\n<= ${'5A '.repeat(349_000)}90 00\n`)],
    },
    {
      name: 'line-10mb.txt',
      what: 'one line of 10 MB',
      refusedWith: 'transcript/too-large',
      parts: [HEADER, `=> ${SELECT_JPKI}\n<= 90 00\n# ${'x'.repeat(10 * 1024 * 1024)}\n`],
    },
    {
      name: 'line-300kb.txt',
      what: 'a small file with one 300 KB line',
      refusedWith: 'transcript/line-too-long',
      parts: [HEADER, `=> ${SELECT_JPKI}\n<= 90 00\n# ${'x'.repeat(300 * 1024)}\n`],
    },
    {
      name: 'response-80kb.txt',
      what: 'one response of 80 000 bytes, more than a card answers one command',
      refusedWith: 'transcript/response-too-long',
      parts: [HEADER, `=> ${SELECT_JPKI}\n<= 90 00\n=> 00 B0 00 00 00 00 00\n<= `, { hex: 80_000 }, '90 00\n'],
    },
    {
      name: 'invalid-hex.txt',
      what: 'a response that is not hex',
      refusedWith: 'transcript/invalid',
      parts: [HEADER, `=> ${SELECT_JPKI}\n<= 90 00\n=> 00 B0 00 00 00\n<= 3G ZZ 90 00\n`],
    },
  ];
  const written: HostileTranscript[] = [];
  for (const { parts, ...file } of files) {
    const path = join(dir, file.name);
    await writeFile(path, parts);
    written.push({ ...file, path });
  }
  return written;
}
