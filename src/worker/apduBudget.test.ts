import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { PinKey, SimulatorHolderId } from '../protocol';
import { pinsOf, startEngine } from './test-support/engineHarness';
import ORACLE from './test-support/fileBytesOracle.json';

/**
 * Issue 16 §1, counted over the simulator (a count, not a time): the no-PIN scan and the full flow
 * (the scan, then every credential of docs/card-reference.md §10 verified and what it opens read)
 * send no more APDUs than the short-EF-ID forms need (§3), and every row ends with the bytes,
 * status and opening PINs it had with the SELECT-then-READ client — `fileBytesOracle.json`,
 * recorded from that client before the change — also on a card that refuses the short forms.
 */

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function everyCredential(holder: SimulatorHolderId): Promise<[PinKey, string | null | undefined][]> {
  const p = await pinsOf(holder);
  return [
    ['jpkiAuth', p.jpkiAuth], ['jpkiSign', p.jpkiSign], ['textPin', p.textPin], ['textPinA', p.pinA], ['textPinB', p.pinB],
    ['visualBirth', p.birthKey], ['visualPinA', p.pinA], ['visualPinB', p.pinB], ['commonPin', p.commonPin], ['jukiPin', p.jukiPin],
  ];
}

async function fullFlow(holder: SimulatorHolderId, extendedLength: boolean, refusesShortEfIds?: number) {
  const h = startEngine(undefined, refusesShortEfIds === undefined ? {} : { card: { refusesShortEfIds } });
  close = h.close;
  await h.client.call('connectSimulator', { holder, extendedLength });
  const scan = await h.client.call('scan', {});
  const scanApdus = h.apdus().length;
  const refused: string[] = [];
  for (const [pinId, pin] of await everyCredential(holder)) {
    if (typeof pin === 'string') await h.client.call('verifyPin', { pinId, pin }).catch((e: { code: string }) => refused.push(`${pinId}: ${e.code}`));
  }
  const rows = Object.fromEntries(
    [...h.rowEvents().values()].map((r) => [
      r.key,
      `${r.status}:${r.openedBy.join('+')}:${r.content?.rawHex ? createHash('sha256').update(r.content.rawHex).digest('hex') : '-'}`,
    ]),
  );
  return { scan, scanApdus, fullApdus: h.apdus().length, rows, log: h.apdus(), refused };
}

const oracle = ORACLE as Record<string, Record<string, string>>;

describe('the fewest APDUs (issue 16 §1, docs/card-reference.md §3)', () => {
  // Targets: scan ≤ 42 extended / ≤ 56 short; full flow ≤ 90 / ≤ 112. The scan's one APDU over
  // 42 is a SELECT EF before each of the two 共通 READ RECORDs: their SFI form rests on one source.
  it.each([
    [true, 43, 90],
    [false, 51, 111],
  ])('extended length %s: scan %i APDUs, full flow %i, every row as before', async (extendedLength, scanCount, fullCount) => {
    const run = await fullFlow('adult', extendedLength);
    expect(run.scanApdus).toBe(scanCount);
    expect(run.fullApdus).toBe(fullCount);
    expect(run.scan.addressing).toEqual({ mode: 'short-ef-id', fallback: null });
    expect(run.refused).toEqual([]);
    expect(run.rows).toEqual(oracle[`adult/${extendedLength ? 'extended' : 'short'}`]);
  });

  it.each([true, false])('the child card (extended length %s) ends with every row as before', async (extendedLength) => {
    const run = await fullFlow('child', extendedLength);
    // The child's card has no signature password (§6.2): there is none to type, so none is sent.
    expect(run.refused).toEqual([]);
    expect(run.rows).toEqual(oracle[`child/${extendedLength ? 'extended' : 'short'}`]);
  });

  it.each(['6A86', '6D00'])('a card answering %s to the short forms: one refusal, SELECT-then-READ after it, every row as before', async (swHex) => {
    const run = await fullFlow('adult', true, parseInt(swHex, 16));
    expect(run.scan.addressing).toEqual({ mode: 'select', fallback: { command: '00 20 00 98', sw: swHex } });
    expect(run.log.filter((r) => r.sw === swHex)).toHaveLength(1);
    expect(run.refused).toEqual([]);
    expect(run.rows).toEqual(oracle['adult/extended']);
  });
});
