import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../i18n/en';
import { translate, type Language } from '../i18n/translate';
import type { ReaderFact } from '../../protocol';
import { sayReaderFact } from './readerFactText';

const say = (language: Language, fact: ReaderFact) => sayReaderFact((key, values) => translate(language, key, values), fact);

describe('readerFactText', () => {
  it('says the ATQB facts in Japanese and English from keys and typed values', () => {
    expect(say('ja', { key: 'iso14443_4', compliant: true })).toEqual({ label: 'ISO 14443-4 準拠', value: 'はい' });
    expect(say('en', { key: 'iso14443_4', compliant: false })).toEqual({ label: 'ISO 14443-4 compliant', value: 'no' });
    expect(say('ja', { key: 'cidNad', cid: true, nad: false })).toEqual({ label: 'CID / NAD', value: 'はい / いいえ' });
    expect(say('en', { key: 'fscFsc', fsci: 8, fsc: 256 })).toEqual({ label: 'FSCI / FSC', value: '8 / 256 bytes' });
    expect(say('ja', { key: 'fscFsc', fsci: 8, fsc: 256 }).value).toBe('8 / 256 バイト');
    expect(say('en', { key: 'pupi', value: '01 02 03 04' })).toEqual({ label: 'PUPI', value: '01 02 03 04' });
  });

  it('names the known card, or says it is not in the list, in each language', () => {
    expect(say('ja', { key: 'knownCard', card: 'contactless' })).toEqual({
      label: '既知のカード',
      value: 'マイナンバーカード（非接触、ATQB から作った PC/SC ATR）— smartcard_list.txt',
    });
    expect(say('en', { key: 'knownCard', card: 'contact-ta1-13' }).value).toBe('My Number Card (contact) — smartcard_list.txt; TA1 13 asks for Di 4');
    expect(say('en', { key: 'knownCard', card: null }).value).toBe('not in the known-ATR list (tried all the same)');
    expect(say('ja', { key: 'knownCard', card: null }).value).toBe('既知の ATR 一覧にありません（それでも読み取りを試みます）');
  });

  it('says the bit rate, with the rates the card was not heard at', () => {
    expect(say('en', { key: 'bitRate', toCard: 424, toReader: 424, fellBackFrom: null }).value).toBe('424 / 424 kbit/s');
    expect(say('ja', { key: 'bitRate', toCard: 212, toReader: 212, fellBackFrom: { toCard: 424, toReader: 424 } }).value).toBe('212 / 212 kbit/s（424 / 424 では応答なし）');
  });

  it('says the negotiation, nested parts included, with no placeholder left', () => {
    const negotiated: ReaderFact = { key: 'negotiated', protocol: 'T=1', fiDi: '13', pps: { mode: 'none' }, setParameters: true, voltage: 'auto' };
    expect(say('en', negotiated)).toEqual({ label: 'Negotiated', value: 'T=1, Fi/Di 13, no PPS from the host, SetParameters sent, voltage chosen by the reader' });
    expect(say('ja', negotiated).value).toBe('T=1、Fi/Di 13、ホストからの PPS なし、SetParameters を送信、電圧はリーダーが選択');
    const pps: ReaderFact = { ...negotiated, pps: { mode: 'sent', bytes: 'FF 11 96 78' }, setParameters: false, voltage: '3V' };
    expect(say('en', pps).value).toBe('T=1, Fi/Di 13, PPS FF 11 96 78, the reader sets its own parameters, powered at 3V');
    expect(say('ja', { ...negotiated, pps: { mode: 'specific' } }).value).toContain('固定モード（TA2）のため PPS なし');
  });

  it('says the start-up sequence, and the ones that failed first', () => {
    expect(say('en', { key: 'startUpSequence', sequence: 'layer 3, flags 0010', failed: [] }).value).toBe('layer 3, flags 0010');
    const failed: ReaderFact = { key: 'startUpSequence', sequence: 'layer 3, flags 0010', failed: [{ sequence: 'layer 4', step: 'RF on' }] };
    expect(say('ja', failed).value).toBe('layer 3, flags 0010（先に失敗: layer 4 → RF on）');
  });

  it('every fact label and value key exists in both catalogs', () => {
    const keys = Object.keys(en).filter((k) => /^readerCheck\.(fact|knownCard|feature|pps|setParameters|voltage)\./.test(k)) as MessageKey[];
    for (const key of keys) for (const language of ['ja', 'en'] as const) expect([key, translate(language, key)]).not.toEqual([key, '']);
    expect(keys.length).toBeGreaterThan(40);
  });
});
