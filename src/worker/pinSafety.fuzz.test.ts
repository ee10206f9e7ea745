import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes, toHex } from '../bytes';
import { PINS, type PinId } from '../cards/mynumber/pin';
import { checkTargetAsync } from '../testing/fuzz';
import { EngineFailure, type ApduLogRow, type SimulatorCardState } from '../protocol';
import { pinsOf, startEngine } from './test-support/engineHarness';

/**
 * PIN safety as properties over random sessions (house rules 5 and 6, docs/card-reference.md §10, §13.8):
 * a person clicks through connect, scan, PIN status, PIN entries (right, wrong or malformed, with
 * or without the last-try confirmation), export and clear in any order, and a spy in front of
 * the simulated card sees every command before the logger redacts it. Whatever the order:
 *
 * 1. a malformed PIN never reaches the card;
 * 2. with one try left, no VERIFY with data is sent unless the person confirmed;
 * 3. a blocked PIN is never sent;
 * 4. otherwise exactly one VERIFY carries exactly the PIN's bytes;
 * 5. the APDU log and the exported transcript show every VERIFY's data as `**`, and no error
 *    that crosses the worker boundary carries the PIN.
 *
 * The model of the counters is our own (maximum from the card reference, minus one per wrong
 * try, back to the maximum on a right one), not read from the engine, so the engine cannot
 * agree with itself by mistake.
 */

const PIN_IDS = Object.keys(PINS) as PinId[];

/** The adult holder's right values (simulator personalisation, README "The default holder's PINs"). */
async function rightValues(): Promise<Record<PinId, string>> {
  const p = await pinsOf('adult');
  return {
    jpkiAuth: p.jpkiAuth, jpkiSign: p.jpkiSign!, textPin: p.textPin, textPinA: p.pinA, textPinB: p.pinB,
    visualBirth: p.birthKey, visualPinA: p.pinA, visualPinB: p.pinB, commonPin: p.commonPin, jukiPin: p.jukiPin,
  };
}

/** A well-formed value that is not the right one: the right one with its first character changed. */
function wrongValue(pinId: PinId, right: string, salt: number): string {
  const alphabet = PINS[pinId].format.kind === 'digits' ? '0123456789' : 'QXZ0123456789';
  let first = alphabet[salt % alphabet.length]!;
  if (first === right[0]) first = alphabet[(salt + 1) % alphabet.length]!;
  const value = first + right.slice(1);
  // A sign password must keep a letter and a digit.
  return PINS[pinId].format.kind === 'digits' || (/[A-Z]/.test(value) && /\d/.test(value)) ? value : right.slice(0, -1) + (right.endsWith('9') ? '8' : '9');
}

/**
 * Malformed input of every kind the format check refuses (docs/card-reference.md §10): wrong length,
 * a character outside the alphabet (full-width digits, symbols, spaces), letters only, digits
 * only. Letters are Q, X, Z so no value can spell a word that messages contain.
 */
const malformedValue = fc.oneof(
  fc.stringMatching(/^[0-9]{0,3}$/),
  fc.stringMatching(/^[0-9]{17,20}$/),
  fc.stringMatching(/^[0-9]{2,6}[#%\- １ａ][0-9]{1,6}$/),
  fc.stringMatching(/^[QXZ]{6,12}$/),
);

type Action =
  | { readonly kind: 'connect'; readonly triesLeft: SimulatorCardState }
  | { readonly kind: 'scan' }
  | { readonly kind: 'pinStatus' }
  | { readonly kind: 'verify'; readonly pinId: PinId; readonly value: 'right' | 'wrong' | 'malformed'; readonly malformed: string; readonly salt: number; readonly confirm: boolean }
  | { readonly kind: 'export' }
  | { readonly kind: 'clear' };

const pinId = fc.constantFrom(...PIN_IDS);
const triesLeft: fc.Arbitrary<SimulatorCardState> = fc
  .uniqueArray(fc.tuple(pinId, fc.constantFrom(0, 1, 2)), { maxLength: 4, selector: ([id]) => id })
  .map((entries) => Object.fromEntries(entries));
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('connect' as const), triesLeft }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'scan' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pinStatus' as const }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('verify' as const),
      pinId,
      value: fc.constantFrom('right' as const, 'wrong' as const, 'malformed' as const),
      malformed: malformedValue,
      salt: fc.nat({ max: 100 }),
      confirm: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'export' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);
/** Sessions start connected: a fresh card, or one with some counters already low. */
const session = fc.tuple(triesLeft, fc.array(action, { minLength: 1, maxLength: 10 }));

/** VERIFY (INS 20) commands that carry data, as the card got them. */
function verifiesWithData(commands: readonly Uint8Array[]): Uint8Array[] {
  return commands.filter((c) => c[1] === 0x20 && c.length > 5);
}

