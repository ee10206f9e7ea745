import { describe, expect, it } from 'vitest';
import { asciiBytes, concatBytes, fromHex, hex16, toHex } from '../../bytes';
import { formatCommandHex, parseTranscript } from '../../transport';
import { SimulatedCard } from './SimulatedCard';
import { send } from './test-support/cardHarness';
import { verifyPkcs1Sha256, webSha256 } from './test-support/testKeys';
import { TEST_PINS, testPersonalisation } from './test-support/testPersonalisation';
import { asciiHex } from '../../vectors/hexText';
import { SELECT_AP, probeAfterSelect, selectEf } from '../../vectors/steps';

const { personalisation, keys } = await testPersonalisation();

/** Plays a transcript (docs/card-reference.md §13, house rule 7) against a card; every response must match byte for byte. */
function play(card: SimulatedCard, transcript: string): void {
  for (const exchange of parseTranscript(transcript)) {
    const command = Uint8Array.from(exchange.command.map((b) => b ?? 0));
    expect({ line: exchange.line, command: formatCommandHex(exchange.command), response: toHex(card.respond(command)) }).toEqual({
      line: exchange.line,
      command: formatCommandHex(exchange.command),
      response: toHex(exchange.response),
    });
  }
}

describe('canonical APDU flows (docs/card-reference.md §13)', () => {
  it('1. detects the card type by the JPKI token label', () => {
    play(
      new SimulatedCard(personalisation),
      `${SELECT_AP.jpki}
       ${selectEf('00 06')}
       => 00 B0 00 00 20
       <= ${asciiHex('JPKIAPICCTOKEN2'.padEnd(32, ' '))} 90 00`,
    );
  });

  it('2. reads every retry counter without spending one (jpki/myna pin status order)', () => {
    play(
      new SimulatedCard(personalisation),
      `${SELECT_AP.text}
       ${probeAfterSelect('00 11', '63 C3')}
       ${probeAfterSelect('00 14', '63 CA')}
       ${probeAfterSelect('00 15', '63 CA')}
       ${SELECT_AP.visual}
       ${probeAfterSelect('00 13', '63 CA')}
       ${probeAfterSelect('00 12', '63 CA')}
       ${SELECT_AP.jpki}
       ${probeAfterSelect('00 18', '63 C3')}
       ${probeAfterSelect('00 1B', '63 C5')}`,
    );
  });

  it('3. reads the auth certificate without a PIN: 4-byte header, then FC, then 256-byte chunks', () => {
    const card = new SimulatedCard(personalisation);
    const ef = personalisation.jpki.authCertificateEf;
    const total = ((ef[2]! << 8) | ef[3]!) + 4;
    play(card, `=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01\n<= 90 00\n=> 00 A4 02 0C 02 00 0A\n<= 90 00\n=> 00 B0 00 00 04\n<= ${toHex(ef.slice(0, 4))} 90 00`);
    expect(toHex(ef.slice(0, 2))).toBe('30 82');
    const parts = [ef.slice(0, 4), send(card, '00 B0 00 04 FC').data];
    for (let offset = 0x100; offset < total; offset += 0x100) {
      const le = Math.min(0x100, total - offset) & 0xff;
      const answer = send(card, `00 B0 ${hex16(offset)} ${toHex(Uint8Array.of(le))}`);
      expect(answer.sw).toBe('9000');
      parts.push(answer.data);
    }
    expect(concatBytes(...parts)).toEqual(ef.slice(0, total));
  });

  it('4. signs with the auth key: VERIFY 0018, SELECT 0017, 80 2A 00 80 33 DigestInfo 00', async () => {
    const card = new SimulatedCard(personalisation);
    const message = asciiBytes('canonical flow 4');
    const digestInfo = concatBytes(fromHex('30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20'), await webSha256(message));
    play(
      card,
      `${SELECT_AP.jpki}
       ${selectEf('00 18')}
       => 00 20 00 80 04 ${asciiHex(TEST_PINS.jpkiAuth)}
       <= 90 00
       ${selectEf('00 17')}`,
    );
    const answer = send(card, concatBytes(fromHex('80 2A 00 80 33'), digestInfo, fromHex('00')));
    expect(answer.sw).toBe('9000');
    expect(answer.data.length).toBe(256);
    expect(await verifyPkcs1Sha256(keys.jpkiAuth.publicJwk, message, answer.data)).toBe(true);
  });

  it('5. refuses the sign certificate without the sign password, reads it after', () => {
    const card = new SimulatedCard(personalisation);
    const ef = personalisation.jpki.signCertificateEf!;
    play(
      card,
      `${SELECT_AP.jpki}
       ${selectEf('00 01')}
       => 00 B0 00 00 04
       <= 69 82
       ${selectEf('00 1B')}
       => 00 20 00 80 08 ${asciiHex(TEST_PINS.jpkiSign!)}
       <= 90 00
       ${selectEf('00 01')}
       => 00 B0 00 00 04
       <= ${toHex(ef.slice(0, 4))} 90 00`,
    );
  });

  it('6. reads the My Number (17 bytes) and the basic-4 header after the text PIN', () => {
    const card = new SimulatedCard(personalisation);
    const basic = personalisation.text.basicFourEf;
    play(
      card,
      `${SELECT_AP.text}
       ${selectEf('00 11')}
       => 00 20 00 80 04 ${asciiHex(TEST_PINS.textPin)}
       <= 90 00
       ${selectEf('00 01')}
       => 00 B0 00 00 11
       <= FF 10 0C ${asciiHex(TEST_PINS.pinA)} FF FF 90 00
       ${selectEf('00 02')}
       => 00 B0 00 00 07
       <= ${toHex(basic.slice(0, 7))} 90 00`,
    );
    expect(toHex(basic.slice(0, 2))).toBe('FF 20');
  });

  it('7. reads the card face after 照合番号A: FF 20 82 HH LL header, then chunks', () => {
    const card = new SimulatedCard(personalisation);
    const face = personalisation.visual.cardFaceEf;
    play(
      card,
      `${SELECT_AP.visual}
       ${selectEf('00 13')}
       => 00 20 00 80 0C ${asciiHex(TEST_PINS.pinA)}
       <= 90 00
       ${selectEf('00 02')}
       => 00 B0 00 00 05
       <= ${toHex(face.slice(0, 5))} 90 00`,
    );
    expect(toHex(face.slice(0, 3))).toBe('FF 20 82');
    const total = ((face[3]! << 8) | face[4]!) + 5;
    const parts: Uint8Array[] = [];
    for (let offset = 0; offset < total; offset += 0x100) parts.push(send(card, `00 B0 ${hex16(offset)} 00`).data);
    expect(concatBytes(...parts).slice(0, total)).toEqual(face.slice(0, total));
  });

  it('8. blocks the text PIN: 63C2, 63C1, 63C0, then 6984 for any VERIFY and 63C0 for the query', () => {
    play(
      new SimulatedCard(personalisation),
      `${SELECT_AP.text}
       ${selectEf('00 11')}
       => 00 20 00 80 04 30 30 30 30
       <= 63 C2
       => 00 20 00 80 04 30 30 30 30
       <= 63 C1
       => 00 20 00 80 04 30 30 30 30
       <= 63 C0
       => 00 20 00 80 04 ${asciiHex(TEST_PINS.textPin)}
       <= 69 84
       => 00 20 00 80
       <= 63 C0`,
    );
  });

  it('A.5: OpenSC reads a 0x353-byte certificate ending with an exact Le at 0x300', () => {
    const card = new SimulatedCard(personalisation);
    const ef = personalisation.jpki.authCertificateEf;
    send(card, '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');
    send(card, '00 A4 02 0C 02 00 0A');
    const answer = send(card, '00 B0 02 00 E8');
    expect(answer.data).toEqual(ef.slice(0x200, 0x2e8));
    expect(answer.sw).toBe('9000');
  });
});
