import type { FakeCcidFault } from '../ccid/faults';
import type { FakeRcs380Fault } from '../rcs380/faults';
import type { FakeRcs300Fault } from '../rcs300/faults';
import type { FakeContactCard } from '../ccid/cardPersonalities';
import type { CardPersonalityId } from '../cardPersonalities';
import type { FakeCcidPersonality } from '../ccid/personalities';

/**
 * The browser-test build's control channel between the page (where Playwright drives the
 * emulator) and the engine worker (where the emulated readers live): a BroadcastChannel, because
 * `addInitScript` cannot reach a worker (docs/browser-platform.md §8.2).
 */
export const EMULATOR_CHANNEL = 'mynalens-usb-emulator';

/** A reader to plug in. */
export interface PlugOptions {
  /** A CCID reader personality, or the Sony RC-S380 (Port-100, contactless). */
  readonly personality: FakeCcidPersonality | 'rcs380' | 'rcs300';
  readonly holder?: 'adult' | 'child';
  /**
   * Which card is in the reader (cardPersonalities.ts): for a CCID contact reader a contact card
   * (its ATR); for the RC-S380, the RC-S300 and the RC-S300's CCID interface a contactless one (its ATQB).
   */
  readonly card?: FakeContactCard | CardPersonalityId;
  /** For the RC-S380 and RC-S300: an ATQB of no listed card (Application Data 4 bytes, Protocol Info 3), instead of `card`. */
  readonly atqb?: { readonly applicationData: readonly number[]; readonly protocolInfo: readonly number[] };
  readonly serialNumber?: string | null;
  readonly noCard?: boolean;
  readonly heldByOs?: boolean;
  readonly packetSize?: number;
  readonly timeExtensions?: number;
  /** Granted already (a reader allowed in an earlier visit; Chrome remembers the grant). */
  readonly granted?: boolean;
}

export type EmulatorCommand =
  | { readonly action: 'plug'; readonly options: PlugOptions }
  | { readonly action: 'grant'; readonly index: number }
  | { readonly action: 'unplug' }
  | { readonly action: 'replug' }
  | { readonly action: 'remove-card' }
  /** The card taken out goes back in, or — with `holder` — a different holder's card. */
  | { readonly action: 'insert-card'; readonly holder?: 'adult' | 'child' }
  | { readonly action: 'inject'; readonly fault: FakeCcidFault | FakeRcs380Fault | FakeRcs300Fault }
  /** After this many more exchanges (CCID XfrBlocks, or RC-S380 frames over the air). */
  | { readonly action: 'inject-after'; readonly xfrBlocks: number; readonly fault: FakeCcidFault | FakeRcs380Fault | FakeRcs300Fault }
  | { readonly action: 'set-unrestricted'; readonly unrestricted: boolean };

export interface EmulatorRequest {
  readonly id: number;
  readonly command: EmulatorCommand;
}

export interface EmulatorAck {
  readonly ack: number;
  readonly error?: string;
}
