import type { SimulatorCardState, SimulatorHolderId, SimulatorPersonalityId } from '../protocol';
import type { CardTransport } from '../transport';

/**
 * Opens a transport to the simulated card of one holder, starting with the given tries left
 * (docs/card-reference.md §5, §10), behind the ATR of one card personality (issue 15 §1; default
 * the simulator's own); injected so tests and builds can choose.
 */
export type SimulatorFactory = (
  holder: SimulatorHolderId,
  extendedLength: boolean,
  triesLeft?: SimulatorCardState,
  personality?: SimulatorPersonalityId,
) => Promise<CardTransport>;

/** Loads the simulator only when asked for: choosing it, or the start screen's idle rehearsal (warmUp.ts). */
export const loadSimulatorTransport: SimulatorFactory = async (holder, extendedLength, triesLeft, personality) => {
  const { SimulatedCard, SimulatorTransport, loadPersonalisation, cardPersonality, DEFAULT_CARD_PERSONALITY } = await import('../simulator');
  const { atr } = cardPersonality(personality ?? DEFAULT_CARD_PERSONALITY);
  const card = new SimulatedCard(await loadPersonalisation(holder), { triesLeft: { ...triesLeft }, atr });
  return new SimulatorTransport(card, { extendedLength });
};
