import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { copyBytes, fromHex, toHex, utf8Bytes } from '../../../bytes';
import * as v from '../../../vectors/jpki.vectors';
import { AUTH_CERTIFICATE, AUTH_SIGNATURE, MESSAGE_SHA256 } from '../../../vectors/recorded/adult';
import { describeVectors, inputOf, rejection, type VectorDriver } from '../test-support/runVectors';
import { sha256DigestInfo } from './digestInfo';
import { JpkiApplet } from './JpkiApplet';
import { signPasswordNotIssued } from './signPassword';

const certificateOf = async (read: Promise<{ view: unknown } | null>) => (await read)?.view ?? null;

const DRIVERS: Record<string, VectorDriver<JpkiApplet>> = {
  [v.detectCard.name]: async (jpki) => {
    await jpki.select();
    return { tokenLabel: await jpki.readTokenLabel() };
  },
  [v.tokenInfo.name]: async (jpki) => {
    await jpki.select();
    return jpki.readTokenInfo();
  },
  [v.triesLeft.name]: async (jpki) => {
    await jpki.select();
    return { jpkiAuth: (await jpki.triesLeft('jpkiAuth')).triesLeft, jpkiSign: (await jpki.triesLeft('jpkiSign')).triesLeft };
  },
  [v.authCertificate.name]: async (jpki) => {
    await jpki.select();
    return certificateOf(jpki.readAuthCertificate());
  },
  [v.authCertificateExtended.name]: async (jpki) => {
    await jpki.select();
    return certificateOf(jpki.readAuthCertificate());
  },
  [v.signCertificate.name]: async (jpki, vector) => {
    await jpki.select();
    const lockedError = await rejection(jpki.readSignCertificate());
    await jpki.verify('jpkiSign', inputOf(vector, 'jpkiSign'));
    return { lockedError, certificate: await certificateOf(jpki.readSignCertificate()) };
  },
  [v.authSignature.name]: async (jpki, vector) => {
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', copyBytes(utf8Bytes(inputOf(vector, 'message')))));
    await jpki.select();
    await jpki.verify('jpkiAuth', inputOf(vector, 'jpkiAuth'));
    const signature = await jpki.sign('auth', sha256DigestInfo(hash));
    return { sha256: toHex(hash, ''), signature: toHex(signature, '') };
  },
  [v.wrongPinBlocks.name]: async (jpki, vector) => {
    await jpki.select();
    const errors = [];
    for (let i = 0; i < 4; i++) errors.push(await rejection(jpki.verify('jpkiAuth', inputOf(vector, 'jpkiAuth'))));
    return { errors, status: await jpki.triesLeft('jpkiAuth') };
  },
  [v.childHasNoSignCertificate.name]: async (jpki, vector) => {
    await jpki.select();
    const flags = await jpki.readCertificateFlags();
    const readError = await rejection(jpki.readSignCertificate());
    const status = await jpki.triesLeft('jpkiSign');
    const verifyError = await rejection(jpki.verify('jpkiSign', inputOf(vector, 'jpkiSign')));
    return { flags, readError, status, verifyError };
  },
  [v.signPasswordNotIssued.name]: async (jpki) => {
    await jpki.select();
    const flags = await jpki.readCertificateFlags();
    const probe = await jpki.triesLeft('jpkiSign');
    return { flags, probe, notIssued: signPasswordNotIssued(flags, probe) };
  },
  [v.signPasswordBlocked.name]: async (jpki, vector) => {
    await jpki.select();
    const flags = await jpki.readCertificateFlags();
    for (let i = 0; i < 5; i++) await rejection(jpki.verify('jpkiSign', inputOf(vector, 'jpkiSign')));
    const probe = await jpki.triesLeft('jpkiSign');
    return { flags, probe, notIssued: signPasswordNotIssued(flags, probe) };
  },
  [v.childAuthCertificate.name]: async (jpki) => {
    await jpki.select();
    return certificateOf(jpki.readAuthCertificate());
  },
};

describeVectors('JPKI AP over src/vectors/jpki.vectors.ts', v.JPKI_VECTORS, (channel) => new JpkiApplet(channel), DRIVERS);

describe('the recorded §13.4 signature', () => {
  it('verifies with WebCrypto under the public key of the recorded auth certificate', async () => {
    const certificate = new pkijs.Certificate({ schema: asn1js.fromBER(copyBytes(fromHex(AUTH_CERTIFICATE))).result });
    const spki = certificate.subjectPublicKeyInfo.toSchema().toBER(false);
    const key = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    const message = copyBytes(utf8Bytes(inputOf(v.authSignature, 'message')));
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, copyBytes(fromHex(AUTH_SIGNATURE)), message)).toBe(true);
    expect(toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', message)), '')).toBe(MESSAGE_SHA256.replace(/\s/g, ''));
  });
});
