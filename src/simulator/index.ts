/**
 * The simulator's public face (architecture: src/simulator): a virtual My Number Card that
 * follows the card reference, and the transport that puts it behind the `CardTransport` seam.
 */
export { SimulatedCard, CONTACT_ATR, type SimulatedCardOptions } from './card/SimulatedCard';
export { PIN_IDS, type PinId } from './card/layout/pins';
export { SimulatorTransport, type SimulatorTransportOptions } from './SimulatorTransport';
export { loadPersonalisation, HOLDER_IDS, type HolderId } from './personalisation';
export { simulatorTrust, type SimulatorTrust, type SimulatorCvIssuerKey } from './personalisation/simulatorTrust';
export {
  CARD_PERSONALITIES,
  CARD_PERSONALITY_IDS,
  CONTACT_PERSONALITIES,
  CONTACTLESS_PERSONALITIES,
  DEFAULT_CARD_PERSONALITY,
  cardPersonality,
  isCardPersonalityId,
  typeBCardOf,
  type CardPersonality,
  type CardPersonalityId,
  type ContactPersonality,
  type ContactlessPersonality,
} from './cardPersonalities';
