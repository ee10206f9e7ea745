import { describe, expect, it } from 'vitest';
import { USB_ACCESS_ERROR_CODES } from '../../usb/permission';
import { KNOWN_ERROR_CODES, errorMessage } from './errorMessages';

/** Every code the UI can show: card errors, PIN checks, transcripts, transports and the engine. */
const SHOWN_BY_UI = [
  'engine/not-connected', 'engine/internal', 'engine/stopped', 'engine/restarted', 'engine/unknown-request',
  'card/applet-not-found', 'card/not-my-number-card', 'card/wrong-pin', 'card/pin-blocked', 'card/pin-required',
  'card/file-not-found', 'card/malformed-file', 'card/extended-length-required', 'card/unexpected-status',
  'pin/format', 'pin/confirm-last-try', 'transcript/invalid',
  'transport/device-lost', 'transport/card-removed', 'transport/busy', 'transport/closed', 'transport/timeout',
  'transport/protocol', 'transport/replay-exhausted', 'transport/replay-mismatch', 'transport/replay-not-recorded', 'transport/replay-withheld',
  'engine/not-a-reader', ...USB_ACCESS_ERROR_CODES,
  'smartcard/unavailable', 'smartcard/not-allowed', 'smartcard/failed', 'nfc/unavailable', 'nfc/not-allowed',
  'engine/bad-request', 'service/no-auth-certificate', 'service/certificate-unreadable',
  'sign/no-certificate', 'sign/empty-document', 'sign/too-large',
  'transport/bridge-lost', 'bridge/unreachable', 'bridge/network-denied', 'bridge/origin-refused', 'bridge/not-paired',
  'bridge/wrong-token', 'bridge/busy', 'bridge/wrong-code', 'bridge/code-retired', 'bridge/lost',
];

describe('error catalog', () => {
  it.each(SHOWN_BY_UI)('%s has a Japanese and an English message', (code) => {
    expect(KNOWN_ERROR_CODES).toContain(code);
    expect(errorMessage(code, 'en').length).toBeGreaterThan(20);
    expect(errorMessage(code, 'ja')).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it.each(KNOWN_ERROR_CODES)('%s ends with what to do next in both languages', (code) => {
    expect(errorMessage(code, 'en')).toMatch(/[.)]$/);
    expect(errorMessage(code, 'ja')).toMatch(/[。）]$/);
  });

  it('fills the new count of a wrong PIN from the details', () => {
    expect(errorMessage('card/wrong-pin', 'en', { triesLeft: 2 })).toContain('2 tries left');
    expect(errorMessage('card/wrong-pin', 'ja', { triesLeft: 2 })).toContain('残り 2 回');
  });

  it('falls back to the internal message for an unknown code', () => {
    expect(errorMessage('nope/nothing', 'en')).toBe(errorMessage('engine/internal', 'en'));
  });
});
