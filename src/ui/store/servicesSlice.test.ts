import { describe, expect, it } from 'vitest';
import type { ConnectionInfo, ServiceLoginView } from '../../protocol';
import { fakeClient, memoryStorage } from '../testing/fakes';
import { createAppStore } from './createAppStore';

const INFO: ConnectionInfo = { kind: 'simulator', atr: '3B E0', extendedLength: true };
const login = (serial: string): ServiceLoginView => ({
  challengeHex: 'AA',
  signatureHex: 'BB',
  signatureValid: true,
  at: '2026-11-23T00:00:00.000Z',
  record: { serialNumberHex: serial, serialNumberDecimal: '1', issuer: 'C=JP', subject: 'CN=x', notBefore: '2025-01-01T00:00:00Z', notAfter: '2030-01-01T00:00:00Z' },
});

describe('the services slice', () => {
  it('appends each login, passes the PIN through without keeping it, and clears with the card data', async () => {
    const fake = fakeClient({ connectSimulator: () => INFO, serviceLogin: () => login('2C3BBA0C'), clear: () => null });
    const store = createAppStore(fake.client, memoryStorage(), ['en']);
    await store.getState().connectSimulator('adult');
    expect(await store.getState().serviceLogin('1234', false)).toBe(true);
    expect(await store.getState().serviceLogin('1234', true)).toBe(true);
    expect(store.getState().services.logins.map((l) => l.record.serialNumberHex)).toEqual(['2C3BBA0C', '2C3BBA0C']);
    expect(fake.calls.filter((c) => c.method === 'serviceLogin').map((c) => c.params)).toEqual([{ pin: '1234' }, { pin: '1234', confirmLastTry: true }]);
    expect(JSON.stringify(store.getState())).not.toContain('1234');
    await store.getState().clearAll();
    expect(store.getState().services.logins).toEqual([]);
    expect(store.getState().view).toBe('exposure');
  });

  it('keeps a refusal with its action, code and details, and no record', async () => {
    const fake = fakeClient({
      connectSimulator: () => INFO,
      signDocument: () => {
        throw Object.assign(new Error('wrong'), { code: 'card/wrong-pin', details: { triesLeft: 4 } });
      },
    });
    const store = createAppStore(fake.client, memoryStorage(), ['en']);
    await store.getState().connectSimulator('adult');
    expect(await store.getState().signDocument('eA==', 'WRONG1', false)).toBe(false);
    expect(store.getState().services).toMatchObject({ signature: null, pending: null, error: { action: 'sign', code: 'card/wrong-pin', details: { triesLeft: 4 } } });
  });
});
