interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): unknown;
}

/**
 * Trusted Types (W3C Trusted Types §"default policy"): an Isolated Web App's mandatory CSP
 * requires them for scripts, and our own CSP asks for them too, so `new Worker(url)` and
 * `serviceWorker.register(url)` pass through this one default policy. It lets through script URLs
 * of this origin only — the app's own chunks — and refuses everything else.
 */
export function installSameOriginScriptPolicy(): void {
  const factory = (globalThis as typeof globalThis & { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (!factory) return;
  factory.createPolicy('default', {
    createScriptURL(input: string): string {
      const url = new URL(input, globalThis.location.href);
      if (url.origin !== globalThis.location.origin) throw new TypeError(`script URL ${url.origin} is not this app's origin`);
      return input;
    },
  });
}
