import { asciiString } from '../../../bytes';
import { SW, StatusWordError, iso7816, type ApduChannel } from '../../../apdu';
import { CardError } from '../errors';
import { APPLETS, JPKI_FILES } from '../identifiers';

/**
 * The client's view of the JPKI AP (card reference §6): selects it, reads its files, and turns
 * status words into what they mean here.
 */
export class JpkiApplet {
  constructor(private readonly channel: ApduChannel) {}

  /** SELECT the JPKI AP by name (§2); 6A82 means this card has no JPKI AP. */
  async select(): Promise<void> {
    try {
      await this.channel.send(iso7816.selectByName(APPLETS.jpki.aid));
    } catch (error) {
      if (error instanceof StatusWordError && error.sw === SW.FILE_NOT_FOUND) {
        throw new CardError('card/applet-not-found', 'the card has no JPKI applet', { applet: 'jpki' });
      }
      throw error;
    }
  }

  /**
   * The 32-byte token label of EF 0006 without its space padding (§6.3, flow §13.1):
   * `JPKIAPICCTOKEN2` on a My Number Card. Call after `select()`.
   */
  async readTokenLabel(): Promise<string> {
    await this.channel.send(iso7816.selectEf(JPKI_FILES.tokenInfo));
    const label = await this.channel.send(iso7816.readBinary(0, 0x20));
    return asciiString(label).replace(/[\s\0]+$/, '');
  }
}
