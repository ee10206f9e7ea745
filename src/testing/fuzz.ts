import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

/**
 * The shared harness of the property and fuzz tests (`*.fuzz.test.ts`). Test support only: it
 * imports nothing of the app, so every layer's tests may use it.
 *
 * What counts as a *typed* error: an error class of our own that carries a `code` the UI's
 * catalog explains — `MalformedDataError` (bad bytes, with source and offset; `InvalidBlockError`
 * is one), `StatusWordError`, `TransportError` (and `T1ProtocolError`), `CardError`,
 * `PinFormatError` and `EngineFailure`. Each target names the few it may throw. Anything else —
 * a `TypeError` from reading past an array, a `RangeError` from `DataView` or from an allocation,
 * an asn1js or pkijs internal error — is a bug in the parser, and so is a hang.
 *
 * Case counts: `npm test` runs each target's small default; `npm run fuzz` sets `FUZZ_RUNS` for a
 * long run and `FUZZ_REPORT` to a file where each target appends one JSON line (cases, failures)
 * that `scripts/fuzz.ts` sums up.
 */

/** An error class a parser may throw on bad input. */
export type TypedErrorClass = abstract new (...args: never[]) => Error;

const requested = Number(process.env.FUZZ_RUNS);
const seed = Number(process.env.FUZZ_SEED);
/** `FUZZ_SEED` (and `FUZZ_PATH`) replay a failure fast-check reported. */
const replay: { seed?: number; path?: string } = Number.isInteger(seed)
  ? { seed, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) }
  : {};
/** The case count `npm run fuzz` asked for, or null under `npm test`. */
export const FUZZ_RUNS: number | null = Number.isInteger(requested) && requested > 0 ? requested : null;

/**
 * How many cases a target runs: its default under `npm test`; under `npm run fuzz`, FUZZ_RUNS
 * times `scale` (an expensive target, such as a whole engine session per case, runs fewer).
 */
export function runs(defaultRuns: number, scale = 1): number {
  return FUZZ_RUNS === null ? defaultRuns : Math.max(defaultRuns, Math.ceil(FUZZ_RUNS * scale));
}

/** Thrown when a parser throws something that is not one of its typed errors. */
class UntypedErrorThrown extends Error {
  constructor(readonly original: unknown) {
    super(`untyped ${original instanceof Error ? `${original.name}: ${original.message}` : `throw of ${String(original)}`}`);
  }
}

/**
 * Runs `parse`; returns its value, or `null` when it threw one of `typed`. Anything else thrown
 * is re-thrown as `UntypedErrorThrown` so fast-check reports (and shrinks) the input.
 */
export function valueOrTypedError<T>(parse: () => T, typed: readonly TypedErrorClass[]): T | null {
  try {
    return parse();
  } catch (error) {
    if (typed.some((type) => error instanceof type)) return null;
    throw new UntypedErrorThrown(error);
  }
}

/** The same for async work (a protocol over a scripted card, an engine call). */
export async function valueOrTypedErrorAsync<T>(work: () => Promise<T>, typed: readonly TypedErrorClass[]): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (typed.some((type) => error instanceof type)) return null;
    throw new UntypedErrorThrown(error);
  }
}

/** Options of one fuzz target. */
export interface TargetOptions {
  /** Cases under `npm test`. */
  readonly runs: number;
  /** Fraction of FUZZ_RUNS under `npm run fuzz` (default 1). */
  readonly fuzzScale?: number;
}

/**
 * Checks one property and records the figures of the run: passes silently, or throws fast-check's
 * report (seed, path, shrunk counterexample) so the failure can be replayed.
 */
export function checkTarget<Ts>(target: string, property: fc.IProperty<Ts>, options: TargetOptions): void {
  const details = fc.check(property, { numRuns: runs(options.runs, options.fuzzScale), ...replay });
  report(target, details);
}

/** `checkTarget` for an async property. */
export async function checkTargetAsync<Ts>(target: string, property: fc.IAsyncProperty<Ts>, options: TargetOptions): Promise<void> {
  const details = await fc.check(property, { numRuns: runs(options.runs, options.fuzzScale), ...replay });
  report(target, details);
}

