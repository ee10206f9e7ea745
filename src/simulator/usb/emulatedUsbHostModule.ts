/// <reference lib="webworker" />
import type { UsbLike } from '../../usb/host/UsbLike';
import { EmulatedUsbHost } from './EmulatedUsbHost';
import { EMULATOR_CHANNEL, type EmulatorAck, type EmulatorRequest } from './emulatorMessages';

/**
 * Stands in for `worker/usbHost.ts` in the browser-test build (vite.config.ts, mode
 * `usb-emulator`): the engine gets an EmulatedUsbHost, and the page drives it over a
 * BroadcastChannel. Never part of a production build.
 */
export function usbHost(): UsbLike | null {
  const host = new EmulatedUsbHost();
  const channel = new BroadcastChannel(EMULATOR_CHANNEL);
  channel.addEventListener('message', (event: MessageEvent<EmulatorRequest>) => {
    const { id, command } = event.data;
    host.run(command).then(
      () => channel.postMessage({ ack: id } satisfies EmulatorAck),
      (error: unknown) => channel.postMessage({ ack: id, error: String(error) } satisfies EmulatorAck),
    );
  });
  channel.postMessage({ ready: true });
  return host;
}
