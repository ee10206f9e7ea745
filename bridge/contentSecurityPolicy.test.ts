import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../scripts/shared/securityHeaders';
import { BRIDGE_DEFAULT_PORT } from '../src/platform/bridgeProtocol';

/** Issue 18: the app's policy lets the page reach the loopback bridge, and nothing else new. */
describe('the app’s Content-Security-Policy and the bridge', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }));

  it('connect-src is the app’s own origin and ws://127.0.0.1 on the bridge’s port, exactly', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${BRIDGE_DEFAULT_PORT}`]);
  });

  it('no other directive names a host', () => {
    for (const [name, values] of directives) {
      if (name === 'connect-src') continue;
      expect(values.filter((v) => /:\/\/|^[a-z0-9.-]+\.[a-z]{2,}$/i.test(v)), name).toEqual([]);
    }
  });
});