function report<Ts>(target: string, details: fc.RunDetails<Ts>): void {
  const file = process.env.FUZZ_REPORT;
  if (file) appendFileSync(file, JSON.stringify({ target, runs: details.numRuns, failed: details.failed ? 1 : 0 }) + '\n');
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${target}: ${cause}\n${fc.defaultReportMessage(details) ?? 'property failed'}`);
}

/**
 * A bounded random byte string; the "know nothing" half of each target. `prefix` pins the first
 * bytes (a message type, a tag) so random tails reach past the first check.
 */
function randomBytes(maxLength = 300, prefix?: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  const tail = fc.uint8Array({ maxLength });
  if (!prefix) return tail;
  return fc.tuple(prefix, tail).map(([head, rest]) => concat(head, rest));
}

/** Byte values that sit on the edges of length and tag encodings. */
const EDGE_BYTES = [0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x1f, 0x3f, 0x5f, 0x7e, 0xfe, 0xff];

/** Length fields that lie: BER long forms, simple-TLV `FF HH LL`, and the 4 GB little-endian dwLength. */
const LYING_LENGTHS: readonly Uint8Array[] = [
  Uint8Array.of(0x84, 0xff, 0xff, 0xff, 0xff),
  Uint8Array.of(0x83, 0xff, 0xff, 0xff),
  Uint8Array.of(0x82, 0xff, 0xff),
  Uint8Array.of(0x82, 0x00, 0x00),
  Uint8Array.of(0x81, 0xff),
  Uint8Array.of(0x81, 0x00),
  Uint8Array.of(0x80),
  Uint8Array.of(0x7f),
  Uint8Array.of(0x00),
  Uint8Array.of(0xff, 0xff, 0xff),
  Uint8Array.of(0xff, 0xff, 0xff, 0xff),
  Uint8Array.of(0xff, 0xff, 0xff, 0x7f),
];

/** One edit of a valid encoding. Positions are taken modulo the current length, so any edit applies. */
type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly bit: number }
  | { readonly op: 'set'; readonly at: number; readonly value: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'append'; readonly bytes: Uint8Array }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'delete'; readonly at: number; readonly count: number }
  | { readonly op: 'length'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'duplicate'; readonly at: number; readonly count: number };

const position = fc.nat({ max: 0xffff });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: position, bit: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at: position, value: fc.oneof(fc.constantFrom(...EDGE_BYTES), fc.nat({ max: 255 })) }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ op: fc.constant('length' as const), at: position, bytes: fc.constantFrom(...LYING_LENGTHS) }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, count: fc.integer({ min: 1, max: 64 }) }),
);

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  const at = n === 0 ? 0 : m.op === 'append' ? n : m.at % n;
  switch (m.op) {
    case 'flip': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[at] = out[at]! ^ (1 << m.bit);
      return out;
    }
    case 'set': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[at] = m.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'append':
      return concat(bytes, m.bytes);
    case 'insert':
      return concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
    case 'delete':
      return concat(bytes.subarray(0, at), bytes.subarray(at + m.count));
    case 'length':
      // Overwrite in place, so the bytes around the length keep their positions.
      return concat(bytes.subarray(0, at), m.bytes, bytes.subarray(Math.min(n, at + m.bytes.length)));
    case 'duplicate':
      return concat(bytes.subarray(0, at + Math.min(m.count, n - at)), bytes.subarray(at));
  }
}

/**
 * Structure-aware inputs: one of the valid `seeds` (real encodings from the simulator, the
 * vectors or the specs) with one to four edits — bit flips, edge bytes, truncation, extension,
 * insertion, deletion, a length field rewritten to lie, a range duplicated — so the parser gets
 * past its first checks and the fuzzing reaches deep code.
 */
export function mutatedBytes(seeds: readonly Uint8Array[], maxEdits = 4): fc.Arbitrary<Uint8Array> {
  if (seeds.length === 0) throw new RangeError('mutatedBytes needs at least one seed');
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: maxEdits }))
    .map(([seed, edits]) => edits.reduce(applyMutation, seed));
}

/** Both halves: random bytes and mutated seeds, the seeds themselves now and then. */
export function fuzzBytes(seeds: readonly Uint8Array[], options: { maxLength?: number; prefix?: fc.Arbitrary<Uint8Array> } = {}): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 1, arbitrary: randomBytes(options.maxLength ?? 300, options.prefix) },
    { weight: 4, arbitrary: mutatedBytes(seeds) },
    { weight: 1, arbitrary: fc.constantFrom(...seeds) },
  );
}

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
