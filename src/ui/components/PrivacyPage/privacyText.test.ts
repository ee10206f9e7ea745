import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../scripts/shared/securityHeaders';
import { BRIDGE_TOKEN_KEY } from '../../../platform/bridgeAccess';
import { PRIVACY_TEXT } from './privacyText';

const text = (language: 'en' | 'ja') => PRIVACY_TEXT[language].flatMap((s) => s.paragraphs).join(' ');

describe('privacy text', () => {
  it('says the same things in Japanese and English: same sections, same paragraph counts', () => {
    expect(PRIVACY_TEXT.ja.map((s) => s.paragraphs.length)).toEqual(PRIVACY_TEXT.en.map((s) => s.paragraphs.length));
  });

  it('tells a person how to verify it with the network panel, in both languages', () => {
    expect(text('en')).toMatch(/Network panel/);
    expect(text('ja')).toMatch(/ネットワーク/);
  });

  it('names every place the Content-Security-Policy lets the page connect to besides its own site', () => {
    const connectSrc = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
    const others = (connectSrc ?? '').split(/\s+/).slice(1).filter((source) => source !== "'self'");
    expect(others.length).toBeGreaterThan(0);
    for (const source of others) {
      const host = new URL(source).hostname;
      expect(text('en')).toContain(host);
      expect(text('ja')).toContain(host);
    }
  });

  it('owns up to the bridge key kept in local storage, not only the language', () => {
    expect(BRIDGE_TOKEN_KEY).toMatch(/bridge/);
    expect(text('en')).toMatch(/saved on this device are your language choice and, if you pair the MynaLens bridge, the key/);
    expect(text('ja')).toMatch(/保存するのは、表示言語の設定と、MynaLens ブリッジ.*鍵だけです/);
  });
});
