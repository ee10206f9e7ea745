import { describe, expect, it } from 'vitest';
import { ApduChannel } from '../../../apdu';
import { ReplayTransport } from '../../../transport';
import * as v from '../../../vectors/cardLevel.vectors';
import { JpkiApplet } from '../jpki/JpkiApplet';
import { describeVectors, rejection, type VectorDriver } from '../test-support/runVectors';
import { CardLevel } from './CardLevel';

/** The card-level client plus the JPKI applet on the same channel, for the "inside an applet" vector. */
interface Clients {
  readonly cardLevel: CardLevel;
  readonly jpki: JpkiApplet;
}

const DRIVERS: Record<string, VectorDriver<Clients>> = {
  [v.smallObjects.name]: async ({ cardLevel }) => {
    await cardLevel.select();
    return {
      issuerKeyReference: await cardLevel.readIssuerKeyReference(),
      cardIdentificationNumber: await cardLevel.readCardIdentificationNumber(),
      cardRecognitionData: await cardLevel.readCardRecognitionData(),
      municipalityCode: await cardLevel.readMunicipalityCode(),
      cardExpiry: await cardLevel.readCardExpiry(),
      intermediateKeyId: await cardLevel.readIntermediateKeyId(),
      contactAtr: await cardLevel.readContactAtr(),
    };
  },
  [v.largeObjectsExtended.name]: async ({ cardLevel }) => {
    await cardLevel.select();
    return { rootCvCertificate: await cardLevel.readRootCvCertificate(), cvCertificate: await cardLevel.readCvCertificate() };
  },
  [v.largeObjectShortReader.name]: async ({ cardLevel }) => {
    await cardLevel.select();
    return { error: await rejection(cardLevel.readRootCvCertificate()) };
  },
  [v.onlyAtIsdLevel.name]: async ({ cardLevel, jpki }) => {
    await jpki.select();
    const insideApplet = await rejection(cardLevel.readCardIdentificationNumber());
    await cardLevel.select();
    return { insideApplet, afterIsd: await cardLevel.readCardIdentificationNumber() };
  },
};

describeVectors(
  'card level over src/vectors/cardLevel.vectors.ts',
  v.CARD_LEVEL_VECTORS,
  (channel) => ({ cardLevel: new CardLevel(channel), jpki: new JpkiApplet(channel) }),
  DRIVERS,
);

describe('GET DATA length handling (§9.4)', () => {
  it('retries a 6700 with extended Le when the reader allows it', async () => {
    const replay = new ReplayTransport('=> 00 CA 00 45 00\n<= 67 00\n=> 00 CA 00 45 00 00 00\n<= 39 39 90 00\n', { extendedLength: true });
    expect(await new CardLevel(new ApduChannel(replay)).readCardIdentificationNumber()).toBe('99');
    replay.assertComplete();
  });

  it('turns another status word into card/unexpected-status', async () => {
    const replay = new ReplayTransport('=> 00 CA 00 F0 00\n<= 6A 86\n');
    expect(await rejection(new CardLevel(new ApduChannel(replay)).readMunicipalityCode())).toMatchObject({
      code: 'card/unexpected-status',
      details: { sw: '6A86' },
    });
  });

  it('reports bad object bytes as card/malformed-file', async () => {
    const replay = new ReplayTransport('=> 00 CA 00 F0 00\n<= 31 33 90 00\n');
    expect(await rejection(new CardLevel(new ApduChannel(replay)).readMunicipalityCode())).toMatchObject({
      code: 'card/malformed-file',
      details: { file: 'card-level object 00F0', offset: 0 },
    });
  });
});
