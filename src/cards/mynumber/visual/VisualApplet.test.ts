import * as v from '../../../vectors/visual.vectors';
import { describeVectors, inputOf, rejection, type VectorDriver } from '../test-support/runVectors';
import type { CardFaceView } from './cardFace';
import { VisualApplet } from './VisualApplet';

/** The card face with its images as sizes, so the vector can name them without recording them twice. */
function withImageSizes(view: CardFaceView) {
  const { namePng, addressPng, faceJp2, securityCodePng, ...rest } = view;
  return {
    ...rest,
    imageSizes: { namePng: namePng.length, addressPng: addressPng.length, faceJp2: faceJp2.length, securityCodePng: securityCodePng.length },
  };
}

const DRIVERS: Record<string, VectorDriver<VisualApplet>> = {
  [v.triesLeft.name]: async (visual) => {
    await visual.select();
    const tries = async (id: 'visualPinA' | 'visualPinB' | 'visualBirth') => (await visual.triesLeft(id)).triesLeft;
    return { visualPinA: await tries('visualPinA'), visualPinB: await tries('visualPinB'), visualBirth: await tries('visualBirth') };
  },
  [v.cardFaceAfterPinA.name]: async (visual, vector) => {
    await visual.select();
    await visual.verify('visualPinA', inputOf(vector, 'visualPinA'));
    return withImageSizes(await visual.readCardFace());
  },
  [v.myNumberImageAfterPinA.name]: async (visual, vector) => {
    await visual.select();
    await visual.verify('visualPinA', inputOf(vector, 'visualPinA'));
    const image = await visual.readMyNumberImage();
    return { myNumberPng: image.myNumberPng.length, cardPublicKey: image.cardPublicKey };
  },
  [v.pinBOpensFaceNotMyNumber.name]: async (visual, vector) => {
    await visual.select();
    await visual.verify('visualPinB', inputOf(vector, 'visualPinB'));
    const myNumberImageError = await rejection(visual.readMyNumberImage());
    return { myNumberImageError, cardFace: withImageSizes(await visual.readCardFace()) };
  },
  [v.ageRecordAfterBirthKey.name]: async (visual, vector) => {
    await visual.select();
    await visual.verify('visualBirth', inputOf(vector, 'visualBirth'));
    return { ageRecord: await visual.readAgeRecord(), cardFaceError: await rejection(visual.readCardFace()) };
  },
};

describeVectors('visual AP over src/vectors/visual.vectors.ts', v.VISUAL_VECTORS, (channel) => new VisualApplet(channel), DRIVERS);
