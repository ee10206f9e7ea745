import * as v from '../../../vectors/text.vectors';
import { describeVectors, inputOf, rejection, type VectorDriver } from '../test-support/runVectors';
import { TextApplet } from './TextApplet';

const DRIVERS: Record<string, VectorDriver<TextApplet>> = {
  [v.triesLeft.name]: async (text) => {
    await text.select();
    const tries = async (id: 'textPin' | 'textPinA' | 'textPinB') => (await text.triesLeft(id)).triesLeft;
    return { textPin: await tries('textPin'), textPinA: await tries('textPinA'), textPinB: await tries('textPinB') };
  },
  [v.myNumberAndBasicFour.name]: async (text, vector) => {
    await text.select();
    await text.verify('textPin', inputOf(vector, 'textPin'));
    return { myNumber: await text.readMyNumber(), basicFour: await text.readBasicFour() };
  },
  [v.pinAOpensMyNumberOnly.name]: async (text, vector) => {
    await text.select();
    await text.verify('textPinA', inputOf(vector, 'textPinA'));
    return { myNumber: await text.readMyNumber(), basicFourError: await rejection(text.readBasicFour()) };
  },
  [v.pinBOpensBasicFourOnly.name]: async (text, vector) => {
    await text.select();
    await text.verify('textPinB', inputOf(vector, 'textPinB'));
    return { myNumberError: await rejection(text.readMyNumber()), basicFour: await text.readBasicFour() };
  },
  [v.redactedVerify.name]: async (text, vector) => {
    await text.select();
    await text.verify('textPin', inputOf(vector, 'textPin'));
    return { myNumber: await text.readMyNumber() };
  },
  [v.childMyNumberAndBasicFour.name]: async (text, vector) => {
    await text.select();
    await text.verify('textPin', inputOf(vector, 'textPin'));
    return { myNumber: await text.readMyNumber(), basicFour: await text.readBasicFour() };
  },
};

describeVectors('text AP over src/vectors/text.vectors.ts', v.TEXT_VECTORS, (channel) => new TextApplet(channel), DRIVERS);
