/**
 * The FFI binding against the real pcsc-lite (libpcsclite.so.1 → our loopback-only pcscd with
 * vpcd and the simulated card): struct layout, out-parameters and the return codes a session
 * meets come from the real library, not from our fake. Run by `npm run test:pcsc`.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePcscPackages } from '../../scripts/pcsc/packages';
import { startPcscRig, type PcscRig } from '../../scripts/pcsc/rig';
import { waitForCardInReader } from '../../scripts/pcsc/tools';
import { VpcdBridge } from '../../src/simulator/pcsc/VpcdBridge';
import { SimulatedCard, loadPersonalisation } from '../../src/simulator';
import { loadPcscLibrary } from './koffiPcsc';
import { PcscClient } from './PcscClient';
import { PcscError, SCARD } from './pcscConstants';

const SELECT_JPKI = Uint8Array.of(0x00, 0xa4, 0x04, 0x0c, 0x0a, 0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01);

let workDir = '';
let rig: PcscRig | null = null;
let card: SimulatedCard;
const client = new PcscClient(loadPcscLibrary());

beforeAll(async () => {
  await ensurePcscPackages();
  workDir = mkdtempSync(join(tmpdir(), 'mynalens-ffi-'));
  card = new SimulatedCard(await loadPersonalisation('adult'));
  rig = await startPcscRig(card, { workDir });
});

afterAll(async () => {
  await client.close();
  await rig?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<PcscError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(PcscError);
  return error as PcscError;
}

describe('koffi → libpcsclite.so.1 against pcscd + vpcd + the simulated card', () => {
  it('lists vpcd’s readers and sees the card and its ATR', async () => {
    const readers = await client.listReaders();
    expect(readers).toContain('Virtual PCD 00 00');
    const [state] = await client.getStatusChange([{ readerName: 'Virtual PCD 00 00', currentState: { unaware: true } }], 0);
    expect(state!.eventState.present).toBe(true);
    expect(state!.atr).toEqual(card.atr);
  });

  it('connects exclusively with T=1, transmits, and a second connect is SCARD_E_SHARING_VIOLATION', async () => {
    const connection = await client.connect('Virtual PCD 00 00', ['t1', 't0']);
    expect(connection.activeProtocol).toBe('t1');
    expect(await client.transmit(connection, SELECT_JPKI)).toEqual(Uint8Array.of(0x90, 0x00));
    expect((await client.status(connection)).atr).toEqual(card.atr);
    expect((await rejection(client.connect('Virtual PCD 00 00', ['t1']))).rv).toBe(SCARD.E_SHARING_VIOLATION);
    await client.disconnect(connection, 'reset');
  });

  it('an empty slot: SCARD_E_NO_SMARTCARD; an unknown reader: SCARD_E_UNKNOWN_READER', async () => {
    expect((await rejection(client.connect('Virtual PCD 00 01', ['t1']))).rv).toBe(SCARD.E_NO_SMARTCARD);
    expect((await rejection(client.connect('No Such Reader 00 00', ['t1']))).rv).toBe(SCARD.E_UNKNOWN_READER);
  });

  it('a status wait with nothing changing times out with SCARD_E_TIMEOUT, and a blocking one ends on SCardCancel', async () => {
    const [now] = await client.getStatusChange([{ readerName: 'Virtual PCD 00 00', currentState: { unaware: true } }], 0);
    expect((await rejection(client.getStatusChange([{ readerName: 'Virtual PCD 00 00', currentState: now!.eventState, currentCount: now!.eventCount }], 50))).rv).toBe(SCARD.E_TIMEOUT);
    const wait = client.getStatusChange([{ readerName: 'Virtual PCD 00 00', currentState: now!.eventState, currentCount: now!.eventCount }], undefined);
    await expect.poll(() => client.pendingWaits).toBe(1);
    await client.cancelWaits();
    expect((await rejection(wait)).rv).toBe(SCARD.E_CANCELLED);
  });

  it('the card taken out mid-session: SCARD_W_REMOVED_CARD, then back in it connects again', async () => {
    const connection = await client.connect('Virtual PCD 00 00', ['t1']);
    await rig!.bridge.close();
    await expect
      .poll(async () => (await client.getStatusChange([{ readerName: 'Virtual PCD 00 00', currentState: { unaware: true } }], 0))[0]!.eventState.empty === true)
      .toBe(true);
    expect((await rejection(client.transmit(connection, SELECT_JPKI))).rv).toBe(SCARD.W_REMOVED_CARD);
    await client.disconnect(connection, 'leave').catch(() => undefined);

    const again = new VpcdBridge(card, { socketPath: rig!.bridge.socketPath! }).start();
    await again.waitForConnection(10_000);
    await waitForCardInReader('Virtual PCD 00 00', process.env, 15_000);
    const back = await client.connect('Virtual PCD 00 00', ['t1']);
    expect(await client.transmit(back, SELECT_JPKI)).toEqual(Uint8Array.of(0x90, 0x00));
    await client.disconnect(back, 'reset');
    await again.close();
  });
});
