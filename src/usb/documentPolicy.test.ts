import { describe, expect, it } from 'vitest';
import { documentAllowsFeature } from './documentPolicy';

/** A policy that allows exactly the features listed. */
const allowing = (...features: string[]) => ({ allowsFeature: (feature: string) => features.includes(feature) });

describe('documentAllowsFeature', () => {
  it('asks document.permissionsPolicy where the browser has it', () => {
    const doc = { permissionsPolicy: allowing('usb-unrestricted') } as unknown as Document;
    expect(documentAllowsFeature('usb-unrestricted', doc)).toBe(true);
    expect(documentAllowsFeature('smart-card', doc)).toBe(false);
  });

  it('falls back to document.featurePolicy, the only one Chromium 156 has', () => {
    const doc = { featurePolicy: allowing('usb-unrestricted') } as unknown as Document;
    expect(documentAllowsFeature('usb-unrestricted', doc)).toBe(true);
    expect(documentAllowsFeature('usb', doc)).toBe(false);
  });

  it('prefers the standard name when both exist', () => {
    const doc = { permissionsPolicy: allowing(), featurePolicy: allowing('usb-unrestricted') } as unknown as Document;
    expect(documentAllowsFeature('usb-unrestricted', doc)).toBe(false);
  });

  it('allows nothing without either, without a document, or when the policy throws on the name', () => {
    expect(documentAllowsFeature('usb-unrestricted', {} as Document)).toBe(false);
    expect(documentAllowsFeature('usb-unrestricted', undefined)).toBe(false);
    const throwing = { featurePolicy: { allowsFeature: () => { throw new TypeError('unknown feature'); } } } as unknown as Document;
    expect(documentAllowsFeature('usb-unrestricted', throwing)).toBe(false);
  });
});
