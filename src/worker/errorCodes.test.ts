import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient } from '../client/EngineClient';
import { EngineFailure, ERROR_CODES, isErrorCode, knownErrorCode } from '../protocol';
import { serializeError } from './serializeError';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A worker of another version: answers every request with an error of the code given. */
function oldWorker(code: string) {
  const channel = new MessageChannel();
  channel.port1.addEventListener('message', (event: MessageEvent<{ id: number }>) => {
    channel.port1.postMessage({ kind: 'response', id: event.data.id, ok: false, error: { code, message: 'from another version', details: { file: 'x' } } });
  });
  channel.port1.start();
  channel.port2.start();
  const client = new EngineClient(channel.port2);
  cleanup = () => {
    client.dispose();
    channel.port1.close();
    channel.port2.close();
  };
  return client;
}

describe('ErrorCode across the boundary', () => {
  it('keeps a known code and its details', async () => {
    await expect(oldWorker('transport/card-removed').call('scan', {})).rejects.toMatchObject({ code: 'transport/card-removed', details: { file: 'x' } });
  });

  it('turns a code this build does not know into engine/unknown-error, naming it', async () => {
    const failure = await oldWorker('transport/quantum-tunnel').call('scan', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineFailure);
    expect(failure).toMatchObject({ code: 'engine/unknown-error', message: 'from another version', details: { file: 'x', code: 'transport/quantum-tunnel' } });
  });

  it('turns a missing or non-string code into engine/internal', () => {
    expect(knownErrorCode(undefined)).toEqual({ code: 'engine/internal', details: {} });
    expect(knownErrorCode(42)).toEqual({ code: 'engine/internal', details: {} });
    expect(knownErrorCode('')).toEqual({ code: 'engine/internal', details: {} });
  });

  it('caps the length of an unknown code it carries on', () => {
    expect(knownErrorCode('x/'.padEnd(10_000, 'y')).details['code']).toHaveLength(80);
  });

  it('on the engine side, sends a thrown code no ErrorCode names as engine/internal', () => {
    expect(serializeError(Object.assign(new Error('node'), { code: 'ERR_SOMETHING' }))).toEqual({ code: 'engine/internal', message: 'node' });
    expect(serializeError(Object.assign(new Error('lost'), { code: 'transport/device-lost' }))).toEqual({ code: 'transport/device-lost', message: 'lost' });
  });
});

/** Every `.ts`/`.tsx` file under `dir` that is not a test. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|bench)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('ErrorCode holds every code', () => {
  const prefixes = [...new Set(ERROR_CODES.map((code) => code.split('/')[0]))].join('|');
  // A code as the source raises it: `code: '…'`, `code = '…'`, or the first argument of a coded error.
  const raised = new RegExp(`(?:code\\s*[:=]\\s*|(?:EngineFailure|TransportError|CardError|UsbAccessError|bridgeFailure)\\()'((?:${prefixes})/[a-z0-9-]+)'`, 'g');

  it('knows every code raised in src/', () => {
    const found = sources(join(__dirname, '..')).flatMap((path) => [...readFileSync(path, 'utf8').matchAll(raised)].map((m) => `${m[1]} (${path})`));
    expect(found.length).toBeGreaterThan(50);
    expect(found.filter((entry) => !isErrorCode(entry.split(' ')[0]))).toEqual([]);
  });
});
