import { describe, expect, it } from 'vitest';
import { row } from '../testing/fakes';
import { cellFor, groupRows, sessionRead } from './matrixModel';

const content = { rawHex: '00', byteLength: 1, fields: [], images: [] };

describe('groupRows', () => {
  it('groups by applet in reference order with a no-PIN column and one column per PIN named by the rows', () => {
    const groups = groupRows([
      row({ key: 'cardLevel/0045' }),
      row({ key: 'text/0001', access: { kind: 'pin', anyOf: ['textPin', 'textPinA'] } }),
      row({ key: 'jpki/0001', access: { kind: 'pin', anyOf: ['jpkiSign'] } }),
      row({ key: 'text/0002', access: { kind: 'pin', anyOf: ['textPinB', 'textPin'] } }),
    ]);
    expect(groups.map((g) => g.applet)).toEqual(['jpki', 'text', 'cardLevel']);
    expect(groups[1]?.columns).toEqual(['none', 'textPin', 'textPinA', 'textPinB']);
    expect(groups[2]?.columns).toEqual(['none']);
  });
});

describe('cellFor', () => {
  const sign = row({ key: 'jpki/0001', access: { kind: 'pin', anyOf: ['jpkiSign'] }, status: 'locked' });
  it('locks a PIN file in the no-PIN column and under other PINs, naming the PIN that opens it', () => {
    expect(cellFor(sign, 'none')).toEqual({ kind: 'locked', by: ['jpkiSign'] });
    expect(cellFor(sign, 'jpkiAuth')).toEqual({ kind: 'locked', by: ['jpkiSign'] });
    expect(cellFor(sign, 'jpkiSign')).toEqual({ kind: 'readable' });
  });
  it('marks the signature certificate and key of a card without one "not issued" under every column, never "locked → readable with the signature password" (§6.2, §12)', () => {
    const notIssued = row({ key: 'jpki/0001', access: { kind: 'pin', anyOf: ['jpkiSign'] }, status: 'not-issued' });
    for (const column of ['none', 'jpkiAuth', 'jpkiSign'] as const) expect(cellFor(notIssued, column)).toEqual({ kind: 'not-issued' });
    expect(cellFor(row({ key: 'jpki/001A', access: { kind: 'internal' }, status: 'not-issued' }), 'none')).toEqual({ kind: 'not-issued' });
  });
  it('marks a read file with decoded content as read, and an absent one as absent', () => {
    expect(cellFor(row({ key: 'jpki/000A', status: 'read', readWith: 'none', content }), 'none')).toEqual({ kind: 'read' });
    expect(cellFor(row({ key: 'jpki/0008', status: 'absent' }), 'none')).toEqual({ kind: 'absent' });
    expect(cellFor({ ...sign, status: 'read', readWith: 'jpkiSign', openedBy: ['jpkiSign'], content }, 'jpkiSign')).toEqual({ kind: 'readable' });
  });
  it('keeps PIN columns to the access rule: a free file read with no PIN is readable under each PIN, not read', () => {
    const auth = row({ key: 'jpki/000A', status: 'read', readWith: 'none', content });
    expect(cellFor(auth, 'none')).toEqual({ kind: 'read' });
    expect(cellFor(auth, 'jpkiAuth')).toEqual({ kind: 'readable' });
    expect(cellFor(auth, 'jpkiSign')).toEqual({ kind: 'readable' });
  });
  it('says what a PIN opens, not whether it was used: the session column says that', () => {
    const basic = row({ key: 'text/0003', access: { kind: 'pin', anyOf: ['textPin', 'textPinA'] }, status: 'read', readWith: 'textPinA', content });
    expect(cellFor(basic, 'textPin')).toEqual({ kind: 'readable' });
    expect(cellFor(basic, 'textPinA')).toEqual({ kind: 'readable' });
    expect(cellFor(basic, 'none')).toEqual({ kind: 'locked', by: ['textPin', 'textPinA'] });
  });
  it('shows never, internal and unknown as such', () => {
    expect(cellFor(row({ key: 'jpki/0009', access: { kind: 'never' } }), 'none').kind).toBe('never');
    expect(cellFor(row({ key: 'jpki/0017', access: { kind: 'internal' } }), 'jpkiAuth').kind).toBe('internal');
    expect(cellFor(row({ key: 'jpki/0005', access: { kind: 'unknown' } }), 'none').kind).toBe('unknown');
  });
});

describe('sessionRead', () => {
  it('names every PIN that opened the file, in order, not only the last', () => {
    const face = row({ key: 'visual/0002', access: { kind: 'pin', anyOf: ['visualPinA', 'visualPinB'] }, status: 'read', readWith: 'visualPinB', openedBy: ['visualPinA', 'visualPinB'], content });
    expect(sessionRead(face)).toEqual({ withoutPin: false, pins: ['visualPinA', 'visualPinB'] });
  });
  it('says a free file was read with no PIN, and says nothing of a file not read', () => {
    expect(sessionRead(row({ key: 'jpki/000A', status: 'read', readWith: 'none', content }))).toEqual({ withoutPin: true, pins: [] });
    expect(sessionRead(row({ key: 'jpki/0001', status: 'locked', readWith: 'none' }))).toBeNull();
    expect(sessionRead(row({ key: 'jpki/0001' }))).toBeNull();
  });
});
