import { describe, expect, it } from 'vitest';
import { en } from './en';
import { errorMessage } from './errorMessages';
import { ja } from './ja';

/**
 * Claims the catalogs once overstated, held to what docs/card-reference.md supports. Each test
 * fails if the stronger wording comes back in either language.
 */
const all = (catalog: Record<string, string>) => Object.values(catalog).join('\n');

describe('what the screen may claim', () => {
  it('says services receive the authentication serial, not that every service records it (§12: [one])', () => {
    expect(all(en)).not.toMatch(/records? (this|its serial) number|Services record this number|services? (that see the certificate )?record it/);
    expect(all(ja)).not.toMatch(/この番号を記録|シリアル番号を記録|サービスが記録する番号/);
    expect(en['headline.auth']).toMatch(/receives this number/);
    expect(ja['headline.auth']).toMatch(/番号を受け取り/);
  });

  it('does not say the municipal office is the only way to reset a blocked PIN (§10: JPKI PINs also by phone and kiosk)', () => {
    expect(en['pinDialog.lastTry']).not.toMatch(/only/);
    expect(ja['pinDialog.lastTry']).not.toMatch(/しかできません/);
  });

  it('ties a signature certificate to the holder’s age when the certificate was issued, not the card (§12)', () => {
    for (const key of ['summary.fact.signatureCertificateExists', 'rowNote.jpki/0008'] as const) {
      expect(en[key]).not.toMatch(/when the card was issued/);
    }
    expect(ja['summary.fact.signatureCertificateExists']).toMatch(/その証明書の発行時/);
  });

  it('says the certificate expiry is usually a birthday, not always (§12: "both end with the card")', () => {
    expect(en['summary.fact.birthMonthDay']).toMatch(/usually/);
    expect(en['rowNote.jpki/000A']).toMatch(/usually/);
    expect(ja['summary.fact.birthMonthDay']).toMatch(/通常/);
    expect(ja['rowNote.jpki/000A']).toMatch(/通常/);
  });

  it('does not say a PaSoRi on a phone reads the card as a fact: no reader path is proven on hardware', () => {
    for (const key of ['start.nfc.body', 'start.nfc.detected'] as const) {
      expect(en[key]).toMatch(/not yet confirmed/);
      expect(ja[key]).toMatch(/確認はまだ/);
    }
    expect(all(en)).not.toMatch(/PaSoRi reader on USB-OTG can/);
  });

  it('credits the one-card measurements to their public source, not to a survey of ours', () => {
    expect(all(en)).not.toMatch(/the card surveyed/);
    expect(all(ja)).not.toMatch(/調査したカード/);
  });
});

describe('what the screen may claim about the simulator and PINs', () => {
  it('does not call the simulator faithful: nothing shows it behaves like a real chip beyond what the sources say', () => {
    expect(en['start.simulator.body']).not.toMatch(/faithful/i);
    expect(ja['start.simulator.body']).not.toMatch(/本物どおり/);
  });

  it('does not send someone to "the PIN you set at issuance" for a wrong PIN: 照合番号A/B and the birth-date key are not set by anyone', () => {
    expect(errorMessage('card/wrong-pin', 'en', { triesLeft: 2 })).not.toMatch(/issuance/);
    expect(errorMessage('card/wrong-pin', 'ja', { triesLeft: 2 })).not.toMatch(/交付時/);
  });

  it('keeps "full" birth date in Japanese too: the month and day are (probably) readable with no PIN', () => {
    expect(en['summary.notShown']).toMatch(/full birth date/);
    expect(ja['summary.notShown']).toMatch(/生まれ年を含む/);
  });

  it('says a move revokes the signature certificate, not the authentication one (§12: it survives a move)', () => {
    expect(en['certs.revocation']).toMatch(/for the signature certificate — a change of name, address/);
    expect(ja['certs.revocation']).toMatch(/署名用電子証明書は.*住所.*変更でも失効/);
  });
});
