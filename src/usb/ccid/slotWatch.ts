import { TransportError } from '../../transport';
import { isDeviceLost } from '../host/usbSteps';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import type { CcidInterface } from './descriptor';
import { decodeInterruptMessage } from './interrupt';

/**
 * Listens on the interrupt-IN pipe (CCID 1.1 §5.2.3, §6.3.1) while `active()`: a NotifySlotChange
 * saying `slot()` is empty, or the pipe failing because the reader was unplugged, ends the session
 * through `lose`. Readers without the (optional) pipe rely on the `navigator.usb` disconnect event
 * and on each command's answer.
 */
export function watchSlot(
  device: UsbDeviceLike,
  ccid: CcidInterface,
  session: { readonly slot: () => number; readonly active: () => boolean; readonly lose: (reason: TransportError) => unknown },
): void {
  const endpoint = ccid.interruptIn;
  if (!endpoint) return;
  const loop = async (): Promise<void> => {
    while (session.active()) {
      let bytes: Uint8Array;
      try {
        const view = (await device.transferIn(endpoint.number, endpoint.packetSize)).data;
        bytes = view ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength) : new Uint8Array(0);
      } catch (error) {
        if (isDeviceLost(error)) session.lose(new TransportError('transport/device-lost', 'the USB reader was unplugged'));
        return;
      }
      if (bytes.length === 0) continue;
      try {
        const message = decodeInterruptMessage(bytes, ccid.descriptor.maxSlotIndex + 1);
        if (message.type === 'slot-change') {
          const slot = message.slots.find((s) => s.slot === session.slot());
          if (slot && !slot.present) session.lose(new TransportError('transport/card-removed', 'the card was taken out of the reader'));
        }
      } catch {
        // An interrupt message we cannot read is not worth ending the session over.
      }
    }
  };
  void loop();
}
