import { MalformedDataError, wipe } from '../../bytes';
import { SW, StatusWordError, iso7816, retriesLeft, type ApduChannel } from '../../apdu';
import { DECODERS, prepareDecoder, type DecodedView, type DecoderId } from './decoders';
import { appletNotFound, fileNotFound, malformedFile, pinBlocked, pinRequired, unexpectedStatus, wrongPin } from './errors';
import { exposureOf, openedBy, type ExposureEntry, type FileLayout } from './exposure';
import { FileAddressing } from './addressing';
import { readRestAfterFirst, readTransparent } from './fileReader';
import { APPLETS, fileLabel } from './identifiers';
import { PINS, validatePin, type PinApplet, type PinId } from './pin';

/** A credential's counter as an empty VERIFY reports it (docs/card-reference.md §2 "VERIFY, query only"). */
export interface PinStatus {
  readonly pinId: PinId;
  /** Tries left; the maximum when the card says the PIN is already verified (a right VERIFY resets it, §10). */
  readonly triesLeft: number;
  readonly maxTries: number;
  readonly blocked: boolean;
  /** The card answered 9000: verified earlier in this DF session ("some cards", §2). */
  readonly verified: boolean;
}

/**
 * What every applet client shares (docs/card-reference.md §2, §3, §5): SELECT by AID, the tries-left
 * probe, VERIFY with the format checked first, and whole-file reads that turn status words into
 * domain errors in context (house rule 4). Subclasses add the applet's typed reads.
 */
export abstract class AppletBase {
  protected readonly addressing: FileAddressing;

  /**
   * `addressing` is the card's command forms, shared by every client of one connection
   * (`addressing.ts`); without one the client uses SELECT-then-command, the forms of §13.
   */
  protected constructor(
    protected readonly channel: ApduChannel,
    readonly applet: PinApplet,
    addressing?: FileAddressing,
  ) {
    this.addressing = addressing ?? FileAddressing.selectThenCommand();
  }

  /** SELECT the applet by name, `00 A4 04 0C 0A <AID>` (§2); 6A82 → `card/applet-not-found`. */
  async select(): Promise<void> {
    const { aid, label } = APPLETS[this.applet];
    try {
      await this.channel.send(iso7816.selectByName(aid));
    } catch (error) {
      if (error instanceof StatusWordError && error.sw === SW.FILE_NOT_FOUND) throw appletNotFound(this.applet, label);
      throw this.translate(error, `SELECT ${label}`);
    }
  }

  /**
   * Tries left on one of this applet's credentials without spending one (§2, §13.2): `00 20 00
   * 80|SFI` with no data — or, SELECT-then-command, SELECT of the key EF and `00 20 00 80`.
   * 63Cx → x (63C0: blocked); 9000 → verified.
   */
  async triesLeft(pinId: PinId): Promise<PinStatus> {
    const spec = this.pinSpec(pinId);
    const context = `VERIFY (tries left) ${spec.name}`;
    let sw: number | null = null;
    if (this.addressing.mode === 'short-ef-id') {
      const probe = iso7816.verifyStatus(spec.keyEf);
      sw = (await this.channel.exchange(probe)).sw;
      if (this.addressing.refusesForm(sw)) {
        this.addressing.fallBack(probe, sw);
        sw = null;
      } else if (sw === SW.FILE_NOT_FOUND) {
        throw fileNotFound(fileLabel(this.applet, spec.keyEf));
      }
    }
    if (sw === null) {
      await this.selectEf(spec.keyEf);
      sw = (await this.channel.exchange(iso7816.verifyStatus())).sw;
    }
    const base = { pinId, maxTries: spec.maxTries };
    if (sw === SW.OK) return { ...base, triesLeft: spec.maxTries, blocked: false, verified: true };
    const tries = retriesLeft(sw);
    if (tries !== null) return { ...base, triesLeft: tries, blocked: tries === 0, verified: false };
    if (sw === SW.REFERENCE_DATA_BLOCKED || sw === SW.AUTH_METHOD_BLOCKED) return { ...base, triesLeft: 0, blocked: true, verified: false };
    throw unexpectedStatus(new StatusWordError(sw, '00 20 00 80'), context);
  }

