import { describe, expect, it } from 'vitest';
import type { CardTransport } from './CardTransport';
import { TransportError } from './TransportError';

/** What a transport under test provides to the contract suite. */
export interface ContractSubject {
  readonly transport: CardTransport;
  /** A command the card behind the transport answers; sent up to three times per test. */
  readonly probe: Uint8Array;
  /** The exact response to `probe`, when known (at least SW1 SW2 are always checked). */
  readonly expectedResponse?: Uint8Array;
  /** Takes the reader away as a person pulling the cable would. */
  readonly unplug: () => void | Promise<void>;
}

/**
 * The contract every `CardTransport` passes (house rule 8): an ATR, round trips, one transmit at
 * a time, idempotent close, and typed errors after close or unplug.
 * Call from a test file: `describeTransportContract('simulator', async () => ({ … }))`.
 */
export function describeTransportContract(name: string, makeSubject: () => Promise<ContractSubject>): void {
  describe(`CardTransport contract: ${name}`, () => {
    it('reports an ATR that starts with TS = 3B or 3F', async () => {
      const { transport } = await makeSubject();
      expect(transport.atr.length).toBeGreaterThanOrEqual(2);
      expect([0x3b, 0x3f]).toContain(transport.atr[0]);
      await transport.close();
    });

    it('round-trips a command to a response ending in a status word', async () => {
      const { transport, probe, expectedResponse } = await makeSubject();
      expect(transport.connected).toBe(true);
      const response = await transport.transmit(probe);
      expect(response.length).toBeGreaterThanOrEqual(2);
      if (expectedResponse) expect(Array.from(response)).toEqual(Array.from(expectedResponse));
      const again = await transport.transmit(probe);
      expect(again.length).toBeGreaterThanOrEqual(2);
      await transport.close();
    });

    it('rejects a second transmit while one is pending with transport/busy', async () => {
      const { transport, probe } = await makeSubject();
      const first = transport.transmit(probe);
      await expect(transport.transmit(probe)).rejects.toMatchObject({ code: 'transport/busy' });
      await expect(first).resolves.toBeInstanceOf(Uint8Array);
      await transport.close();
    });

    it('closes idempotently and refuses to transmit afterwards', async () => {
      const { transport, probe } = await makeSubject();
      await transport.close();
      await transport.close();
      expect(transport.connected).toBe(false);
      const failure = await transport.transmit(probe).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(TransportError);
      expect((failure as TransportError).code).toBe('transport/closed');
    });

    it('reports an unplug once to listeners and fails later transmits with transport/device-lost', async () => {
      const { transport, probe, unplug } = await makeSubject();
      const reasons: string[] = [];
      transport.onDisconnect((reason) => reasons.push(reason.code));
      await unplug();
      expect(reasons).toEqual(['transport/device-lost']);
      expect(transport.connected).toBe(false);
      await expect(transport.transmit(probe)).rejects.toMatchObject({ code: 'transport/device-lost' });
      await transport.close();
    });
  });
}
