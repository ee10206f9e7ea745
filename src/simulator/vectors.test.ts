import { describe, expect, it } from 'vitest';
import { asciiBytes, toHex } from '../bytes';
import { parseTranscript, type TranscriptExchange } from '../transport';
import { VECTOR_FILES, type TranscriptVector } from '../vectors';
import { SimulatedCard } from './card/SimulatedCard';
import { loadPersonalisation } from './personalisation';

/**
 * House rule 7, the simulator's side: every hand-written transcript vector is fed, command by
 * command, to a fresh simulated card of its holder, and every response must match byte for byte.
 */

/** The command bytes, with each redacted run of `**` filled from the vector's `redacted` list. */
function commandBytes(exchange: TranscriptExchange, secrets: string[]): Uint8Array {
  if (!exchange.command.includes(null)) return Uint8Array.from(exchange.command as number[]);
  const secret = secrets.shift();
  if (secret === undefined) throw new Error(`line ${exchange.line}: a redacted command but no secret left to fill it`);
  const fill = asciiBytes(secret);
  const redactedCount = exchange.command.filter((b) => b === null).length;
  if (redactedCount !== fill.length) throw new Error(`line ${exchange.line}: ${redactedCount} redacted bytes, secret of ${fill.length}`);
  let next = 0;
  return Uint8Array.from(exchange.command, (b) => (b === null ? fill[next++]! : b));
}

async function replayAgainstSimulator(vector: TranscriptVector): Promise<void> {
  const card = new SimulatedCard(await loadPersonalisation(vector.holder), vector.card ?? {});
  const secrets = [...(vector.redacted ?? [])];
  for (const exchange of parseTranscript(vector.transcript, vector.name)) {
    const command = commandBytes(exchange, secrets);
    const answer = toHex(card.respond(command));
    expect(answer, `line ${exchange.line}: ${toHex(command)}`).toBe(toHex(exchange.response));
  }
  expect(secrets, 'every redacted secret was used').toEqual([]);
}

describe.each(Object.entries(VECTOR_FILES))('src/vectors/%s.vectors.ts against the simulator', (_file, vectors) => {
  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    await replayAgainstSimulator(vector);
  });
});
