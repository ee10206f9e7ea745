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

/** A device that records every transfer and answers bulk-IN reads from a queue (or never, until given one). */
function recordingDevice(outStatus: 'ok' | 'stall' = 'ok') {
  const log: string[] = [];
  const waiting: ((r: { status: 'ok'; data: DataView }) => void)[] = [];
  const device = {
    transferOut: async (endpoint: number, data: Uint8Array) => {
      log.push(`out ${endpoint}: ${data.length}`);
      return { status: outStatus, bytesWritten: outStatus === 'ok' ? data.length : 0 };
    },
    transferIn: (endpoint: number, length: number) => {
      log.push(`in ${endpoint}: ${length}`);
      return new Promise((resolve) => waiting.push(resolve));
    },
    clearHalt: async (direction: string, endpoint: number) => {
      log.push(`clearHalt ${direction} ${endpoint}`);
    },
  } as unknown as UsbDeviceLike;
  const answer = (bytes: Uint8Array) => waiting.shift()!({ status: 'ok', data: new DataView(bytes.buffer) });
  return { device, log, answer };
}

describe('packets and pipe states (USB 2.0 §5.8.3, §9.4.5)', () => {
  it('a write of whole packets ends with a zero-length packet by default (the RC-S380 and RC-S300 links)', async () => {
    const { device, log } = recordingDevice();
    await new BulkPipes(device, pipes, sessionEnd().gone, 64).write(new Uint8Array(128));
    expect(log).toEqual(['out 2: 128', 'out 2: 0']);
  });

  it('a link that frames its own messages (CCID dwLength) sends no zero-length packet', async () => {
    const { device, log } = recordingDevice();
    await new BulkPipes(device, pipes, sessionEnd().gone, 64, { zeroLengthPacket: false }).write(new Uint8Array(64));
    expect(log).toEqual(['out 2: 64']);
  });

  it('a stalled bulk-OUT pipe is cleared and reported as transport/protocol', async () => {
    const { device, log } = recordingDevice('stall');
    await expect(new BulkPipes(device, pipes, sessionEnd().gone, 64).write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'transport/protocol' });
    expect(log).toEqual(['out 2: 1', 'clearHalt out 2']);
  });

  it('a write may be given less time than WRITE_WITHIN_MS (what is left of a deadline), never more', async () => {
    vi.useFakeTimers();
    const bulk = new BulkPipes(stuckDevice(), pipes, sessionEnd().gone, 64);
    const outcomes: unknown[] = [null, null];
    void bulk.write(Uint8Array.of(1), 10).catch((error: unknown) => (outcomes[0] = error));
    void bulk.write(Uint8Array.of(1), 5 * WRITE_WITHIN_MS).catch((error: unknown) => (outcomes[1] = error));
    await vi.advanceTimersByTimeAsync(10);
    expect(outcomes[0]).toBeInstanceOf(LinkTimeout);
    expect(outcomes[1]).toBeNull();
    await vi.advanceTimersByTimeAsync(WRITE_WITHIN_MS - 10);
    expect(outcomes[1]).toBeInstanceOf(LinkTimeout);
  });

  it('bytes that arrive after a read timed out are what the next read returns, from the same transfer', async () => {
    vi.useFakeTimers();
    const { device, log, answer } = recordingDevice();
    const bulk = new BulkPipes(device, pipes, sessionEnd().gone, 100);
    const first = bulk.read(50);
    const outcome = first.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(50);
    expect(await outcome).toBeInstanceOf(LinkTimeout);
    answer(Uint8Array.of(0x80, 0x02));
    expect(Array.from(await bulk.read(50))).toEqual([0x80, 0x02]);
    // One transfer for both reads, asking for whole packets: 100 bytes round up to 128.
    expect(log).toEqual(['in 1: 128']);
  });
});
