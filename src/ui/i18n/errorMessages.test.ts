import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../protocol';
import { errorInfo } from '../store/errorInfo';
import { errorMessage } from './errorMessages';

const KANA = /[ぁ-んァ-ン]/;

describe('error catalog', () => {
  it('walks every ErrorCode', () => {
    expect(ERROR_CODES.length).toBeGreaterThan(60);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it.each(ERROR_CODES)('%s has a Japanese and an English message, the Japanese not the English copied', (code) => {
    const en = errorMessage(code, 'en');
    const ja = errorMessage(code, 'ja');
    expect(en.length).toBeGreaterThan(20);
    expect(en).not.toMatch(KANA);
    expect(ja).toMatch(KANA);
    expect(ja).not.toBe(en);
    // Commands and placeholders may be shared; a sentence of the English may not.
    expect(ja).not.toContain(en.slice(0, 24));
  });

  it.each(ERROR_CODES)('%s ends with what to do next in both languages', (code) => {
    expect(errorMessage(code, 'en')).toMatch(/[.)]$/);
    expect(errorMessage(code, 'ja')).toMatch(/[。）]$/);
  });

  it('fills the new count of a wrong PIN from the details', () => {
    expect(errorMessage('card/wrong-pin', 'en', { triesLeft: 2 })).toContain('2 tries left');
    expect(errorMessage('card/wrong-pin', 'ja', { triesLeft: 2 })).toContain('残り 2 回');
  });

  it('says a code this version does not know is unknown to it, and names the code', () => {
    // As an error of another version's platform or worker arrives: a plain object with a string code.
    const info = errorInfo(Object.assign(new Error('from the future'), { code: 'transport/quantum-tunnel' }));
    expect(info).toEqual({ code: 'engine/unknown-error', details: { code: 'transport/quantum-tunnel' } });
    expect(errorMessage(info.code, 'en', info.details)).toContain('(transport/quantum-tunnel) that this version has no description for');
    expect(errorMessage(info.code, 'ja', info.details)).toContain('このバージョンでは説明できないエラー（transport/quantum-tunnel）');
  });

  it('checks the code again where an event carried it unchecked', () => {
    const reason: { code: never } = JSON.parse('{"code":"nope/nothing"}');
    expect(errorMessage(reason.code, 'en')).toBe(errorMessage('engine/unknown-error', 'en', { code: 'nope/nothing' }));
  });

  it('reads an error without a code as engine/internal', () => {
    expect(errorInfo(new Error('plain'))).toEqual({ code: 'engine/internal', details: {} });
    expect(errorInfo('a string')).toEqual({ code: 'engine/internal', details: {} });
  });
});
