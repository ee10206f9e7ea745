import { describe, expect, it } from 'vitest';
import { ApduChannel } from '../apdu';
import { describeVectors } from '../cards/mynumber/test-support/runVectors';
import { SimulatedCard, SimulatorTransport, loadPersonalisation } from '../simulator';
import * as v from '../vectors/cardIdentity.vectors';
import { isSameCard, readCardFingerprint } from './cardIdentity';

const READ = async (channel: ApduChannel) => ({ card: await readCardFingerprint(channel) });

describeVectors('which card: src/vectors/cardIdentity.vectors.ts', v.CARD_IDENTITY_VECTORS, (channel) => channel, {
  [v.adultCardNumber.name]: READ,
  [v.childCardNumber.name]: READ,
});

describeVectors('which card, on cards without 0045: src/vectors/cardIdentity.vectors.ts', v.CARD_IDENTITY_FALLBACK_VECTORS, (channel) => channel, {
  [v.noIsd.name]: READ,
  [v.noCardNumber.name]: READ,
  [v.neither.name]: READ,
});

describe('which card, against the simulator (docs/card-reference.md §9.4)', () => {
  async function fingerprintOf(card: SimulatedCard) {
    return readCardFingerprint(new ApduChannel(new SimulatorTransport(card)));
  }

  it("tells the adult's card from the child's, and knows the same card again after a reset", async () => {
    const adult = new SimulatedCard(await loadPersonalisation('adult'));
    const child = new SimulatedCard(await loadPersonalisation('child'));
    const first = await fingerprintOf(adult);
    adult.reset();
    const again = await fingerprintOf(adult);
    const other = await fingerprintOf(child);
    expect(first).toEqual({ by: 'card-identification-number', value: '900000000000001' });
    expect(isSameCard(first, again)).toBe(true);
    expect(isSameCard(first, other)).toBe(false);
  });

  it('never calls two cards the same when either could not be told apart, or when they were told apart differently', () => {
    const number = { by: 'card-identification-number', value: '900000000000001' } as const;
    expect(isSameCard(null, null)).toBe(false);
    expect(isSameCard(number, null)).toBe(false);
    expect(isSameCard(null, number)).toBe(false);
    expect(isSameCard(number, { by: 'auth-certificate-serial', value: '900000000000001' })).toBe(false);
  });

  it('lets a transport failure through: a card gone is not "a card that cannot be told apart"', async () => {
    const transport = new SimulatorTransport(new SimulatedCard(await loadPersonalisation('adult')));
    transport.removeCard();
    await expect(readCardFingerprint(new ApduChannel(transport))).rejects.toMatchObject({ code: 'transport/card-removed' });
  });
});
