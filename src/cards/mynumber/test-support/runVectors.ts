import { describe, expect, it } from 'vitest';
import { ApduChannel } from '../../../apdu';
import { ReplayTransport } from '../../../transport';
import type { TranscriptVector } from '../../../vectors/types';

/** How one vector is played by the client: the calls a user's action would make. */
export type VectorDriver<A> = (applet: A, vector: TranscriptVector) => Promise<unknown>;

/**
 * House rule 7, the client's side: each vector replays over `ReplayTransport`; the driver of
 * the same name makes the applet calls, which must send exactly the recorded commands
 * (`assertComplete`) and decode `expected`. A vector without a driver, or a driver without a
 * vector, fails too. Test support only.
 */
export function describeVectors<A>(
  title: string,
  vectors: readonly TranscriptVector[],
  make: (channel: ApduChannel) => A,
  drivers: Readonly<Record<string, VectorDriver<A>>>,
): void {
  describe(title, () => {
    it('has a driver for every vector and a vector for every driver', () => {
      expect(Object.keys(drivers).sort()).toEqual(vectors.map((v) => v.name).sort());
    });

    it.each(vectors.map((v) => [v.name, v] as const))('%s', async (name, vector) => {
      const driver = drivers[name];
      if (!driver) throw new Error(`no driver for vector "${name}"`);
      const replay = new ReplayTransport(vector.transcript, { extendedLength: vector.extendedLength ?? false, source: name });
      const result = await driver(make(new ApduChannel(replay)), vector);
      expect(result).toMatchObject(vector.expected as object);
      replay.assertComplete();
    });
  });
}

/** The code and details of the error a call rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: unknown; details: unknown }> {
  try {
    await promise;
  } catch (error) {
    const coded = error as { code?: unknown; details?: unknown };
    return { code: coded.code, details: coded.details };
  }
  throw new Error('expected the call to be refused');
}

/** A vector input the driver needs; a missing one is a broken vector. */
export function inputOf(vector: TranscriptVector, key: string): string {
  const value = vector.input?.[key];
  if (value === undefined) throw new Error(`vector "${vector.name}" has no input "${key}"`);
  return value;
}
