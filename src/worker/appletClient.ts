import type { ApduChannel } from '../apdu';
import type { AppletBase } from '../cards/mynumber/AppletBase';
import type { FileAddressing } from '../cards/mynumber/addressing';
import { CommonApplet } from '../cards/mynumber/common/CommonApplet';
import { JpkiApplet } from '../cards/mynumber/jpki/JpkiApplet';
import { JukiApplet } from '../cards/mynumber/juki/JukiApplet';
import type { PinApplet } from '../cards/mynumber/pin';
import { TextApplet } from '../cards/mynumber/text/TextApplet';
import { VisualApplet } from '../cards/mynumber/visual/VisualApplet';

const CLIENTS: Readonly<Record<PinApplet, new (channel: ApduChannel, addressing?: FileAddressing) => AppletBase>> = {
  jpki: JpkiApplet,
  text: TextApplet,
  visual: VisualApplet,
  common: CommonApplet,
  juki: JukiApplet,
};

/** The card client of one applet (docs/card-reference.md §9.1), in the card's command forms (§3). */
export function appletClient(applet: PinApplet, channel: ApduChannel, addressing?: FileAddressing): AppletBase {
  return new CLIENTS[applet](channel, addressing);
}