  /**
   * Presents a credential (§2, §13.4–§13.8). The format is checked before any APDU is built
   * (house rule 5); then `00 20 00 80|SFI Lc <ASCII>` — or SELECT of the key EF and `00 20 00 80
   * Lc <ASCII>`; a card refusing the SFI form counts no try for it (§4). 9000 → verified in
   * this DF session (§5); 63Cx → `card/wrong-pin` with x; 63C0 → the try that blocked it;
   * 6984 (or ISO 6983) → already blocked. The PIN bytes are wiped whatever happens.
   */
  async verify(pinId: PinId, input: string): Promise<void> {
    const spec = this.pinSpec(pinId);
    let pin = validatePin(pinId, input);
    try {
      let sw: number | null = null;
      if (this.addressing.mode === 'short-ef-id') {
        const command = iso7816.verify(pin, spec.keyEf);
        sw = (await this.channel.exchange(command)).sw;
        if (this.addressing.refusesForm(sw)) {
          this.addressing.fallBack(command, sw);
          sw = null;
          // The channel wiped the PIN bytes it sent; take them again for the SELECT-then-VERIFY form.
          pin = validatePin(pinId, input);
        }
      }
      if (sw === null) {
        await this.selectEf(spec.keyEf);
        sw = (await this.channel.exchange(iso7816.verify(pin))).sw;
      }
      if (sw === SW.OK) return;
      const tries = retriesLeft(sw);
      if (tries !== null) throw tries === 0 ? pinBlocked(pinId) : wrongPin(pinId, tries);
      if (sw === SW.REFERENCE_DATA_BLOCKED || sw === SW.AUTH_METHOD_BLOCKED) throw pinBlocked(pinId);
      throw unexpectedStatus(new StatusWordError(sw, '00 20 00 80'), `VERIFY ${spec.name}`);
    } finally {
      wipe(pin);
    }
  }

  /**
   * Reads one EF of this applet with the fewest APDUs (§3), as its exposure entry describes. A
   * transparent EF: `00 B0 80|SFI 00` with Le = 00 (a fixed-size one with its size; on an
   * extended path, one whose size the reference's layout fixes with that size), then, where
   * the object is longer than the first answer, the rest of the current EF — one exact extended
   * READ, or 256-byte steps on a short-only path. A record EF, or SELECT-then-command: SELECT EF
   * (6A82 → `card/file-not-found`), then the reads. 6982 → `card/pin-required` naming the
   * credentials that open it. Returns the object's bytes without filler (empty when the EF
   * holds only filler).
   */
  async readFile(fileId: number): Promise<Uint8Array> {
    const entry = exposureOf(this.applet, fileId);
    const file = fileLabel(this.applet, fileId);
    if (entry.layout.kind === 'none' || entry.layout.kind === 'data-object') throw new RangeError(`${file} is not read by MynaLens`);
    if (entry.layout.kind !== 'record' && this.addressing.mode === 'short-ef-id') {
      const bytes = await this.readBySfi(entry, entry.layout, file);
      if (bytes) return bytes;
    }
    await this.selectEf(fileId);
    try {
      if (entry.layout.kind === 'record') return await this.channel.send(iso7816.readRecord(entry.layout.record, entry.layout.size));
      return await readTransparent(this.channel, entry.layout, file);
    } catch (error) {
      throw this.translate(error, `READ ${file}`, entry);
    }
  }

  /**
   * Shows that the credentials verified now open a file whose bytes the session already holds
   * (§5), without reading it all again: `00 B0 80|SFI 00 01`, one byte, which must be the
   * object's first; SELECT-then-command reads the whole file as `readFile` does. 6982 →
   * `card/pin-required`. Returns the bytes read, a prefix of the file's object.
   */
  async proveAccess(fileId: number): Promise<Uint8Array> {
    const entry = exposureOf(this.applet, fileId);
    if (entry.layout.kind !== 'tlv' && entry.layout.kind !== 'fixed') return this.readFile(fileId);
    if (this.addressing.mode !== 'short-ef-id') return this.readFile(fileId);
    const file = fileLabel(this.applet, fileId);
    const command = iso7816.readBinaryBySfi(fileId, 0, 1);
    try {
      const response = await this.channel.exchange(command);
      if (this.addressing.refusesForm(response.sw)) {
        this.addressing.fallBack(command, response.sw);
        return await this.readFile(fileId);
      }
      if (response.sw !== SW.OK) throw StatusWordError.forCommand(command, response.sw, response.data);
      return response.data;
    } catch (error) {
      if (error instanceof StatusWordError && error.sw === SW.FILE_NOT_FOUND) throw fileNotFound(file);
      throw this.translate(error, `READ ${file}`, entry);
    }
  }

