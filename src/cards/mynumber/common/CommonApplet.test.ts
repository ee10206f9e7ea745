import * as v from '../../../vectors/common.vectors';
import { describeVectors, type VectorDriver } from '../test-support/runVectors';
import { CommonApplet } from './CommonApplet';

const DRIVERS: Record<string, VectorDriver<CommonApplet>> = {
  [v.recordsFree.name]: async (common) => {
    await common.select();
    const cardInfo = await common.readCardInfo();
    const keyReference = await common.readKeyReference();
    return { cardInfo, keyReference, commonPin: (await common.triesLeft('commonPin')).triesLeft };
  },
  [v.childRecord.name]: async (common) => {
    await common.select();
    return { cardInfo: await common.readCardInfo() };
  },
};

describeVectors('共通カードAP over src/vectors/common.vectors.ts', v.COMMON_VECTORS, (channel) => new CommonApplet(channel), DRIVERS);
