import type { UsbConfigurationLike, UsbDeviceLike, UsbDirectionLike } from '../../usb/UsbDeviceLike';

/** What WebUSB rejects with once a device is gone (WICG WebUSB: `NotFoundError`). */
export const disconnected = (): DOMException => new DOMException('The device was disconnected.', 'NotFoundError');

/**
 * The USB bookkeeping every emulated reader shares (WICG WebUSB `USBDevice`): open, configure,
 * claim and release one interface, plug and unplug, and the errors WebUSB gives for each misuse.
 * A reader emulator adds its transfers and says how pending ones are aborted.
 */
export abstract class EmulatedUsbDevice implements Pick<UsbDeviceLike, 'open' | 'close' | 'selectConfiguration' | 'claimInterface' | 'releaseInterface' | 'clearHalt'> {
  opened = false;
  configuration: UsbConfigurationLike | null = null;
  /** WebUSB's device descriptor fields (USB 2.0 §9.6.1): a full-speed USB 2.0 device, class defined per interface. */
  readonly usbVersionMajor = 2;
  readonly usbVersionMinor = 0;
  readonly usbVersionSubminor = 0;
  readonly deviceClass = 0;
  readonly deviceSubclass = 0;
  readonly deviceProtocol = 0;
  readonly deviceVersionMajor = 1;
  readonly deviceVersionMinor = 0;
  readonly deviceVersionSubminor = 0;
  abstract readonly configurations: readonly UsbConfigurationLike[];
  protected claimed = false;
  protected unplugged = false;
  /** The interface a page claims on this reader (the RC-S300's vendor interface is 1). */
  protected readonly interfaceToClaim: number = 0;

  /** True while the reader is plugged in. */
  get plugged(): boolean {
    return !this.unplugged;
  }

  async open(): Promise<void> {
    this.check();
    this.opened = true;
  }

  async close(): Promise<void> {
    this.opened = false;
    this.claimed = false;
    this.abortPending(new DOMException('The transfer was cancelled.', 'AbortError'));
  }

  async selectConfiguration(configurationValue: number): Promise<void> {
    this.check();
    if (configurationValue !== 1) throw new DOMException('no such configuration', 'NotFoundError');
    this.configuration = this.configurations[0]!;
  }

  async claimInterface(interfaceNumber: number): Promise<void> {
    this.check();
    if (!this.configuration) throw new DOMException('cannot claim', 'InvalidStateError');
    const refusal = this.claimRefusal(interfaceNumber);
    if (refusal) throw refusal;
    if (interfaceNumber !== this.interfaceToClaim) throw new DOMException('no such interface', 'NotFoundError');
    this.claimed = true;
  }

  async releaseInterface(): Promise<void> {
    this.check();
    this.claimed = false;
    this.abortPending(new DOMException('The transfer was cancelled.', 'AbortError'));
  }

  async clearHalt(_direction: UsbDirectionLike, _endpointNumber: number): Promise<void> {
    this.check();
  }

  /** The reader goes away: pending and later transfers reject with NotFoundError. */
  unplug(): void {
    this.unplugged = true;
    this.opened = false;
    this.claimed = false;
    this.abortPending(disconnected());
  }

  /** Why Chrome or the OS would refuse the claim (protected class, another driver), or null. */
  protected abstract claimRefusal(interfaceNumber: number): DOMException | null;

  /** Rejects every transfer still waiting with `error`. */
  protected abstract abortPending(error: DOMException): void;

  protected check(): void {
    if (this.unplugged) throw disconnected();
  }

  protected requireClaimed(): void {
    if (!this.claimed) throw new DOMException('The interface is not claimed.', 'InvalidStateError');
  }
}
