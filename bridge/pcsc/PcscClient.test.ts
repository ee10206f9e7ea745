import { describe, expect, it } from 'vitest';
import { FakePcscLibrary } from './FakePcscLibrary';
import { PcscClient, flagsToState, parseMultiString, stateToFlags } from './PcscClient';
import { PcscError, SCARD, responseCodeOf } from './pcscConstants';

const ATR = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);
const OK = Uint8Array.of(0x90, 0x00);

function rig(): { lib: FakePcscLibrary; client: PcscClient } {
  const lib = new FakePcscLibrary().addReader('Reader A').addReader('Reader B');
  lib.insertCard('Reader A', ATR, () => OK);
  return { lib, client: new PcscClient(lib) };
}

/** The PcscError a promise rejects with. */
async function pcscFailure(promise: Promise<unknown>): Promise<PcscError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PcscError);
  return error as PcscError;
}

describe('PC/SC return codes → the page’s SmartCardResponseCode', () => {
  it('maps the codes a session meets, by their pcsc-lite values', () => {
    expect(responseCodeOf(0x8010000c)).toBe('no-smartcard');
    expect(responseCodeOf(0x80100069)).toBe('removed-card');
    expect(responseCodeOf(0x8010000b)).toBe('sharing-violation');
    expect(responseCodeOf(0x8010000a)).toBe('timeout');
    expect(responseCodeOf(0x8010002e)).toBe('no-readers-available');
    expect(responseCodeOf(0x80100009)).toBe('unknown-reader');
    expect(responseCodeOf(0x8010001d)).toBe('no-service');
    expect(responseCodeOf(0x80100002)).toBe('cancelled');
    expect(responseCodeOf(0x12345678)).toBe('unknown-error');
  });

  it('names the call and the code in its message', () => {
    expect(new PcscError('SCardTransmit', SCARD.W_REMOVED_CARD).message).toBe('SCardTransmit failed: SCARD_W_REMOVED_CARD (0x80100069)');
  });
});

describe('reader-state bits', () => {
  it('round-trips flags and the event count in the high 16 bits', () => {
    expect(flagsToState({ present: true, exclusive: true }, 3)).toBe(0x000300a0);
    expect(stateToFlags(0x000300a2)).toEqual({ flags: { changed: true, present: true, exclusive: true }, count: 3 });
  });

  it('reads a multi-string up to its double NUL', () => {
    expect(parseMultiString(new TextEncoder().encode('A\0B C\0\0junk'))).toEqual(['A', 'B C']);
  });
});

describe('PcscClient over a fake PC/SC library', () => {
  it('lists readers with the two-call length dance; no reader is an empty list', async () => {
    const { client } = rig();
    expect(await client.listReaders()).toEqual(['Reader A', 'Reader B']);
    expect(await new PcscClient(new FakePcscLibrary()).listReaders()).toEqual([]);
  });

  it('reports card presence and the ATR at once with a zero timeout', async () => {
    const { client } = rig();
    const states = await client.getStatusChange(
      [
        { readerName: 'Reader A', currentState: { unaware: true } },
        { readerName: 'Reader B', currentState: { unaware: true } },
      ],
      0,
    );
    expect(states.map((s) => [s.readerName, s.eventState.present === true, s.eventState.empty === true])).toEqual([
      ['Reader A', true, false],
      ['Reader B', false, true],
    ]);
    expect(states[0]!.atr).toEqual(ATR);
  });

  it('no card in the reader: SCARD_E_NO_SMARTCARD → no-smartcard', async () => {
    const { client } = rig();
    expect((await pcscFailure(client.connect('Reader B', ['t1']))).responseCode).toBe('no-smartcard');
  });

  it('no such reader: SCARD_E_UNKNOWN_READER → unknown-reader', async () => {
    const { client } = rig();
    expect((await pcscFailure(client.connect('Reader Z', ['t1']))).responseCode).toBe('unknown-reader');
  });

  it('connects exclusively: a second connect is a sharing violation', async () => {
    const { client } = rig();
    const first = await client.connect('Reader A', ['t1', 't0']);
    expect(first.activeProtocol).toBe('t1');
    expect((await pcscFailure(client.connect('Reader A', ['t1']))).rv).toBe(SCARD.E_SHARING_VIOLATION);
  });

  it('transmits, and a card taken out gives SCARD_W_REMOVED_CARD → removed-card', async () => {
    const { lib, client } = rig();
    const connection = await client.connect('Reader A', ['t1']);
    expect(await client.transmit(connection, Uint8Array.of(0x00, 0xa4, 0x04, 0x0c))).toEqual(OK);
    lib.removeCard('Reader A');
    expect((await pcscFailure(client.transmit(connection, Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x00)))).responseCode).toBe('removed-card');
  });

  it('a reader that times out a command: SCARD_E_TIMEOUT → timeout', async () => {
    const { lib, client } = rig();
    const connection = await client.connect('Reader A', ['t1']);
    lib.failNext('SCardTransmit', SCARD.E_TIMEOUT);
    expect((await pcscFailure(client.transmit(connection, Uint8Array.of(0x00, 0xa4, 0x04, 0x0c)))).responseCode).toBe('timeout');
  });

  it('a status wait with a timeout that passes: SCARD_E_TIMEOUT', async () => {
    const { client } = rig();
    const failure = await pcscFailure(client.getStatusChange([{ readerName: 'Reader A', currentState: { present: true } }], 0));
    expect(failure.rv).toBe(SCARD.E_TIMEOUT);
  });

  it('a blocking status wait ends when the card leaves, and cancelWaits ends one with SCARD_E_CANCELLED', async () => {
    const { lib, client } = rig();
    const removal = client.getStatusChange([{ readerName: 'Reader A', currentState: { present: true } }], undefined);
    await expect.poll(() => lib.waiting).toBe(1);
    lib.removeCard('Reader A');
    expect((await removal)[0]!.eventState.empty).toBe(true);

    const wait = client.getStatusChange([{ readerName: 'Reader B', currentState: { empty: true } }], undefined);
    await expect.poll(() => lib.waiting).toBe(1);
    await client.cancelWaits();
    expect((await pcscFailure(wait)).responseCode).toBe('cancelled');
  });

  it('the PC/SC service restarted: a stale context is replaced once, transparently', async () => {
    const { lib, client } = rig();
    expect(await client.listReaders()).toHaveLength(2);
    lib.failNext('SCardListReaders', SCARD.E_NO_SERVICE);
    expect(await client.listReaders()).toHaveLength(2);
    lib.failNext('SCardListReaders', SCARD.E_NO_SERVICE);
    lib.failNext('SCardListReaders', SCARD.E_NO_SERVICE);
    expect((await pcscFailure(client.listReaders())).responseCode).toBe('no-service');
  });

  it('refuses more reader states than the cap before calling PC/SC', async () => {
    const { client } = rig();
    const many = Array.from({ length: 17 }, (_, i) => ({ readerName: `R${i}`, currentState: {} }));
    expect((await pcscFailure(client.getStatusChange(many, 0))).rv).toBe(SCARD.E_INVALID_PARAMETER);
  });
});