  /** The short-EF-ID read of `readFile`; null when the card refuses the form (it has fallen back). */
  private async readBySfi(entry: ExposureEntry, layout: FileLayout & { kind: 'tlv' | 'fixed' }, file: string): Promise<Uint8Array | null> {
    const first = iso7816.readBinaryBySfi(entry.fileId, 0, firstReadSize(layout, this.channel.extendedLength));
    try {
      const response = await this.channel.exchange(first);
      if (this.addressing.refusesForm(response.sw)) {
        this.addressing.fallBack(first, response.sw);
        return null;
      }
      if (response.sw !== SW.OK) throw StatusWordError.forCommand(first, response.sw, response.data);
      return layout.kind === 'fixed' ? response.data : await readRestAfterFirst(this.channel, response.data, first.ne ?? 256, layout, file);
    } catch (error) {
      if (error instanceof StatusWordError && error.sw === SW.FILE_NOT_FOUND) throw fileNotFound(file);
      throw this.translate(error, `READ ${file}`, entry);
    }
  }

  /** Reads a file and decodes it with the decoder its exposure entry names (§6–§9). */
  protected async readDecoded<D extends DecoderId>(fileId: number, decoder: D): Promise<DecodedView<D>> {
    const bytes = await this.readFile(fileId);
    await prepareDecoder(decoder);
    return this.decode(fileId, decoder, bytes);
  }

  /** Runs a decoder; bad bytes become `card/malformed-file` with file and offset (house rule 3). */
  protected decode<D extends DecoderId>(fileId: number, decoder: D, bytes: Uint8Array): DecodedView<D> {
    try {
      return (DECODERS[decoder] as (b: Uint8Array, s: string) => DecodedView<D>)(bytes, fileLabel(this.applet, fileId));
    } catch (error) {
      throw this.translate(error, `decode ${fileLabel(this.applet, fileId)}`);
    }
  }

  /** SELECT EF by FID, `00 A4 02 0C 02 <FID>` (§2); 6A82 → `card/file-not-found`. */
  protected async selectEf(fileId: number): Promise<void> {
    try {
      await this.channel.send(iso7816.selectEf(fileId));
    } catch (error) {
      if (error instanceof StatusWordError && error.sw === SW.FILE_NOT_FOUND) throw fileNotFound(fileLabel(this.applet, fileId));
      throw this.translate(error, `SELECT ${fileLabel(this.applet, fileId)}`);
    }
  }

  /** Status words and bad data in context (house rule 4); anything else passes through. */
  protected translate(error: unknown, context: string, entry?: ExposureEntry): unknown {
    if (error instanceof MalformedDataError) return malformedFile(error);
    if (!(error instanceof StatusWordError)) return error;
    if (error.sw === SW.SECURITY_STATUS_NOT_SATISFIED && entry) return pinRequired(fileLabel(this.applet, entry.fileId), openedBy(entry));
    return unexpectedStatus(error, context);
  }

  /** The credential's spec; one of another applet is a programming error, caught before any APDU. */
  protected pinSpec(pinId: PinId) {
    const spec = PINS[pinId];
    if (!spec || spec.applet !== this.applet) throw new RangeError(`${String(pinId)} is not a credential of the ${this.applet} applet`);
    return spec;
  }
}

/**
 * Le of the first SFI READ (§3): a fixed file's size; on an extended path, the size the
 * reference's byte layout gives a `tlv` object (§7.5, §8.1), so one READ brings all of it;
 * else 256 (Le = 00). The header still decides what is kept and whether more is read.
 */
function firstReadSize(layout: FileLayout & { kind: 'tlv' | 'fixed' }, extendedLength: boolean): number {
  if (layout.kind === 'fixed') return layout.size;
  return extendedLength && layout.formatSize !== undefined && layout.formatSize > 256 ? layout.formatSize : 256;
}