/** A VERIFY with its body hidden whole: no PIN byte and no length (Lc) either. */
const HIDDEN_VERIFY = /^[0-9A-F]{2} 20 [0-9A-F]{2} [0-9A-F]{2} \*\* PIN hidden \*\*$/;

/** Invariant 5 on the log: every VERIFY with data is marked sensitive and shows neither its data nor its length. */
function expectRedacted(rows: readonly ApduLogRow[]): void {
  for (const row of rows) {
    const bytes = row.command.split(' ');
    if (bytes[1] !== '20' || bytes.length <= 5) continue;
    expect(row.sensitive).toBe(true);
    expect(row.command).toMatch(HIDDEN_VERIFY);
  }
}

/** Invariant 5 on the transcript: every `=> .. 20` line with data hides its body whole. */
function expectTranscriptRedacted(text: string): void {
  for (const line of text.split('\n')) {
    const bytes = line.startsWith('=> ') ? line.slice(3).trim().split(' ') : [];
    if (bytes[1] !== '20' || bytes.length <= 5) continue;
    expect(line.slice(3).trim()).toMatch(HIDDEN_VERIFY);
  }
}

describe('PIN safety over random sessions (house rules 5 and 6)', () => {
  it('never sends a malformed, blocked or unconfirmed last-try PIN, and never lets a PIN into the log, the transcript or an error', async () => {
    const right = await rightValues();
    await checkTargetAsync(
      'PIN safety invariants (engine sessions)',
      fc.asyncProperty(session, async ([initial, actions]) => {
        const sent: Uint8Array[] = [];
        const h = startEngine({ spy: (command) => sent.push(command) });
        // Our model of each counter (docs/card-reference.md §10); null = not connected.
        let tries = null as Map<PinId, number> | null;
        const connect = async (state: SimulatorCardState) => {
          await h.client.call('connectSimulator', { holder: 'adult', triesLeft: state });
          tries = new Map(PIN_IDS.map((id) => [id, state[id] ?? PINS[id].maxTries]));
        };
        try {
          await connect(initial);
          for (const step of actions) {
            const before = sent.length;
            if (step.kind !== 'verify') {
              if (step.kind === 'connect') await connect(step.triesLeft);
              else if (step.kind === 'clear') {
                await h.client.call('clear', {});
                tries = null;
              } else if (step.kind === 'export') expectTranscriptRedacted((await h.client.call('exportTranscript', {})).text);
              else await h.client.call(step.kind, {}).catch((e: unknown) => expect(e).toMatchObject({ code: 'engine/not-connected' }));
              // Nothing but a verifyPin request ever carries a PIN to the card.
              expect(verifiesWithData(sent.slice(before))).toEqual([]);
              continue;
            }
            const value = step.value === 'right' ? right[step.pinId] : step.value === 'wrong' ? wrongValue(step.pinId, right[step.pinId], step.salt) : step.malformed;
            const outcome = await h.client
              .call('verifyPin', { pinId: step.pinId, pin: value, ...(step.confirm ? { confirmLastTry: true } : {}) })
              .then(() => null, (error: unknown) => error as EngineFailure);
            const verifies = verifiesWithData(sent.slice(before));
            const left: number | null = tries?.get(step.pinId) ?? null;
            // Invariant 5: errors cross the boundary without the value typed.
            if (outcome) {
              expect(outcome).toBeInstanceOf(EngineFailure);
              if (value.length >= 4) expect(JSON.stringify({ message: outcome.message, details: outcome.details })).not.toContain(value);
            }
            if (step.value === 'malformed') {
              expect(outcome?.code).toBe('pin/format'); // invariant 1
              expect(verifies).toEqual([]);
            } else if (left === null) {
              expect(outcome?.code).toBe('engine/not-connected');
              expect(verifies).toEqual([]);
            } else if (left === 0) {
              expect(outcome?.code).toBe('card/pin-blocked'); // invariant 3
              expect(verifies).toEqual([]);
            } else if (left === 1 && !step.confirm) {
              expect(outcome?.code).toBe('pin/confirm-last-try'); // invariant 2
              expect(verifies).toEqual([]);
            } else {
              // Invariant 4: one VERIFY, with exactly the bytes the format check produced.
              expect(verifies.map((c) => toHex(c.subarray(5)))).toEqual([toHex(asciiBytes(value.toUpperCase()))]);
              if (step.value === 'right') {
                expect(outcome).toBeNull();
                tries!.set(step.pinId, PINS[step.pinId].maxTries);
              } else {
                expect(outcome?.code).toBe(left === 1 ? 'card/pin-blocked' : 'card/wrong-pin');
                tries!.set(step.pinId, left - 1);
              }
            }
            expectRedacted(h.apdus());
          }
          expectRedacted(h.apdus());
        } finally {
          await h.close();
        }
      }),
      { runs: 60, fuzzScale: 0.01 },
    );
  });
});
