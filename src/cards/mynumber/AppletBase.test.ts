import { describe, expect, it } from 'vitest';
import { toHex } from '../../bytes';
import { ApduChannel } from '../../apdu';
import { ReplayTransport } from '../../transport';
import { CommonApplet } from './common/CommonApplet';
import { JpkiApplet } from './jpki/JpkiApplet';
import { JukiApplet } from './juki/JukiApplet';
import { TextApplet } from './text/TextApplet';
import { VisualApplet } from './visual/VisualApplet';
import { PinFormatError, type PinId } from './pin';
import type { AppletBase } from './AppletBase';
import { FileAddressing } from './addressing';

const SELECT_JPKI = '=> 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01\n<= 90 00\n';
const SELECT_TEXT = '=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08\n<= 90 00\n';

function over<T>(transcript: string, make: (channel: ApduChannel) => T, extendedLength = false) {
  const replay = new ReplayTransport(transcript, { extendedLength });
  return { applet: make(new ApduChannel(replay)), replay };
}

async function failure(promise: Promise<unknown>): Promise<Error & { code?: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

describe('malformed credentials never reach the card (house rule 5)', () => {
  const APPLETS: Readonly<Record<string, (c: ApduChannel) => AppletBase>> = {
    jpki: (c) => new JpkiApplet(c),
    text: (c) => new TextApplet(c),
    visual: (c) => new VisualApplet(c),
    common: (c) => new CommonApplet(c),
    juki: (c) => new JukiApplet(c),
  };
  const CASES: readonly [PinId, string, string][] = [
    ['jpkiAuth', 'jpki', '12345'],
    ['jpkiSign', 'jpki', 'password'],
    ['textPin', 'text', '12a4'],
    ['textPinA', 'text', '12345678901'],
    ['textPinB', 'text', '600612203548'],
    ['visualBirth', 'visual', 'S600612'],
    ['visualPinA', 'visual', '1234 5678 9018'],
    ['visualPinB', 'visual', '6006122035482X'],
    ['commonPin', 'common', ''],
    ['jukiPin', 'juki', '０１２３'],
  ];

  it.each(CASES)('%s: PinFormatError and no APDU', async (pinId, applet, input) => {
    // An empty transcript: any transmit would fail with transport/replay-exhausted instead.
    const { applet: client, replay } = over('', APPLETS[applet]!);
    const error = await failure(client.verify(pinId, input));
    expect(error).toBeInstanceOf(PinFormatError);
    expect(error.details).toMatchObject({ pinId });
    expect(replay.remaining).toBe(0);
    replay.assertComplete();
  });

  it("refuses another applet's credential before any APDU", async () => {
    const { applet } = over('', (c) => new TextApplet(c));
    await expect(applet.verify('visualPinA', '123456789018')).rejects.toThrow(RangeError);
    await expect(applet.triesLeft('jpkiAuth')).rejects.toThrow(RangeError);
  });
});

describe('status words in context (docs/card-reference.md §4, house rule 4)', () => {
  it('6A82 on SELECT of the applet → card/applet-not-found', async () => {
    const { applet } = over('=> 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02\n<= 6A 82\n', (c) => new VisualApplet(c));
    expect(await failure(applet.select())).toMatchObject({ code: 'card/applet-not-found', details: { applet: 'visual' } });
  });

  it('6A82 on SELECT EF → card/file-not-found naming the file', async () => {
    const { applet } = over(`${SELECT_TEXT}=> 00 A4 02 0C 02 00 05\n<= 6A 82\n`, (c) => new TextApplet(c));
    await applet.select();
    expect(await failure(applet.readBasicInfo())).toMatchObject({ code: 'card/file-not-found', details: { file: 'text AP EF 0005' } });
  });

  it('6982 on READ → card/pin-required with the credentials that open it', async () => {
    const { applet, replay } = over(`${SELECT_TEXT}=> 00 A4 02 0C 02 00 01\n<= 90 00\n=> 00 B0 00 00 11\n<= 69 82\n`, (c) => new TextApplet(c));
    await applet.select();
    const error = await failure(applet.readMyNumber());
    expect(error).toMatchObject({ code: 'card/pin-required', details: { file: 'text AP EF 0001', openedBy: 'textPin,textPinA' } });
    replay.assertComplete();
  });

  it.each([
    ['63 C2', { code: 'card/wrong-pin', details: { pinId: 'jpkiAuth', triesLeft: 2 } }],
    ['63 C1', { code: 'card/wrong-pin', details: { pinId: 'jpkiAuth', triesLeft: 1 } }],
    ['63 C0', { code: 'card/pin-blocked', details: { pinId: 'jpkiAuth', triesLeft: 0 } }],
    ['69 84', { code: 'card/pin-blocked' }],
    ['69 83', { code: 'card/pin-blocked' }],
    ['6A 86', { code: 'card/unexpected-status', details: { sw: '6A86' } }],
  ])('VERIFY answered %s', async (sw, expected) => {
    const transcript = `=> 00 A4 02 0C 02 00 18\n<= 90 00\n=> 00 20 00 80 04 39 39 39 39\n<= ${sw}\n`;
    const { applet, replay } = over(transcript, (c) => new JpkiApplet(c));
    expect(await failure(applet.verify('jpkiAuth', '9999'))).toMatchObject(expected);
    replay.assertComplete();
  });

  it.each([
    ['63 C3', { triesLeft: 3, blocked: false, verified: false }],
    ['63 C0', { triesLeft: 0, blocked: true, verified: false }],
    ['90 00', { triesLeft: 3, blocked: false, verified: true }],
    ['69 84', { triesLeft: 0, blocked: true, verified: false }],
  ])('empty VERIFY answered %s', async (sw, expected) => {
    const { applet } = over(`=> 00 A4 02 0C 02 00 11\n<= 90 00\n=> 00 20 00 80\n<= ${sw}\n`, (c) => new TextApplet(c));
    expect(await applet.triesLeft('textPin')).toEqual({ pinId: 'textPin', maxTries: 3, ...expected });
  });
});

describe('reading files with the fewest APDUs (docs/card-reference.md §3)', () => {
  const CERT_HEADER = '=> 00 A4 02 0C 02 00 0B\n<= 90 00\n=> 00 B0 00 00 04\n<= 30 82 01 10 90 00\n';

  it('reads header then remainder in one extended READ BINARY when the reader allows it', async () => {
    const body = '11 '.repeat(0x110).trim();
    const { applet, replay } = over(`${CERT_HEADER}=> 00 B0 00 04 00 01 10\n<= ${body} 90 00\n`, (c) => new JpkiApplet(c), true);
    const bytes = await applet.readFile(0x000b);
    expect(bytes.length).toBe(0x114);
    expect(toHex(bytes.subarray(0, 5))).toBe('30 82 01 10 11');
    replay.assertComplete();
  });

  it('reads in chunks ending on 256-byte boundaries over short APDUs', async () => {
    const transcript = `${CERT_HEADER}=> 00 B0 00 04 FC\n<= ${'22 '.repeat(0xfc)}90 00\n=> 00 B0 01 00 14\n<= ${'33 '.repeat(0x14)}90 00\n`;
    const { applet, replay } = over(transcript, (c) => new JpkiApplet(c));
    expect((await applet.readFile(0x000b)).length).toBe(0x114);
    replay.assertComplete();
  });

  it('a file shorter than its header says → card/malformed-file at the offset where it ends', async () => {
    const transcript = `${CERT_HEADER}=> 00 B0 00 04 FC\n<= ${'22 '.repeat(0xfc)}90 00\n=> 00 B0 01 00 14\n<= 6B 00\n`;
    const { applet } = over(transcript, (c) => new JpkiApplet(c));
    expect(await failure(applet.readFile(0x000b))).toMatchObject({ code: 'card/malformed-file', details: { file: 'JPKI AP EF 000B', offset: 0x100 } });
    const short = `${CERT_HEADER}=> 00 B0 00 04 FC\n<= ${'22 '.repeat(0x10)}90 00\n`;
    expect(await failure(over(short, (c) => new JpkiApplet(c)).applet.readFile(0x000b))).toMatchObject({
      code: 'card/malformed-file',
      details: { offset: 0x14 },
    });
  });

  it('an EF holding only filler reads as no certificate', async () => {
    const transcript = `${SELECT_JPKI}=> 00 A4 02 0C 02 00 0A\n<= 90 00\n=> 00 B0 00 00 04\n<= 00 00 00 00 90 00\n`;
    const { applet, replay } = over(transcript, (c) => new JpkiApplet(c));
    await applet.select();
    expect(await applet.readAuthCertificate()).toBeNull();
    replay.assertComplete();
  });

  describe('a file whose size the layout fixes (§7.5: a CV certificate is 0x238 bytes)', () => {
    const cv = (valueLength: number) => `7F 21 82 ${toHex(Uint8Array.of(valueLength >> 8, valueLength & 0xff))} ${'44 '.repeat(valueLength)}`.trim();
    const text = (transcript: string, extendedLength: boolean) => over(transcript, (c) => new TextApplet(c, new FileAddressing()), extendedLength);

    it('comes in one SFI READ of that size on an extended path', async () => {
      const { applet, replay } = text(`=> 00 B0 84 00 00 02 38
<= ${cv(0x233)} 90 00
`, true);
      expect((await applet.readFile(0x0004)).length).toBe(0x238);
      replay.assertComplete();
    });

    it('keeps Le = 00 and reads the rest on a short-only path', async () => {
      const body = cv(0x233).split(' ');
      const transcript = `=> 00 B0 84 00 00
<= ${body.slice(0, 256).join(' ')} 90 00
=> 00 B0 01 00 00
<= ${body.slice(256, 512).join(' ')} 90 00
=> 00 B0 02 00 38
<= ${body.slice(512).join(' ')} 90 00
`;
      const { applet, replay } = text(transcript, false);
      expect((await applet.readFile(0x0004)).length).toBe(0x238);
      replay.assertComplete();
    });

    it('a card whose object is longer than the layout says: the rest is read, exactly', async () => {
      const body = cv(0x243).split(' ');
      const transcript = `=> 00 B0 84 00 00 02 38
<= ${body.slice(0, 0x238).join(' ')} 90 00
=> 00 B0 02 38 10
<= ${body.slice(0x238).join(' ')} 90 00
`;
      const { applet, replay } = text(transcript, true);
      expect(toHex(await applet.readFile(0x0004))).toBe(body.join(' '));
      replay.assertComplete();
    });

    it('a file that ends before its header does → card/malformed-file where it ends', async () => {
      const body = cv(0x233).split(' ');
      const { applet } = text(`=> 00 B0 84 00 00 02 38
<= ${body.slice(0, 0x200).join(' ')} 90 00
`, true);
      expect(await failure(applet.readFile(0x0004))).toMatchObject({ code: 'card/malformed-file', details: { offset: 0x200 } });
    });
  });

  it('refuses to read a key EF, before any APDU', async () => {
    const { applet } = over('', (c) => new JpkiApplet(c));
    await expect(applet.readFile(0x0017)).rejects.toThrow(RangeError);
  });
});

describe('signing (docs/card-reference.md §6.5)', () => {
  it('6982 → card/pin-required naming the key PIN', async () => {
    const digestInfo = '30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20 ' + '00 '.repeat(32);
    const transcript = `=> 00 A4 02 0C 02 00 17\n<= 90 00\n=> 80 2A 00 80 33 ${digestInfo}00\n<= 69 82\n`;
    const { applet } = over(transcript, (c) => new JpkiApplet(c));
    const input = Uint8Array.from(digestInfo.trim().split(' '), (h) => parseInt(h, 16));
    expect(await failure(applet.sign('auth', input))).toMatchObject({
      code: 'card/pin-required',
      details: { file: 'JPKI AP EF 0017', openedBy: 'jpkiAuth' },
    });
  });

  it('refuses an input the card cannot pad, before any APDU', async () => {
    const { applet } = over('', (c) => new JpkiApplet(c));
    await expect(applet.sign('sign', new Uint8Array(246))).rejects.toThrow(RangeError);
    await expect(applet.sign('sign', new Uint8Array(0))).rejects.toThrow(RangeError);
  });
});
