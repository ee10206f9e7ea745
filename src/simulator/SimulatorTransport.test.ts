import { describe, expect, it } from 'vitest';
import { ApduChannel, iso7816 } from '../apdu';
import { fromHex, toHex } from '../bytes';
import { TransportError } from '../transport';
import { describeTransportContract } from '../transport/transport.contract';
import { SimulatedCard } from './card/SimulatedCard';
import { testPersonalisation } from './card/test-support/testPersonalisation';
import { SimulatorTransport } from './SimulatorTransport';

const { personalisation } = await testPersonalisation();
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');

describeTransportContract('simulator', async () => {
  const transport = new SimulatorTransport(new SimulatedCard(personalisation));
  return { transport, probe: SELECT_JPKI, expectedResponse: fromHex('90 00'), unplug: () => transport.unplug() };
});

describe('SimulatorTransport', () => {
  it('is kind "simulator", reports the contact ATR and extended length by default', () => {
    const transport = new SimulatorTransport(new SimulatedCard(personalisation));
    expect(transport.kind).toBe('simulator');
    expect(toHex(transport.atr)).toBe('3B E0 00 FF 81 31 FE 45 14');
    expect(transport.extendedLength).toBe(true);
    expect(new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: false }).extendedLength).toBe(false);
  });

  it('reports a removed card once with transport/card-removed and refuses later transmits', async () => {
    const transport = new SimulatorTransport(new SimulatedCard(personalisation));
    const reasons: string[] = [];
    transport.onDisconnect((reason) => reasons.push(reason.code));
    transport.removeCard();
    transport.removeCard();
    expect(reasons).toEqual(['transport/card-removed']);
    expect(transport.connected).toBe(false);
    await expect(transport.transmit(SELECT_JPKI)).rejects.toMatchObject({ code: 'transport/card-removed' });
  });

  it('powers the card down when the card is removed or the transport closed: verification is gone', async () => {
    const card = new SimulatedCard(personalisation);
    const transport = new SimulatorTransport(card);
    await transport.transmit(SELECT_JPKI);
    expect(card.currentApplication).toBe('jpki');
    await transport.close();
    expect(card.currentApplication).toBe('isd');
  });

  it('refuses an extended APDU with transport/protocol when the reader has no extended length', async () => {
    const transport = new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength: false });
    await transport.transmit(SELECT_JPKI);
    const failure = await transport.transmit(fromHex('00 B0 8A 00 00 00 00')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as TransportError).code).toBe('transport/protocol');
    expect(toHex(await transport.transmit(fromHex('00 B0 8A 00 04')))).toBe(toHex(personalisation.jpki.authCertificateEf.slice(0, 4)) + ' 90 00');
  });

  it('does not let the caller wipe bytes the card holds (house rule 6)', async () => {
    const transport = new SimulatorTransport(new SimulatedCard(personalisation));
    await transport.transmit(fromHex('00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08'));
    await transport.transmit(fromHex('00 A4 02 0C 02 00 11'));
    const verify = fromHex('00 20 00 80 04 32 34 36 38');
    expect(toHex(await transport.transmit(verify, { sensitive: true }))).toBe('90 00');
    verify.fill(0);
    expect(toHex(await transport.transmit(fromHex('00 B0 81 00 03')))).toBe('FF 10 0C 90 00');
  });

  it.each([true, false])('serves the apdu layer: ApduChannel reads a whole EF through it (extended length %s)', async (extendedLength) => {
    const transport = new SimulatorTransport(new SimulatedCard(personalisation), { extendedLength });
    const channel = new ApduChannel(transport);
    await channel.send(iso7816.selectByName(fromHex('D3 92 F0 00 26 01 00 00 00 01')));
    await channel.send(iso7816.selectEf(0x000a));
    expect(await channel.readToEnd()).toEqual(personalisation.jpki.authCertificateEf);
    expect(await channel.send(iso7816.readBinaryBySfi(0x0a, 0, 4))).toEqual(personalisation.jpki.authCertificateEf.slice(0, 4));
  });
});
