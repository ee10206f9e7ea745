import { describe, expect, it } from 'vitest';
import { toHex } from '../../bytes';
import { ApduChannel } from '../../apdu';
import { ReplayTransport } from '../../transport';
import * as v from '../../vectors/addressing.vectors';
import { FileAddressing } from './addressing';
import { JpkiApplet } from './jpki/JpkiApplet';
import { describeVectors, inputOf, rejection, type VectorDriver } from './test-support/runVectors';

interface Client {
  readonly jpki: JpkiApplet;
  readonly addressing: FileAddressing;
}

const DRIVERS: Record<string, VectorDriver<Client>> = {
  [v.shortEfIds.name]: async ({ jpki, addressing }, vector) => {
    await jpki.select();
    const triesLeft = { jpkiAuth: (await jpki.triesLeft('jpkiAuth')).triesLeft, jpkiSign: (await jpki.triesLeft('jpkiSign')).triesLeft };
    const flags = await jpki.readCertificateFlags();
    const lockedError = await rejection(jpki.readSignCertificate());
    await jpki.verify('jpkiSign', inputOf(vector, 'jpkiSign'));
    const certificate = (await jpki.readSignCertificate())?.view;
    const proof = toHex(await jpki.proveAccess(0x0001));
    return { triesLeft, flags, lockedError, certificate, proof, addressing: addressing.view() };
  },
  [v.fallback.name]: async ({ jpki, addressing }) => {
    await jpki.select();
    const triesLeft = { jpkiAuth: (await jpki.triesLeft('jpkiAuth')).triesLeft, jpkiSign: (await jpki.triesLeft('jpkiSign')).triesLeft };
    const certificate = (await jpki.readAuthCertificate())?.view;
    return { triesLeft, certificate, addressing: addressing.view() };
  },
};

describeVectors(
  'command forms over src/vectors/addressing.vectors.ts (docs/card-reference.md §3)',
  v.ADDRESSING_VECTORS,
  (channel) => {
    const addressing = new FileAddressing();
    return { jpki: new JpkiApplet(channel, addressing), addressing };
  },
  DRIVERS,
);

describe('FileAddressing (docs/card-reference.md §3, §4)', () => {
  it('falls back once and keeps the first reason', () => {
    const addressing = new FileAddressing();
    expect(addressing.refusesForm(0x6a86)).toBe(true);
    expect(addressing.refusesForm(0x6982)).toBe(false);
    addressing.fallBack({ cla: 0, ins: 0xb0, p1: 0x8a, p2: 0, data: new Uint8Array(0), ne: 256 }, 0x6a86);
    addressing.fallBack({ cla: 0, ins: 0x20, p1: 0, p2: 0x98, data: new Uint8Array(0), ne: null }, 0x6d00);
    expect(addressing.view()).toEqual({ mode: 'select', fallback: { command: '00 B0 8A 00', sw: '6A86' } });
    // Once fallen back, nothing more counts as a refusal of the short form.
    expect(addressing.refusesForm(0x6a86)).toBe(false);
  });

  it('asks for a PIN again after a refused VERIFY by SFI, counting no try for it', async () => {
    const replay = new ReplayTransport(
      `=> 00 20 00 98 04 ${toHex(new TextEncoder().encode('1234'))}\n<= 6A 81\n=> 00 A4 02 0C 02 00 18\n<= 90 00\n=> 00 20 00 80 04 ${toHex(new TextEncoder().encode('1234'))}\n<= 90 00\n`,
      { extendedLength: false, source: 'refused VERIFY' },
    );
    const addressing = new FileAddressing();
    await new JpkiApplet(new ApduChannel(replay), addressing).verify('jpkiAuth', '1234');
    replay.assertComplete();
    expect(addressing.view().fallback).toEqual({ command: '00 20 00 98', sw: '6A81' });
  });
});
