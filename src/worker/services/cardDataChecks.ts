import { MalformedDataError, fromHex } from '../../bytes';
import { malformedFile } from '../../cards/mynumber/errors';
import { exposureOf } from '../../cards/mynumber/exposure';
import { decodeCvCertificate } from '../../cards/mynumber/shared/cvCertificate';
import { TextApplet } from '../../cards/mynumber/text/TextApplet';
import { checkCardFace, checkTextIntegrity, type CardDataCheck } from '../../cards/mynumber/trust/cardDataChecks';
import { VisualApplet } from '../../cards/mynumber/visual/VisualApplet';
import type { AppletBase } from '../../cards/mynumber/AppletBase';
import { EngineFailure } from '../../protocol';
import type { CardDataCheckView, EngineMethods, PinKey } from '../../protocol';
import { readRow } from '../readRow';
import type { EngineSession } from '../session';
import { cvIssuerKeys } from './trustStores';

/** The bytes of a row read in this session, or null. */
function rowBytes(session: EngineSession, key: string): Uint8Array | null {
  const row = session.row(key);
  return row?.status === 'read' && row.content ? fromHex(row.content.rawHex) : null;
}

/** Reads the AP's free CV certificate EF 0004 (docs/card-reference.md §7.5). */
async function readCv(session: EngineSession, client: AppletBase): Promise<Uint8Array> {
  await client.select();
  const row = await readRow(session, client, exposureOf(client.applet, 0x0004), 'none');
  const bytes = rowBytes(session, row.key);
  if (!bytes) throw new EngineFailure('service/certificate-unreadable', `${row.key} could not be read`, { file: row.key });
  return bytes;
}

function view(which: CardDataCheckView['which'], check: CardDataCheck): CardDataCheckView {
  const cv = check.steps.find((s) => s.id === 'cvCertificate');
  return {
    which,
    state: 'checked',
    status: check.status,
    steps: check.steps,
    signerKeyId: check.signerKeyId,
    issuerKeyId: check.issuerKeyId,
    issuerKey: cv?.outcome === 'not-possible' ? 'unavailable' : 'simulator',
  };
}

async function issuersFor(cv: Uint8Array, source: string) {
  const id = decodeCvCertificate(cv, source).issuerKeyId;
  return cvIssuerKeys([id.label ?? id.hex]);
}

/**
 * `checkCardData` (docs/card-reference.md §7.4, §8.2): the text AP integrity record over the My Number
 * and basic four, and the visual AP card-face signature — over the files this session already
 * read (they need a PIN: the text PIN; PIN-A or PIN-B), with each AP's free CV certificate read
 * now. A check whose files are not read yet says which PINs open them.
 */
export async function checkCardData(session: EngineSession): Promise<EngineMethods['checkCardData']['result']> {
  const channel = session.channel();
  try {
    const checks: CardDataCheckView[] = [];
    const myNumber = rowBytes(session, 'text/0001');
    const basicFour = rowBytes(session, 'text/0002');
    const integrity = rowBytes(session, 'text/0003');
    if (myNumber && basicFour && integrity) {
      const cvCertificate = await readCv(session, new TextApplet(channel));
      const issuers = await issuersFor(cvCertificate, 'text AP EF 0004');
      checks.push(view('textIntegrity', await checkTextIntegrity({ myNumber, basicFour, integrity, cvCertificate }, issuers)));
    } else {
      checks.push({ which: 'textIntegrity', state: 'needs-pin', needs: ['textPin'] satisfies PinKey[] });
    }
    const cardFace = rowBytes(session, 'visual/0002');
    if (cardFace) {
      const cvCertificate = await readCv(session, new VisualApplet(channel));
      const issuers = await issuersFor(cvCertificate, 'visual AP EF 0004');
      checks.push(view('cardFace', await checkCardFace({ cardFace, cvCertificate }, issuers)));
    } else {
      checks.push({ which: 'cardFace', state: 'needs-pin', needs: ['visualPinA', 'visualPinB'] satisfies PinKey[] });
    }
    return { checks };
  } catch (error) {
    throw error instanceof MalformedDataError ? malformedFile(error) : error;
  }
}
