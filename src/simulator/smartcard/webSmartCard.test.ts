import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes';
import { WebSmartCardAccess } from '../../platform/smartCard';
import { PortTransport } from '../../transport';
import { describeTransportContract } from '../../transport/transport.contract';
import { SimulatedCard } from '../card/SimulatedCard';
import { testPersonalisation } from '../card/test-support/testPersonalisation';
import { FakeSmartCardApi } from './FakeSmartCardApi';

const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
const READER = 'Simulated PC/SC reader 00 00';
/** The code of the first disconnect the transport reports: the test waits for the event itself. */
const disconnected = (transport: PortTransport): Promise<string> => new Promise((resolve) => transport.onDisconnect((r) => resolve(r.code)));

function platform(withCard = true) {
  const api = new FakeSmartCardApi();
  api.addReader(READER, withCard ? new SimulatedCard(personalisation) : null);
  return { api, access: new WebSmartCardAccess(api) };
}

async function open(access: WebSmartCardAccess) {
  const session = await access.connect(READER);
  return new PortTransport(session.port, { kind: 'smartcard', atr: session.atr, extendedLength: session.extendedLength, timeoutMs: 1000 });
}

describeTransportContract('PortTransport over the Web Smart Card bridge', async () => {
  const { api, access } = platform();
  const transport = await open(access);
  return {
    transport,
    probe: SELECT_JPKI,
    expectedResponse: fromHex('90 00'),
    unplug: async () => {
      const lost = disconnected(transport);
      api.removeReader();
      await lost;
    },
  };
});

describe('Web Smart Card bridge (platform/smartCard.ts)', () => {
  it('lists readers with whether a card is in them', async () => {
    const { api, access } = platform();
    api.addReader('Empty reader', null);
    expect(await access.listReaders()).toEqual([
      { name: READER, cardPresent: true },
      { name: 'Empty reader', cardPresent: false },
    ]);
  });

  it('connects with T=1, reports the card ATR and moves APDUs through the MessagePort', async () => {
    const { access } = platform();
    const session = await access.connect(READER);
    expect(session.atrHex).toBe('3B E0 00 FF 81 31 FE 45 14');
    expect(session.extendedLength).toBe(true);
    const transport = new PortTransport(session.port, { kind: 'smartcard', atr: session.atr, extendedLength: true, timeoutMs: 1000 });
    expect(toHex(await transport.transmit(SELECT_JPKI))).toBe('90 00');
    await transport.close();
  });

  it('a card taken out ends the session with transport/card-removed, as soon as PC/SC reports it', async () => {
    const { api, access } = platform();
    const transport = await open(access);
    const lost = disconnected(transport);
    api.removeCard();
    expect(await lost).toBe('transport/card-removed');
    await expect(transport.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/card-removed' });
  });

  it('an empty reader is usb/no-card before anything is sent', async () => {
    const { access } = platform(false);
    await expect(access.connect(READER)).rejects.toMatchObject({ code: 'usb/no-card' });
  });
});
