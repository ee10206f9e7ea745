import type { UsbConnectionEventLike, UsbLike } from '../../usb/host/UsbLike';
import type { UsbDeviceLike } from '../../usb/UsbDeviceLike';
import { SimulatedCard } from '../card/SimulatedCard';
import { FakeCcidDevice, type FakeCcidFault } from '../FakeCcidDevice';
import { FakeRcs380Device, type FakeRcs380Fault } from '../FakeRcs380Device';
import { FakeRcs300Device } from '../FakeRcs300Device';
import type { FakeRcs300Fault } from '../rcs300/faults';
import { loadPersonalisation } from '../personalisation';
import { CARD_PERSONALITIES, typeBCardOf } from '../cardPersonalities';
import type { FakeContactCard } from '../ccid/cardPersonalities';
import type { EmulatorCommand, PlugOptions } from './emulatorMessages';

type Listener = (event: UsbConnectionEventLike) => void;

/**
 * A `navigator.usb` for the browser-test build: readers are FakeCcidDevices holding simulated
 * cards, plugged, granted, pulled and faulted on command. Like Chrome, `getDevices()` returns only
 * devices that were granted and are plugged in, and plugging fires `connect` / `disconnect`.
 */
export class EmulatedUsbHost implements UsbLike {
  private readonly devices: (FakeCcidDevice | FakeRcs380Device | FakeRcs300Device)[] = [];
  private readonly granted = new Set<FakeCcidDevice | FakeRcs380Device | FakeRcs300Device>();
  private readonly listeners = new Map<'connect' | 'disconnect', Set<Listener>>([
    ['connect', new Set()],
    ['disconnect', new Set()],
  ]);
  private unrestricted = false;

  async getDevices(): Promise<UsbDeviceLike[]> {
    return this.devices.filter((d) => d.plugged && this.granted.has(d));
  }

  addEventListener(type: 'connect' | 'disconnect', listener: Listener): void {
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: 'connect' | 'disconnect', listener: Listener): void {
    this.listeners.get(type)!.delete(listener);
  }

  /** Carries out one command from the page. */
  async run(command: EmulatorCommand): Promise<void> {
    const latest = this.devices.at(-1);
    switch (command.action) {
      case 'plug':
        return this.plug(command.options);
      case 'grant': {
        const device = this.devices[command.index];
        if (!device) throw new Error(`no emulated reader #${command.index}`);
        this.granted.add(device);
        return;
      }
      case 'set-unrestricted':
        this.unrestricted = command.unrestricted;
        return;
    }
    if (!latest) throw new Error('no emulated reader is plugged in');
    switch (command.action) {
      case 'unplug':
        latest.unplug();
        return this.fire('disconnect', latest);
      case 'replug':
        latest.replug();
        return this.fire('connect', latest);
      case 'remove-card':
        return latest.removeCard();
      case 'insert-card':
        return latest.insertCard(command.holder ? new SimulatedCard(await loadPersonalisation(command.holder)) : undefined);
      case 'inject':
        if (latest instanceof FakeRcs380Device) return latest.inject(command.fault as FakeRcs380Fault);
        if (latest instanceof FakeRcs300Device) return latest.inject(command.fault as FakeRcs300Fault);
        return latest.inject(command.fault as FakeCcidFault);
      case 'inject-after':
        if (latest instanceof FakeRcs380Device) return latest.injectAfterRfFrames(command.xfrBlocks, command.fault as FakeRcs380Fault);
        if (latest instanceof FakeRcs300Device) return latest.injectAfterRfFrames(command.xfrBlocks, command.fault as FakeRcs300Fault);
        return latest.injectAfterXfrBlocks(command.xfrBlocks, command.fault as FakeCcidFault);
    }
  }

  private async plug(options: PlugOptions): Promise<void> {
    const card = new SimulatedCard(await loadPersonalisation(options.holder ?? 'adult'));
    // A contactless personality's ATQB for the Type B emulators (their default card without one).
    const typeB = options.atqb ?? (options.card && options.card !== 't0-only' && CARD_PERSONALITIES[options.card].kind === 'contactless' ? typeBCardOf(options.card) : {});
    const common = { serialNumber: options.serialNumber ?? null, noCard: options.noCard, heldByOs: options.heldByOs, packetSize: options.packetSize, ...typeB };
    const device =
      options.personality === 'rcs380'
        ? new FakeRcs380Device(card, common)
        : options.personality === 'rcs300'
          ? new FakeRcs300Device(card, common)
          : this.ccidDevice(card, options.personality, options);
    this.devices.push(device);
    if (options.granted) this.granted.add(device);
    this.fire('connect', device);
  }

  private ccidDevice(card: SimulatedCard, personality: Exclude<PlugOptions['personality'], 'rcs380' | 'rcs300'>, options: PlugOptions): FakeCcidDevice {
    return new FakeCcidDevice(card, {
      personality,
      serialNumber: options.serialNumber ?? null,
      noCard: options.noCard,
      heldByOs: options.heldByOs,
      packetSize: options.packetSize,
      timeExtensions: options.timeExtensions,
      ...contactOrContactless(options.card),
      protectedClassBlocked: () => !this.unrestricted,
    });
  }

  private fire(type: 'connect' | 'disconnect', device: UsbDeviceLike): void {
    for (const listener of [...this.listeners.get(type)!]) listener({ device });
  }
}

/** A CCID reader holds a contact card by its id, or — the RC-S300's CCID interface — reports a contactless card's PC/SC ATR. */
function contactOrContactless(card: PlugOptions['card']): { card?: FakeContactCard; contactlessAtr?: Uint8Array } {
  if (card === undefined) return {};
  if (card === 't0-only' || CARD_PERSONALITIES[card].kind === 'contact') return { card: card as FakeContactCard };
  return { contactlessAtr: CARD_PERSONALITIES[card].atr };
}
