import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransportError } from '../../transport/TransportError';
import type { UsbDeviceLike } from '../UsbDeviceLike';
import { BulkPipes, WRITE_WITHIN_MS } from './BulkPipes';
import { LinkTimeout, sessionEnd } from './usbSteps';

/** A device whose bulk-OUT transfers never complete (a reader NAKing for ever) and whose reads never come. */
function stuckDevice(): UsbDeviceLike {
  const never = () => new Promise<never>(() => undefined);
  return { transferOut: never, transferIn: never } as unknown as UsbDeviceLike;
}

const pipes = {
  configurationValue: 1,
  interfaceNumber: 0,
  interfaceClass: 0xff,
  bulkIn: { endpointNumber: 1, direction: 'in', type: 'bulk', packetSize: 64 },
  bulkOut: { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 64 },
} as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('bulk-OUT writes are bounded (issue 15 §3)', () => {
  it('a write the reader never takes fails with LinkTimeout after WRITE_WITHIN_MS, not before', async () => {
    vi.useFakeTimers();
    const { gone } = sessionEnd();
    const write = new BulkPipes(stuckDevice(), pipes, gone, 64).write(Uint8Array.of(0x00, 0x00, 0xff, 0x00, 0xff, 0x00));
    let outcome: unknown = null;
    write.catch((error: unknown) => (outcome = error));
    await vi.advanceTimersByTimeAsync(WRITE_WITHIN_MS - 1);
    expect(outcome).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBeInstanceOf(LinkTimeout);
  });

  it('a pending write ends at once when the session ends (unplug, close)', async () => {
    const { gone, endWaits } = sessionEnd();
    const write = new BulkPipes(stuckDevice(), pipes, gone, 64).write(Uint8Array.of(0x01));
    const reason = new TransportError('transport/closed', 'the card connection is closed');
    endWaits(reason);
    await expect(write).rejects.toBe(reason);
  });
});
