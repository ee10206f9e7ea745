import * as v from '../../../vectors/juki.vectors';
import { describeVectors, inputOf, type VectorDriver } from '../test-support/runVectors';
import { JukiApplet } from './JukiApplet';

const DRIVERS: Record<string, VectorDriver<JukiApplet>> = {
  [v.keyReferenceAndPin.name]: async (juki) => {
    await juki.select();
    const keyReference = await juki.readKeyReference();
    return { keyReference, jukiPin: (await juki.triesLeft('jukiPin')).triesLeft };
  },
  [v.verifyPin.name]: async (juki, vector) => {
    await juki.select();
    await juki.verify('jukiPin', inputOf(vector, 'jukiPin'));
    return { verified: true };
  },
};

describeVectors('住基AP over src/vectors/juki.vectors.ts', v.JUKI_VECTORS, (channel) => new JukiApplet(channel), DRIVERS);
